"""More training wordings per label, in the styles that label trains on (never its held-out
styles): other vocabulary for the same concepts, and the label beside the codes it most often
shares a finding with.

Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

MORE: dict[str, list[Phrase]] = {
    "FL01": wordings(
        ("FL01",),
        plain=(
            "Workers from an ethnic minority with no identity papers were hired at a lower daily "
            "rate, and the owner told the auditor they could not work anywhere else.",
            "Management relies on the fact that migrant workers cannot speak the local language "
            "to avoid explaining deductions to them.",
        ),
        narrative=(
            "The estate hires families displaced by the conflict in the neighbouring province. "
            "They live in company huts, buy food on credit at the company shop, and the manager "
            "said openly that they would not leave because they had nowhere to go.",
        ),
        terse=("Asylum seekers w/o {iddoc} employed on cash basis; mgmt knows they won't report.",),
        legal=(
            "Contrary to {law}, the employer used the irregular status of {count} to pay them "
            "less and deny them social insurance.",
        ),
        multi=(
            (
                "Undocumented workers are paid below the minimum wage and told that the police "
                "will be called if they complain.",
                ("FL01", "FL06", "WAG"),
            ),
        ),
    ),
    "FL02": wordings(
        ("FL02",),
        plain=(
            "The wage stated in the offer letter given to recruits abroad was higher than the "
            "wage set out in the contract they signed after arrival.",
            "Recruits were not told before departure that accommodation and meals would be "
            "charged to them.",
        ),
        narrative=(
            "Interviews with recently arrived workers showed that the broker had described "
            "the work as seasonal packing with overtime optional; in fact it is year-round work "
            "on the {dept} line with a fixed overtime schedule.",
        ),
        worker_voice=(
            "'The paper we signed at home said we would work in the city,' a worker said; the "
            "factory is in a rural industrial zone far from any city.",
        ),
        scheme=(
            "Noncompliance: terms and conditions of employment were not communicated accurately "
            "to workers at recruitment.",
        ),
        multi=(
            (
                "Recruits were promised a free room; the room is shared by twelve and is charged "
                "at {money_small} a month.",
                ("FL02", "FL10", "WAG"),
            ),
        ),
    ),
    "FL03": wordings(
        ("FL03",),
        plain=(
            "Workers who live in the company hostel must be back by {curfew} and are not allowed "
            "out at weekends without the warden's signature.",
            "The main gate is kept closed during working hours and workers are searched and "
            "questioned by guards if they attempt to go out.",
        ),
        terse=("Hostel doors chained at night; guard holds key.",),
        worker_voice=(
            "'We are not allowed to go out alone, only together with the supervisor,' said a "
            "worker living on site.",
        ),
        legal=(
            "Contrary to the code, resident workers must hand in a written request in advance "
            "to leave the compound on their rest day.",
        ),
        scheme=(
            "Are workers free to leave the workplace and housing outside working hours? No: "
            "the hostel is locked from {curfew} and exits need the guard's approval.",
        ),
    ),
    "FL04": wordings(
        ("FL04",),
        plain=(
            "Management holds the mobile phones of migrant workers during the week and returns "
            "them only on the rest day.",
            "Workers housed at the plantation have no means of transport to the nearest town and "
            "no phone signal in the camp.",
            "Mail sent to the workers' hostel is collected and read by the warden before it is "
            "handed out.",
            "Visitors are not allowed at the migrant hostel, and workers may call home only from "
            "the office phone in the presence of staff.",
        ),
        narrative=(
            "The migrant hostel is inside the factory walls. Newcomers are not allowed "
            "visitors, cannot receive calls on the office line, and told the auditor they had not "
            "spoken to their families since arriving.",
        ),
        terse=("SIM cards confiscated during peak; returned after season.",),
        scheme=(
            "Noncompliance: the employer prevents workers from communicating with people "
            "outside the workplace (phones confiscated, visitors banned).",
        ),
        multi=(
            (
                "Migrant workers cannot leave the compound without permission and have no phones "
                "to contact their families.",
                ("FL04", "FL03"),
            ),
        ),
    ),
    "FL05": wordings(
        ("FL05",),
        plain=(
            "A supervisor threw a bundle of fabric at an operator and struck her on the arm; "
            "the incident was confirmed by {count_small}.",
            "Workers reported that the production manager grabs and shakes workers who make "
            "quality errors.",
            "A guard at the factory gate slapped a worker whose bag search took too long.",
            "Security staff pushed and kicked workers queuing at the gate at the end of the night "
            "shift, according to {count_of}.",
        ),
        narrative=(
            "A worker showed the auditor a mark on her face and said a line chief had slapped "
            "her the week before for talking; other workers on the same line confirmed it and "
            "said it was not the first time.",
        ),
        worker_voice=(
            "'He pulls our hair when we are slow,' a young worker said of her supervisor.",
        ),
        legal=(
            "Contrary to {law}, which prohibits corporal punishment, workers who broke needles "
            "were made to kneel beside their machines.",
        ),
        multi=(
            (
                "A guard beat a worker caught leaving early, and workers' bags are searched and "
                "their exit recorded at every break.",
                ("FL05", "FL03"),
            ),
        ),
    ),
    "FL06": wordings(
        ("FL06",),
        plain=(
            "The general manager told workers at a meeting that anyone who spoke to the "
            "auditors about overtime would be fired.",
            "Supervisors insult workers and call them 'useless' in front of the line.",
        ),
        terse=("Workers threatened w/ deportation if they complain.",),
        worker_voice=(
            "'They tell us the agency will send us home if we make trouble,' said a migrant "
            "worker; {count_of} said the same.",
        ),
        scheme=(
            "Noncompliance: the employer uses threats of dismissal and of reporting workers to "
            "the authorities to discourage complaints.",
        ),
        multi=(
            (
                "Workers who refused Sunday work were shouted at and fined {money_small}.",
                ("FL06", "WAG"),
            ),
        ),
    ),
    "FL07": wordings(
        ("FL07",),
        plain=(
            "The broker who recruited the migrant workers still holds their {iddoc}, and the "
            "site has not asked for them to be returned.",
            "Workers' {iddoc} are kept in the HR safe and released only for visa renewal.",
        ),
        narrative=(
            "During document review the auditor found a box of original {iddoc} in the "
            "accountant's office. Staff explained that the documents are kept so that workers "
            "cannot change jobs before their contract ends.",
        ),
        terse=("Orig. {iddoc} kept by labour contractor; workers carry copies.",),
        legal=(
            "Contrary to {law}, the recruitment agency retains the {iddoc} of workers it has "
            "placed at the site.",
        ),
        scheme=(
            "Noncompliance: workers do not have free access to their own identity documents, "
            "which are held by the employer.",
        ),
    ),
    "FL08": wordings(
        ("FL08",),
        plain=(
            "Workers who left in {date_month} had still not received their last wages at the "
            "time of the audit.",
            "Part of each monthly wage is kept back by the employer and paid out only at the end "
            "of the contract.",
        ),
        narrative=(
            "Wages are paid in two instalments: the larger one in the middle of the following "
            "month, well after the legal pay date. The finance manager said cash flow depends on "
            "buyers' payments.",
        ),
        terse=("Final pay of resigned workers outstanding {dur_short} after exit.",),
        legal=(
            "Contrary to {law}, the site did not pay the wages due to dismissed workers within "
            "the statutory period.",
        ),
        multi=(
            (
                "Wages are paid {dur_delay} late and workers who resign lose the wages of their "
                "last month.",
                ("FL08", "WAG"),
            ),
        ),
    ),
    "FL09": wordings(
        ("FL09",),
        plain=(
            "Migrant workers borrowed money at high interest to pay the {fee_recruit} and are "
            "still repaying it from their wages.",
            "New workers must pay a {fee_deposit} of {money}, which they lose if they leave "
            "before the end of the contract.",
        ),
        worker_voice=(
            "'I owe the broker more than I earn in a year,' a worker said; {count_of} paid "
            "between {money_usd} and {money_usd2} to get the job.",
        ),
        legal=(
            "Contrary to the employer-pays principle of the code, workers bore the costs of "
            "their visas, medical checks and travel.",
        ),
        scheme=(
            "Noncompliance: the employer deducts loan repayments from wages, and workers who "
            "owe money are not allowed to resign.",
        ),
        multi=(
            (
                "Workers pay {fee_recruit} to a broker who keeps their {iddoc} until the debt is "
                "paid off, and they cannot leave the hostel without permission.",
                ("FL09", "FL07", "FL03"),
            ),
        ),
    ),
    "FL10": wordings(
        ("FL10",),
        plain=(
            "Workers' rooms have no beds; workers sleep on mats on a concrete floor and share "
            "one washroom with no running water.",
            "Workers are allowed to use the toilet only with the line leader's permission and "
            "are timed.",
            "Sick workers are not allowed to rest or see a doctor during the shift and must make "
            "up the lost time.",
            "Drinking water is rationed on the production floor; workers fill their bottles only "
            "at the meal break.",
            "Meals provided by the employer are too small and workers said they are often "
            "hungry by the end of the shift.",
        ),
        narrative=(
            "The labour camp consists of container units without windows. Each unit sleeps "
            "eight, the only water comes from a tank filled weekly, and the latrines were "
            "overflowing on the day of the visit.",
        ),
        terse=("Housing: containers, no windows, eight per unit, latrines overflowing.",),
        scheme=(
            "Noncompliance: the accommodation provided by the employer is overcrowded and "
            "lacks basic sanitation.",
        ),
        multi=(
            (
                "The dormitory sleeps twenty to a room and its only staircase is blocked with "
                "stored goods.",
                ("FL10", "OHS"),
            ),
        ),
    ),
    "FL11": wordings(
        ("FL11", "HRS"),
        plain=(
            "Time records of the {dept} section showed shifts of {hours_day} for weeks at a "
            "time during the peak season.",
            "Workers must work whatever overtime the supervisor sets and may not go home before "
            "the daily target is met.",
        ),
        narrative=(
            "The electronic time records were switched off in the peak season and replaced with "
            "paper sheets. Workers interviewed described working through the night before "
            "shipments and said nobody is allowed to refuse.",
        ),
        terse=("{^hours_week} in peak; no day off; OT mandatory.",),
        worker_voice=(
            "'We work until the order is finished, even if it is midnight,' a worker said; "
            "time cards show {hours_week}.",
        ),
        legal=(
            "Contrary to {law}, total working hours reached {hours_week} and workers were "
            "denied their weekly rest day for {dur_rest}.",
        ),
    ),
    "HRS": wordings(
        ("HRS",),
        plain=(
            "Working hours were not recorded for workers paid by the piece.",
            "Overtime exceeded the legal monthly limit by a small margin in {date_month}.",
        ),
        narrative=(
            "The site works a six-day week. Overtime is voluntary and paid correctly, but in "
            "two of the sampled months it went slightly over the legal monthly cap for the "
            "{dept} section.",
        ),
        terse=("Time cards incomplete; out-punch missing for {pct} of days.",),
        scheme=("Noncompliance: the employer does not record overtime hours separately.",),
        multi=(
            (
                "Overtime went over the monthly cap and night work was paid without the allowance.",
                ("HRS", "WAG"),
            ),
        ),
    ),
    "CL01": wordings(
        ("CL01",),
        plain=(
            "A girl {age_pred} was working as a helper in the {dept} section on the day of the "
            "audit; her file held a borrowed {iddoc_sg}.",
            "Children were seen sorting materials in a subcontractor's yard during school hours.",
        ),
        terse=("Child labour: boy {age_pred} carrying bundles in {dept}.",),
        worker_voice=(
            "A worker said her younger sister, {age_pred}, works beside her on the line during "
            "the school holidays.",
        ),
        scheme=(
            "Noncompliance: the employer employs persons below the legal minimum age for "
            "employment.",
        ),
        multi=(
            (
                "A {age_adj} worker was found on the night shift with no record of hours worked.",
                ("CL01", "HRS"),
            ),
        ),
    ),
    "CL02": wordings(
        ("CL02",),
        plain=(
            "Juvenile workers are assigned to the dye house, where they handle caustic chemicals.",
            "Apprentices below the age of majority work the same night shifts as adult workers.",
        ),
        narrative=(
            "The young worker register shows {count_small} on the payroll. Their time cards "
            "show regular overtime and several night shifts a month, and none of them has had "
            "the medical check required before night work.",
        ),
        worker_voice=("A worker {age_young_pred} said he operates the cutting press on nights.",),
        legal=(
            "Contrary to {law}, young workers performed overtime and were not registered with "
            "the labour office.",
        ),
        multi=(
            (
                "Juvenile workers handle solvents without gloves and work until {curfew}.",
                ("CL02", "OHS"),
            ),
        ),
    ),
    "DIS": wordings(
        ("DIS",),
        plain=(
            "Women are not considered for mechanic or supervisor posts, according to the HR "
            "manager.",
            "Workers who disclosed a pregnancy had their contracts ended at the next renewal.",
        ),
        narrative=(
            "Application forms ask for marital status, number of children and religion. The "
            "recruiter explained that married women are placed on the packing line, where pay "
            "is lower, 'because they leave early'.",
        ),
        terse=("Pregnant workers not renewed; HIV test in medical check.",),
        legal=(
            "Contrary to {law}, the site pays women a lower daily rate than men for the same work.",
        ),
        scheme=(
            "Noncompliance: the employer uses pregnancy status as a criterion for hiring and "
            "termination.",
        ),
    ),
    "FOA": wordings(
        ("FOA",),
        plain=(
            "Management has not recognised the union that workers registered in {date_month} "
            "and refuses to meet its officers.",
            "The union president was transferred to a distant branch shortly after the union's "
            "first wage demand.",
        ),
        narrative=(
            "Workers who attended a union meeting outside the factory were called to the HR "
            "office the next day and asked to sign a statement that they were not members.",
        ),
        worker_voice=(
            "'We never voted for the committee,' said a worker; {count_of} could not name a "
            "single worker representative.",
        ),
        scheme=("Noncompliance: workers' representatives are selected by management.",),
        multi=(
            (
                "Union organisers were dismissed and the remaining members were warned they "
                "would be next.",
                ("FOA", "FL06"),
            ),
        ),
    ),
    "OHS": wordings(
        ("OHS",),
        plain=(
            "The only staircase from the {floor} was obstructed by stored fabric rolls.",
            "Machine operators in the {dept} section had no eye protection and the grinders "
            "had no guards.",
        ),
        terse=("Extinguishers expired; exit signs not lit; no drill in last year.",),
        worker_voice=(
            "'The smoke from the boiler comes into the room,' workers said; no extraction was "
            "fitted.",
        ),
        legal=(
            "Contrary to {law}, the site has not appointed a safety officer and keeps no "
            "accident register.",
        ),
        multi=(
            (
                "Emergency exits were locked during the shift and no fire drill had been held "
                "in the last year.",
                ("OHS",),
            ),
        ),
    ),
    "WAG": wordings(
        ("WAG",),
        plain=(
            "The cost of work uniforms and safety footwear is taken from workers' wages.",
            "Workers on probation are paid below the legal minimum wage.",
            "Fines for lateness and for talking on the line are deducted from wages.",
            "Workers pay for their own safety boots and gloves through payroll deductions.",
            "The employer recovers the cost of helmets and goggles from workers' wages.",
            "The price of the work jacket and the ID badge is deducted from the first month's pay.",
            "Workers are charged for replacement uniforms and protective footwear out of their "
            "pay.",
            "Piece rates were cut without notice and the pay of the sampled workers fell below "
            "the legal minimum in {date_month}.",
        ),
        narrative=(
            "Payslips reviewed for the sample did not include the night-shift allowance, and "
            "the social insurance contribution deducted from workers had not been paid over to "
            "the fund since {date_month}.",
        ),
        worker_voice=(
            "'If we are late they take half a day's pay,' a worker said; the fines register "
            "confirmed deductions for lateness.",
        ),
        legal=("Contrary to {law}, maternity leave was unpaid.",),
        scheme=(
            "Does the employer pay at least the minimum wage for ordinary hours? No: piece-rate "
            "earnings fell below it for {count_of}.",
        ),
    ),
    "EMP": wordings(
        ("EMP",),
        plain=(
            "Workers are hired through a labour agency on contracts that are renewed every "
            "{dur_contract}, although they do permanent production work.",
            "Seasonal workers had no written terms of employment.",
        ),
        terse=("Probation extended beyond legal max.",),
        worker_voice=(
            "'We are agency workers, we have no contract with the factory,' said a worker who "
            "has worked on the same line for years.",
        ),
        legal=("Contrary to {law}, workers were kept on probation longer than the law allows.",),
        multi=(
            (
                "Casual workers have no contract and are not paid for public holidays.",
                ("EMP", "WAG"),
            ),
        ),
    ),
}
