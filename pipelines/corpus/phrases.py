"""Phrase banks: how auditors word findings, evidence, observations and good practices.

Each non-compliance phrase carries the ILO indicator codes its wording supports. Phrases whose
text starts with `!` are held out: only documents of held-out (test) layouts may use them, so the
classifier's test score covers wording it never saw. Entity-like words (amounts, ages, documents,
fees, dates, laws, organisations, worker counts, durations, hours) must come from `{slots}`;
`entities.fill` rejects templates that write them literally.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Phrase:
    text: str
    codes: tuple[str, ...] = ()
    held_out: bool = False


def _bank(codes: tuple[str, ...], *texts: str) -> list[Phrase]:
    return [Phrase(t.lstrip("!"), codes, t.startswith("!")) for t in texts]


def _mixed(*items: tuple[str, tuple[str, ...]]) -> list[Phrase]:
    return [Phrase(t.lstrip("!"), codes, t.startswith("!")) for t, codes in items]


# Finding "issue" keys: ILO codes, plus issues that carry no indicator.
NO_INDICATOR_ISSUES = ("ENV", "ETH", "MGT")

NON_COMPLIANCE: dict[str, list[Phrase]] = {
    "FL01": _mixed(
        (
            "{count} of {nat} nationality were employed without valid {iddoc}; management "
            "acknowledged that their irregular status made them reluctant to raise complaints "
            "about pay.",
            ("FL01",),
        ),
        (
            "Supervisors told {count} without valid {iddoc} that they would be reported to the "
            "{org_gov} if they refused overtime.",
            ("FL01", "FL06"),
        ),
        (
            "The site recruited {count_small} from remote districts who could not read the "
            "contracts they signed; nobody explained the terms to them in a language they "
            "understand.",
            ("FL01", "FL02"),
        ),
        (
            "{nat} workers ({count}) were assigned exclusively to night shifts and the heaviest "
            "tasks and were paid less than local colleagues doing the same job.",
            ("FL01", "DIS"),
        ),
        (
            "It was noted that the factory hired {count_small} who had recently arrived with no "
            "local support network and made their accommodation conditional on accepting "
            "unpaid trial work.",
            ("FL01",),
        ),
        (
            "!Management took advantage of the undocumented status of {count}: they were paid in "
            "cash below the legal minimum and were not registered with social security.",
            ("FL01", "WAG"),
        ),
        (
            "!Workers in debt to moneylenders in their home villages were offered wage advances "
            "by the production manager on condition that they stayed until the advance was repaid.",
            ("FL01", "FL09"),
        ),
    ),
    "FL02": _mixed(
        (
            "Job offers made by {org_agency} promised a monthly wage of {money_usd}; the wage "
            "actually paid was {money} and overtime premiums were not mentioned at recruitment.",
            ("FL02",),
        ),
        (
            "{count_of} stated that the type of work, working hours and accommodation differed "
            "from what the recruitment agent had described before departure.",
            ("FL02",),
        ),
        (
            "Employment contracts signed in the home country were replaced on arrival with new "
            "contracts on less favourable terms, including a longer probation period of "
            "{dur_contract}.",
            ("FL02", "EMP"),
        ),
        (
            "Workers were not given a copy of their employment contract, and the contract on file "
            "was written only in the local language, which {count} cannot read.",
            ("FL02",),
        ),
        (
            "The factory advertised free dormitory accommodation, but a {fee_ded} of {money_small} "
            "was taken from every wage payment since {date_month}.",
            ("FL02", "WAG"),
        ),
        (
            "!Recruits were told they would work for {org_brand} orders in a modern facility; in "
            "practice they were placed with a subcontractor and their wage was halved.",
            ("FL02",),
        ),
        (
            "!The recruitment notice posted by {org_agency} listed benefits (paid leave, social "
            "insurance) that the site does not provide to contract workers.",
            ("FL02", "EMP"),
        ),
    ),
    "FL03": _mixed(
        (
            "Workers living in the dormitory were not allowed to leave the compound after "
            "{curfew}, and the gate was locked overnight.",
            ("FL03",),
        ),
        (
            "Security guards recorded and restricted the movement of migrant workers outside "
            "working hours; written permission from the supervisor was required to leave the "
            "premises on rest days.",
            ("FL03",),
        ),
        (
            "{count} reported that they could only leave the factory compound in escorted groups "
            "once a week.",
            ("FL03",),
        ),
        (
            "Exit from the production floor during shifts was controlled with a pass system; "
            "workers could use the toilet only twice per shift and needed a pass to do so.",
            ("FL03", "FL10"),
        ),
        (
            "The dormitory gate is locked from {curfew} until 6 am and the key is held by the "
            "security supervisor, who lives off site.",
            ("FL03", "OHS"),
        ),
        (
            "!Migrant workers were required to obtain a signed gate pass to leave the hostel, "
            "and {count_small} said passes were refused when they asked to visit relatives.",
            ("FL03",),
        ),
        (
            "!Workers on the night shift were locked inside the {dept} building until the morning "
            "shift arrived.",
            ("FL03", "OHS"),
        ),
    ),
    "FL04": _mixed(
        (
            "Mobile phones of {count} were collected at the start of each shift and kept for the "
            "entire week, leaving workers without contact with their families.",
            ("FL04",),
        ),
        (
            "The workers' dormitory is located inside a remote plantation with no public "
            "transport; the employer controls the only vehicle and its use.",
            ("FL04", "FL03"),
        ),
        (
            "Newly arrived {nat} workers were housed apart from other staff and were not permitted "
            "visitors, and they had no access to the grievance hotline.",
            ("FL04",),
        ),
        (
            "Management confirmed that workers are not told the address of the site they are "
            "transported to, and {count_small} could not name the town they live in.",
            ("FL04",),
        ),
        (
            "Workers living on the premises could not receive mail or calls; letters were opened "
            "by the administration office.",
            ("FL04",),
        ),
        (
            "!Contact between the {nat} workforce and local workers or union representatives was "
            "discouraged and meals were served in a separate canteen at different times.",
            ("FL04", "FOA"),
        ),
        (
            "!The site confiscated SIM cards of {count} during the peak season to prevent them "
            "from contacting recruiters about other jobs.",
            ("FL04",),
        ),
    ),
    "FL05": _mixed(
        (
            "{count_of} reported that line supervisors in the {dept} section hit workers who made "
            "mistakes.",
            ("FL05",),
        ),
        (
            "A female worker described unwanted touching by a supervisor; the complaint was "
            "dismissed without investigation and she was moved to a lower-paid job.",
            ("FL05", "DIS"),
        ),
        (
            "Physical punishment was used: workers who failed to meet targets were made to stand "
            "in the sun, according to {count_small}.",
            ("FL05",),
        ),
        (
            "Security staff were seen pushing and slapping a worker at the gate during the audit.",
            ("FL05",),
        ),
        (
            "Interviews revealed sexual harassment of young female operators by a shift leader, "
            "who demanded favours in exchange for overtime allocation.",
            ("FL05",),
        ),
        (
            "!Corporal punishment of apprentices by the master tailor was described as 'normal "
            "discipline' by the production manager.",
            ("FL05",),
        ),
        (
            "!{count_small} showed auditors bruises they said were caused by a supervisor; the "
            "site has no anti-harassment procedure.",
            ("FL05",),
        ),
    ),
    "FL06": _mixed(
        (
            "Workers were threatened with dismissal if they refused to work on Sundays.",
            ("FL06",),
        ),
        (
            "{count_of} said supervisors shout and use abusive language, and threaten to call the "
            "police when workers complain.",
            ("FL06",),
        ),
        (
            "Management warned migrant workers that anyone who resigned before the end of the "
            "contract would be reported to the {org_gov} and lose the {fee_deposit}.",
            ("FL06", "FL09"),
        ),
        (
            "Verbal abuse and humiliation were used as discipline; the names of 'lazy' workers "
            "were posted on the notice board with their photographs.",
            ("FL06",),
        ),
        (
            "Workers who joined {org_union} were told by the HR manager that their contracts "
            "would not be renewed.",
            ("FL06", "FOA"),
        ),
        (
            "!The disciplinary policy allows fines of {money_small} for talking on the line, and "
            "workers said they were afraid to speak to auditors.",
            ("FL06", "WAG"),
        ),
        (
            "!Intimidation of workers was observed: the supervisor remained within earshot during "
            "interviews and {count_small} later declined to continue.",
            ("FL06",),
        ),
    ),
    "FL07": _mixed(
        (
            "{^iddoc} of {count} were kept by the HR department in a locked cabinet, and workers "
            "could not access them without a written request.",
            ("FL07",),
        ),
        (
            "The employer retains the original {iddoc} of all {nat} workers 'for safekeeping'.",
            ("FL07",),
        ),
        (
            "Original {iddoc} of {count_of} were held by {org_agency} and had not been returned.",
            ("FL07",),
        ),
        (
            "Management retained workers' {iddoc}; the HR manager stated that returning them would "
            "result in workers leaving without notice.",
            ("FL07", "FL03"),
        ),
        (
            "It was found that the factory keeps the {iddoc_sg} of every new worker until the end "
            "of the probation period of {dur_contract}.",
            ("FL07",),
        ),
        (
            "!Workers had to hand over their {iddoc} on the first day; a signed 'voluntary "
            "deposit' form was on file but interviewed workers were unaware of its content.",
            ("FL07",),
        ),
        (
            "!Auditors counted {count} {iddoc} in the administration safe; none of the "
            "corresponding workers had a key or a receipt.",
            ("FL07",),
        ),
    ),
    "FL08": _mixed(
        (
            "Wages for {date_month} were paid {dur_delay} late.",
            ("FL08", "WAG"),
        ),
        (
            "The factory withholds the first month's wage of new workers as a {fee_deposit}, "
            "refunded only after {dur_contract} of service.",
            ("FL08", "FL09"),
        ),
        (
            "Payment of wages was delayed: wages were paid on the 25th of the following month "
            "instead of within the period required by {law}.",
            ("FL08",),
        ),
        (
            "End-of-service benefits were not paid to {count_small} who resigned in "
            "{date_month}; management stated that resigning workers forfeit them.",
            ("FL08", "WAG"),
        ),
        (
            "Overtime wages were held back as a 'loyalty bonus' payable only at the end of the "
            "year, totalling {money} per worker.",
            ("FL08",),
        ),
        (
            "!Salaries for {count} were withheld for {dur_delay} pending the completion of a "
            "delayed shipment for {org_brand}.",
            ("FL08",),
        ),
        (
            "!Workers said their wages are deposited into bank accounts controlled by the "
            "supervisor, who hands out cash allowances instead.",
            ("FL08", "FL09"),
        ),
    ),
    "FL09": _mixed(
        (
            "{count} paid {fee_recruit} of {money_usd} to {org_agency}, repaid through monthly "
            "salary deductions; their {iddoc} were held until the debt was cleared.",
            ("FL09", "FL07"),
        ),
        (
            "Migrant workers paid {fee_recruit} of up to {money_usd} in their home country and "
            "had not been reimbursed by the employer.",
            ("FL09",),
        ),
        (
            "A {fee_deposit} of {money} was deducted from the first wage payment of every new "
            "worker and is refundable only after {dur_contract}.",
            ("FL09",),
        ),
        (
            "Loans advanced by the employer ({money} on average) were repaid through wage "
            "deductions of {pct} of net pay, and {count_small} said they could not resign before "
            "repayment.",
            ("FL09", "FL03"),
        ),
        (
            "The site could not demonstrate that the {fee_recruit} charged by {org_agency} had "
            "been borne by the employer as required by the code.",
            ("FL09",),
        ),
        (
            "!Workers owed {money_usd} each for travel and the {fee_recruit}; the debt was "
            "recorded in a ledger kept by the labour contractor and increased with every absence.",
            ("FL09",),
        ),
        (
            "!{count_of} were still repaying loans taken to pay the {fee_recruit} and said "
            "the repayments left them with less than half of their wages.",
            ("FL09", "WAG"),
        ),
    ),
    "FL10": _mixed(
        (
            "Dormitory rooms were overcrowded and had no ventilation, and there was one toilet "
            "for {count}.",
            ("FL10", "OHS"),
        ),
        (
            "Drinking water was only available during breaks and the canteen food was reported "
            "to be insufficient; a {fee_ded} of {money_small} was still charged.",
            ("FL10",),
        ),
        (
            "Workers' housing provided by the employer was overcrowded, with mattresses on the "
            "floor of a storage room next to chemical drums.",
            ("FL10", "OHS"),
        ),
        (
            "Living quarters for {nat} workers lacked running water and cooking facilities; "
            "{count_small} were sleeping in the {dept} area.",
            ("FL10",),
        ),
        (
            "Workers were denied sick leave and were required to work while ill; {count_small} "
            "said they were docked a full day's pay for visiting a clinic.",
            ("FL10", "WAG"),
        ),
        (
            "!Accommodation did not meet the requirements of {law}: beds were stacked three high "
            "and the only exit was through the kitchen.",
            ("FL10", "OHS"),
        ),
        (
            "!Workers were made to work in the cold store without protective clothing for "
            "{hours_day}, with no hot drinks or heated rest area.",
            ("FL10", "OHS"),
        ),
    ),
    "FL11": _mixed(
        (
            "Working hours exceeded the legal limit: time records showed workers in the {dept} "
            "section working up to {hours_week} in {date_month}.",
            ("FL11", "HRS"),
        ),
        (
            "{count_of} worked {dur_rest} without a rest day during the peak season.",
            ("FL11", "HRS"),
        ),
        (
            "Overtime was not voluntary: production targets could not be met within normal hours "
            "and workers said they were required to stay until {curfew}.",
            ("FL11", "HRS"),
        ),
        (
            "Total weekly hours reached {hours_week}, well above the limit of {hours_legal} set by "
            "{law}.",
            ("FL11", "HRS"),
        ),
        (
            "Workers on the {dept} line worked {hours_day} for {dur_rest} without a break.",
            ("FL11", "HRS"),
        ),
        (
            "!Monthly overtime reached {hours_ot} in {date_month}; the second set of time cards "
            "kept by the line supervisor showed longer hours than the official records.",
            ("FL11", "HRS"),
        ),
        (
            "!The factory operated a single 7-day roster in the peak months and {count} had no "
            "day off for {dur_rest}.",
            ("FL11", "HRS"),
        ),
    ),
    "CL01": _mixed(
        (
            "A {age_adj} worker was found working on the {dept} line.",
            ("CL01",),
        ),
        (
            "{count_small} below the minimum working age were employed; one of them was "
            "{age_pred}.",
            ("CL01",),
        ),
        (
            "Age verification was not effective: a worker {age_pred} had been hired using the "
            "{iddoc_sg} of an older relative.",
            ("CL01",),
        ),
        (
            "During the site tour auditors saw a child, {age_pred}, trimming threads in the "
            "{dept} area; management said she was visiting her mother.",
            ("CL01",),
        ),
        (
            "Personnel files showed that a {age_adj} had been hired in {date_month} and worked "
            "for {dur_contract} before the audit.",
            ("CL01",),
        ),
        (
            "!The homeworkers engaged through the subcontractor included children, the youngest "
            "{age_pred}, who stitched footballs after school.",
            ("CL01", "EMP"),
        ),
        (
            "!Child labour was identified: a {age_adj} boy employed as a helper in the "
            "{dept} section, paid {money_small} per day.",
            ("CL01", "WAG"),
        ),
    ),
    "CL02": _mixed(
        (
            "A {age_young_adj} worker was working night shifts in the {dept} section.",
            ("CL02",),
        ),
        (
            "Young workers ({count_small}, the youngest {age_young_pred}) operated cutting "
            "machines, which the law classifies as hazardous work.",
            ("CL02", "OHS"),
        ),
        (
            "Juvenile workers were not registered with the {org_gov} and worked {hours_day}, "
            "exceeding the limit for young workers.",
            ("CL02", "HRS"),
        ),
        (
            "The site has no list of young workers and no health check for them; a worker "
            "{age_young_pred} was handling solvents in the {dept} area.",
            ("CL02", "OHS"),
        ),
        (
            "Young workers ({count_small}) worked overtime and night shifts, contrary to {law}.",
            ("CL02",),
        ),
        (
            "!A {age_young_adj} apprentice was operating a forklift without a licence.",
            ("CL02", "OHS"),
        ),
        (
            "!Young workers' hours were not limited: time cards of a worker {age_young_pred} "
            "showed {hours_week} in {date_month}.",
            ("CL02", "FL11"),
        ),
    ),
    "DIS": _mixed(
        (
            "Female job applicants were required to take a pregnancy test before hiring.",
            ("DIS",),
        ),
        (
            "Job advertisements posted at the gate specified 'male only, under 30' for machine "
            "operator vacancies.",
            ("DIS",),
        ),
        (
            "{nat} workers were paid {money_small} less per day than local workers for the same "
            "job grade.",
            ("DIS", "WAG"),
        ),
        (
            "Workers who became pregnant were dismissed; {count_small} such terminations were "
            "recorded since {date_month}.",
            ("DIS",),
        ),
        (
            "HIV testing was part of the pre-employment medical examination and results were "
            "kept in personnel files.",
            ("DIS",),
        ),
        (
            "!Promotion to supervisor was restricted to men; none of the line leaders were "
            "women although {pct} of the workforce is female.",
            ("DIS",),
        ),
        (
            "!Workers were asked about their religion and marital status in the job application "
            "form, and married women were not hired for the {dept} section.",
            ("DIS",),
        ),
    ),
    "FOA": _mixed(
        (
            "The worker representatives were appointed by management rather than elected by "
            "workers.",
            ("FOA",),
        ),
        (
            "{count_small} who took part in forming a branch of {org_union} were dismissed in "
            "{date_month}.",
            ("FOA",),
        ),
        (
            "There is no worker committee or other means for workers to bargain collectively, "
            "and management stated that unions are 'not needed here'.",
            ("FOA",),
        ),
        (
            "The collective bargaining agreement with {org_union} expired in {date_month} and "
            "management refused to meet the union to negotiate a new one.",
            ("FOA",),
        ),
        (
            "Minutes of the welfare committee showed that meetings were chaired by the HR "
            "manager and no worker issues were recorded for {dur_contract}.",
            ("FOA",),
        ),
        (
            "!Union notices were removed from the notice board and the union secretary was "
            "transferred to the night shift after the last wage dispute.",
            ("FOA", "FL06"),
        ),
        (
            "!Workers said they are asked to sign a statement on joining that they will not take "
            "part in any strike.",
            ("FOA",),
        ),
    ),
    "OHS": _mixed(
        (
            "The emergency exit on the {floor} of the {dept} building was blocked by cartons.",
            ("OHS",),
        ),
        (
            "Fire extinguishers in the {dept} area had not been inspected since {date_month}.",
            ("OHS",),
        ),
        (
            "Chemical containers were not labelled and no safety data sheets were available in "
            "the local language.",
            ("OHS",),
        ),
        (
            "Workers operating sewing machines did not have needle guards; {count_small} had "
            "needle injuries recorded in the first aid log in {date_month}.",
            ("OHS",),
        ),
        (
            "The fire evacuation drill was last conducted in {date_month}, which does not meet "
            "the twice-yearly frequency required by {law}.",
            ("OHS",),
        ),
        (
            "No personal protective equipment was provided to {count} handling solvents, and "
            "the spray booth lacked ventilation.",
            ("OHS",),
        ),
        (
            "!Electrical panels on the {floor} were open with exposed wiring, and the floor in "
            "front of them was wet.",
            ("OHS",),
        ),
        (
            "!The boiler operator held no valid certificate and the boiler inspection by the "
            "{org_gov} had expired.",
            ("OHS",),
        ),
    ),
    "WAG": _mixed(
        (
            "Overtime was paid at the normal hourly rate instead of the premium required by {law}.",
            ("WAG",),
        ),
        (
            "Wages of {count_of} were below the legal minimum of {money} per month in "
            "{date_month}.",
            ("WAG",),
        ),
        (
            "Piece-rate workers in the {dept} section did not earn the minimum wage during normal "
            "hours; the shortfall averaged {money_small} per month.",
            ("WAG",),
        ),
        (
            "Social insurance contributions were paid for only {pct} of the workforce.",
            ("WAG",),
        ),
        (
            "Unlawful deductions were made from wages: a {fee_ded} of {money_small} and fines "
            "for lateness.",
            ("WAG",),
        ),
        (
            "Payslips did not show the breakdown of overtime hours, deductions and allowances, "
            "so workers could not check their pay.",
            ("WAG",),
        ),
        (
            "!Annual leave was not paid when workers resigned; {count_small} lost their unused "
            "leave pay in {date_month}.",
            ("WAG",),
        ),
        (
            "!Apprentices were paid a training allowance of {money} for {dur_contract}, below the "
            "minimum wage applicable to their grade.",
            ("WAG",),
        ),
    ),
    "HRS": _mixed(
        (
            "Overtime exceeded the weekly legal cap for {count_of}, with a maximum of "
            "{hours_week_mod} in {date_month}.",
            ("HRS",),
        ),
        (
            "Time records were incomplete: the in and out times of workers in the {dept} section "
            "were entered by hand by the supervisor.",
            ("HRS",),
        ),
        (
            "Workers did not receive one day off in seven in {date_month}; the longest stretch "
            "without rest was {dur_short}.",
            ("HRS",),
        ),
        (
            "Time records showed {hours_week_mod} worked in {date_month}, above the regular "
            "limit of {hours_legal}.",
            ("HRS",),
        ),
        (
            "The site had no overtime consent procedure and workers were informed of overtime at "
            "the end of the shift.",
            ("HRS",),
        ),
        (
            "!Meal breaks were shortened during peak production, contrary to {law}.",
            ("HRS",),
        ),
        (
            "!Annual overtime for {count} exceeded the statutory cap; the site exceeded the limit "
            "in {date_month} and again in {date_month2}.",
            ("HRS",),
        ),
    ),
    "EMP": _mixed(
        (
            "{count} were employed on consecutive short-term contracts of {dur_contract} for more "
            "than two years, which avoids the obligations of permanent employment.",
            ("EMP",),
        ),
        (
            "Workers supplied by {org_agency} had no written contract with either the agency or "
            "the site.",
            ("EMP",),
        ),
        (
            "The probation period of {dur_contract} exceeds the maximum allowed under {law}.",
            ("EMP",),
        ),
        (
            "Unauthorised subcontracting was identified: embroidery for {org_brand} orders was "
            "sent to a home-based unit not disclosed to the client.",
            ("EMP",),
        ),
        (
            "Daily-paid casual workers ({count}) had worked at the site for over a year without "
            "being registered as employees.",
            ("EMP", "WAG"),
        ),
        (
            "!Labour-only contracting was used to fill permanent positions in the {dept} "
            "department, and contract workers received no social insurance.",
            ("EMP", "WAG"),
        ),
        (
            "!Apprenticeship schemes were used as a source of cheap labour: 'trainees' made up "
            "{pct} of the workforce and were kept in trainee status for {dur_contract}.",
            ("EMP",),
        ),
    ),
    "ENV": _mixed(
        ("The site's environmental permit expired in {date_month} and has not been renewed.", ()),
        ("Wastewater from the {dept} section is discharged without treatment.", ()),
        ("Hazardous waste was stored in open drums without secondary containment.", ()),
        ("No records of energy and water consumption were kept.", ()),
        ("The site could not present an air emission test report for the boiler stack.", ()),
        ("!The contract with the licensed waste collector had lapsed in {date_month}.", ()),
        ("!Chemical waste was mixed with general waste in the {dept} yard.", ()),
    ),
    "ETH": _mixed(
        ("The site has no anti-bribery or business ethics policy.", ()),
        (
            "Management offered gifts to the audit team; the offer was declined and recorded.",
            (),
        ),
        ("Records presented during the audit were found to be inconsistent with one another.", ()),
        ("There is no whistle-blowing channel for reporting unethical business practices.", ()),
        ("Customer data protection procedures were not defined.", ()),
        (
            "!Management could not explain a second set of production records seen in the office.",
            (),
        ),
        ("!The conflict of interest declaration for purchasing staff was not implemented.", ()),
    ),
    "MGT": _mixed(
        ("There is no written procedure for handling worker grievances.", ()),
        (
            "The site has not carried out a risk assessment of its labour practices in the last "
            "year.",
            (),
        ),
        ("Management has not appointed a person responsible for social compliance.", ()),
        ("The code of conduct is not displayed in the local language.", ()),
        ("Suppliers and subcontractors have not been informed of the code of conduct.", ()),
        ("No internal audit of the social management system has been conducted.", ()),
        ("!Training records on the code of conduct were not available for new workers.", ()),
        (
            "!The policy on responsible recruitment was drafted but never approved or "
            "communicated.",
            (),
        ),
    ),
}

# Which area of the standard a finding issue belongs to (drives clause, topic and evidence).
AREA_OF: dict[str, str] = {
    "FL01": "forced",
    "FL02": "forced",
    "FL03": "forced",
    "FL04": "forced",
    "FL05": "treatment",
    "FL06": "treatment",
    "FL07": "forced",
    "FL08": "wages",
    "FL09": "forced",
    "FL10": "ohs",
    "FL11": "hours",
    "CL01": "child",
    "CL02": "child",
    "DIS": "discrimination",
    "FOA": "foa",
    "OHS": "ohs",
    "WAG": "wages",
    "HRS": "hours",
    "EMP": "employment",
    "ENV": "environment",
    "ETH": "ethics",
    "MGT": "management",
}

EVIDENCE: dict[str, list[Phrase]] = {
    "forced": _bank(
        (),
        "Interviews with {count_of} confirmed the practice; the HR manager acknowledged it "
        "during the closing meeting.",
        "Records sighted: personnel files, recruitment agreements with {org_agency}, and the "
        "register of documents held by HR.",
        "Review of personnel files for {count_of} and of the agency invoices dated {date_day}.",
        "Worker interviews (individual and group) and a visit to the dormitory.",
        "The auditor inspected the HR office and the safe, and interviewed {count_small}.",
        "!Confirmed through off-site interviews with {count_small} and a review of the labour "
        "supply contract dated {date_day}.",
        "!Source: management interview and statements by {count_of}; documents were not "
        "provided for review.",
    ),
    "treatment": _bank(
        (),
        "Interviews with {count_of}; the disciplinary records for {date_month} were reviewed.",
        "Based on confidential worker interviews; several workers asked not to be identified.",
        "Review of the grievance box log and the warning letters issued since {date_month}.",
        "Observed by the audit team during the site tour and confirmed by {count_small}.",
        "Disciplinary policy reviewed; {count_small} described the practice in interviews.",
        "!Group interview with {count_small} held off site; management denied the allegation.",
        "!Records sighted: warning letters, the fines register and the HR manager's notes.",
    ),
    "wages": _bank(
        (),
        "Review of payroll for {date_month} showed the issue for {count_of}.",
        "Payroll and time records for {date_month} and {date_month2} were reviewed for {count_of}.",
        "Records sighted: payslips, bank transfer slips dated {date_day}, and the wage register.",
        "Payroll records compared with the attendance records and the legal minimum wage "
        "notification.",
        "Sample of {count_of}; wage calculation sheets and payslips reviewed.",
        "!Cross-check of the bank statement for {date_month} against the payroll summary.",
        "!Interviews with {count_of} and review of the resignation register.",
    ),
    "hours": _bank(
        (),
        "Time records for {date_month} were reviewed for {count_of}.",
        "Review of attendance records, production records and the overtime approval forms.",
        "Records sighted: swipe-card data for {date_month} and {date_month2}, and the "
        "production schedule.",
        "Time cards of {count_of} were sampled across three months.",
        "Interviews with {count_of}; the electronic attendance system was checked on site.",
        "!Comparison of gate logs and time cards for {date_month}.",
        "!Supervisor's handwritten overtime register for {date_month}, photographed by the "
        "auditor.",
    ),
    "child": _bank(
        (),
        "Age documents in personnel files were checked for {count_of}.",
        "Observed during the site tour; the worker's {iddoc_sg} was reviewed.",
        "Records sighted: the young worker register, age verification records and medical checks.",
        "Interviews with the worker and with the HR officer; personnel file reviewed.",
        "Personnel files, birth registration copies and attendance records were checked.",
        "!The age was confirmed from the school certificate dated {date_day}.",
        "!Cross-check of the worker list against the production floor headcount.",
    ),
    "discrimination": _bank(
        (),
        "Recruitment records and medical examination forms were reviewed.",
        "Interviews with {count_of}; the recruitment policy was reviewed.",
        "Records sighted: job advertisements, the HR recruitment file and termination records.",
        "Review of the payroll grading structure and interviews with line supervisors.",
        "Management interview and review of termination letters issued since {date_month}.",
        "!Application forms completed in {date_month} were sampled.",
        "!Confirmed by {count_small} in group interviews.",
    ),
    "foa": _bank(
        (),
        "Interviews with {count_of} and with the worker representatives.",
        "Records sighted: committee minutes, the collective agreement and election records.",
        "Review of the termination register and the union's written complaint dated {date_day}.",
        "Management interview; no election records could be provided.",
        "Interviews with union officials of {org_union} held off site.",
        "!Notice board photographs and the committee attendance list were reviewed.",
        "!Minutes of the last four committee meetings were reviewed.",
    ),
    "ohs": _bank(
        (),
        "Observed during the site tour on the {floor}.",
        "Records sighted: fire drill records, the extinguisher inspection log and the fire "
        "certificate issued by the {org_gov}.",
        "Site tour and review of the first aid register for {date_month}.",
        "Observed in the {dept} area; photographs were taken.",
        "Review of the chemical inventory and the safety data sheets; {count_small} were "
        "interviewed.",
        "!Dormitory visit at the end of the first audit day.",
        "!The maintenance log and the building safety certificate were reviewed.",
    ),
    "employment": _bank(
        (),
        "Review of employment contracts for {count_of}.",
        "Records sighted: the labour supply agreement with {org_agency} and the worker list.",
        "Personnel files and social insurance records were reviewed.",
        "Interviews with {count_of} and with the HR manager.",
        "Production capacity analysis and purchase orders were compared.",
        "!Contracts and extension letters issued since {date_month} were sampled.",
        "!Review of the contractor's payroll for {date_month}.",
    ),
    "environment": _bank(
        (),
        "Permit records reviewed.",
        "Observed during the site tour.",
        "Records sighted: permits, waste manifests and test reports.",
        "Management interview; no documents were provided.",
        "Review of the environmental register.",
        "!Site tour of the waste yard.",
        "!Document review in the EHS office.",
    ),
    "ethics": _bank(
        (),
        "Management interview.",
        "Policy documents reviewed.",
        "Records sighted: production records and shipping documents.",
        "Observed during the audit.",
        "Document review.",
        "!Recorded in the audit log.",
        "!Interview with the general manager.",
    ),
    "management": _bank(
        (),
        "Document review and management interview.",
        "Records sighted: policy manual, training records and organisation chart.",
        "Management interview; the procedure could not be provided.",
        "Review of the HR policy binder.",
        "Interviews with {count_of} and the compliance officer.",
        "!Review of the management system documentation.",
        "!Confirmed by the HR manager.",
    ),
}

OBSERVATIONS: list[Phrase] = _mixed(
    (
        "Overtime hours approached the legal limit during the peak season; the site should "
        "monitor hours to avoid exceeding {hours_legal}.",
        ("HRS",),
    ),
    (
        "Some workers were unsure how overtime premiums are calculated, although payroll was "
        "found correct.",
        ("WAG",),
    ),
    (
        "The worker committee exists but {count_of} were not aware of it.",
        ("FOA",),
    ),
    (
        "First aid boxes in the {dept} section were incomplete on the day of the audit.",
        ("OHS",),
    ),
    (
        "The site uses {org_agency} for migrant recruitment but has not verified the fees the "
        "agency charges workers.",
        ("FL09",),
    ),
    (
        "Workers keep their {iddoc} themselves but the site has no written policy on "
        "document retention.",
        (),
    ),
    (
        "Age verification relies on copies of {iddoc} only; no interview or other check is "
        "documented.",
        ("CL01",),
    ),
    (
        "The grievance mechanism has been used twice in the last year; workers prefer to speak "
        "to supervisors directly.",
        (),
    ),
    ("The site has not yet set targets for reducing water use.", ()),
    (
        "!The canteen is too small for the number of workers and meal breaks are staggered "
        "over {hours_day}.",
        ("OHS",),
    ),
    (
        "!Contract renewals for {count} are due in {date_month}; the site has not decided on "
        "permanent positions.",
        ("EMP",),
    ),
    (
        "!Wage slips are issued in the local language only; {nat} workers rely on colleagues to "
        "translate them.",
        ("WAG",),
    ),
)

# Good practices carry no indicators, even when they mention documents, fees or hours.
GOOD_PRACTICES: list[Phrase] = _bank(
    (),
    "{^iddoc} are returned to workers on request within {dur_return} and stored in "
    "personal lockers.",
    "The site reimbursed {fee_recruit} of {money_usd} to {count} in {date_month} after a "
    "review of its recruitment channels.",
    "The factory runs a free day-care centre for workers' children.",
    "All workers receive a written contract in their own language before departure.",
    "Overtime is capped at {hours_ot} per month through the electronic scheduling system.",
    "A workers' welfare fund provides interest-free emergency loans, which are never repaid "
    "through wage deductions.",
    "The site has a collective bargaining agreement with {org_union} covering all workers.",
    "Monthly health and safety committee meetings are held with elected worker members.",
    "Wages are paid by bank transfer on the 5th of each month, earlier than the date set by {law}.",
    "!The site employs a migrant worker liaison officer who speaks the language of the {nat} "
    "workers and checks the recruitment costs of every new worker.",
    "!Young workers {age_young_pred} have an individual training plan and do not work "
    "overtime or night shifts.",
    "!The employer pays all recruitment costs, including the {fee_recruit}, directly to "
    "{org_agency}.",
)

TITLES: dict[str, tuple[str, ...]] = {
    "FL01": ("Abuse of vulnerability", "Vulnerable workers", "Migrant workers' status"),
    "FL02": ("Deceptive recruitment", "Contract substitution", "Misleading job offers"),
    "FL03": ("Freedom of movement", "Restriction of movement", "Dormitory curfew"),
    "FL04": ("Isolation of workers", "Communication restricted", "Contact with families"),
    "FL05": ("Physical abuse", "Harassment", "Corporal punishment"),
    "FL06": ("Threats and intimidation", "Verbal abuse", "Intimidation"),
    "FL07": ("Retention of identity documents", "Passports held", "ID documents"),
    "FL08": ("Late payment of wages", "Withholding of wages", "Wage delays"),
    "FL09": ("Recruitment fees", "Debt bondage", "Worker-paid fees", "Deposits"),
    "FL10": ("Dormitory conditions", "Living conditions", "Welfare facilities"),
    "FL11": ("Excessive working hours", "Excessive overtime", "Rest days"),
    "CL01": ("Child labour", "Underage worker", "Age verification"),
    "CL02": ("Young workers", "Juvenile workers", "Hazardous work by young workers"),
    "DIS": ("Discrimination", "Pregnancy testing", "Equal treatment"),
    "FOA": ("Freedom of association", "Worker representation", "Collective bargaining"),
    "OHS": ("Fire safety", "Emergency preparedness", "Machine safety", "Chemical safety"),
    "WAG": ("Overtime premium", "Minimum wage", "Wage deductions", "Social insurance"),
    "HRS": ("Working hours", "Overtime", "Rest day", "Time records"),
    "EMP": ("Regular employment", "Contract workers", "Subcontracting", "Probation"),
    "ENV": ("Environmental permit", "Waste management", "Wastewater"),
    "ETH": ("Business ethics", "Transparency", "Integrity"),
    "MGT": ("Management system", "Grievance procedure", "Policies and procedures"),
}

CORRECTIVE_ACTIONS: dict[str, tuple[str, ...]] = {
    "forced": (
        "Return all documents to workers and provide lockable storage; issue a written policy.",
        "Reimburse all fees paid by workers and stop deductions; verify agency practices.",
        "Remove the restriction immediately and communicate the change to all workers.",
        "Adopt a responsible recruitment policy and audit labour agents annually.",
    ),
    "treatment": (
        "Train supervisors on the disciplinary procedure and investigate every complaint.",
        "Adopt an anti-harassment policy and set up a confidential grievance channel.",
        "Stop the practice and take disciplinary action against those responsible.",
    ),
    "wages": (
        "Pay the arrears to all affected workers and correct the payroll system.",
        "Pay wages within the legal period and keep proof of payment.",
        "Recalculate overtime at the legal premium and pay back pay for 12 months.",
    ),
    "hours": (
        "Limit total hours to the legal maximum and guarantee one rest day in seven.",
        "Plan production capacity to avoid excessive overtime; monitor hours weekly.",
        "Introduce an overtime consent procedure and keep accurate time records.",
    ),
    "child": (
        "Remove the child from work, enrol her in school and continue paying her wage.",
        "Implement a remediation plan and strengthen age verification at hiring.",
        "Remove young workers from hazardous tasks and keep a young worker register.",
    ),
    "discrimination": (
        "Stop the practice and revise the recruitment procedure.",
        "Review pay grades and correct unequal pay.",
        "Train HR staff on non-discrimination and reinstate affected workers.",
    ),
    "foa": (
        "Organise a free election of worker representatives.",
        "Reinstate the dismissed workers and meet the union in good faith.",
        "Communicate the right to join a union to all workers.",
    ),
    "ohs": (
        "Clear the exit immediately and check all exits daily.",
        "Inspect and recharge extinguishers; keep the inspection log.",
        "Provide suitable PPE and train workers on its use.",
        "Repair the hazard and carry out a risk assessment.",
    ),
    "employment": (
        "Convert long-term temporary workers to permanent contracts.",
        "Issue written contracts to all workers.",
        "Disclose all subcontractors to the client and audit them.",
    ),
    "environment": (
        "Renew the permit.",
        "Install treatment and keep records.",
        "Store waste safely.",
    ),
    "ethics": (
        "Adopt and communicate a business ethics policy.",
        "Keep one accurate set of records.",
    ),
    "management": (
        "Write and implement the procedure; train responsible staff.",
        "Appoint a responsible manager and carry out an annual review.",
    ),
}
