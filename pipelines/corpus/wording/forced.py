"""Wordings of the recruitment and freedom indicators: vulnerability, deception, movement,
isolation, identity documents and debt (FL01-FL04, FL07, FL09).

Data only. Templates write entity-like words (documents, fees, amounts, counts, durations,
dates, laws, organisations) through `{slots}` so their spans stay exact.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

FL01: list[Phrase] = wordings(
    ("FL01",),
    held_out=("worker_voice", "scheme"),
    plain=(
        "{count} of {nat} nationality were employed without valid {iddoc}; management "
        "acknowledged that their irregular status made them reluctant to raise complaints "
        "about pay.",
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
        "It was noted that the factory hired {count_small} who had recently arrived with no "
        "local support network and made their accommodation conditional on accepting "
        "unpaid trial work.",
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
    narrative=(
        "During the walk-through the audit team met {count_small} who had fled drought in their "
        "home province. The site manager explained that these workers 'accept any conditions' "
        "and gives them the dirtiest cleaning work at a flat daily rate.",
        "The site relies on workers who have no legal right to stay in the country. Management "
        "knows that they cannot turn to the labour inspectorate, and the HR officer admitted "
        "that their pay disputes are simply left unanswered.",
        "Interviews showed that workers with a disability, hired under a local charity scheme, "
        "were kept on a trainee allowance far longer than other trainees, and that they had not "
        "been told they could ask for a normal contract.",
        "Women recruited from the same rural district depend on the employer for housing, food "
        "and the renewal of their residence status; the supervisor uses this dependence to "
        "decide who is kept on when orders fall.",
    ),
    terse=(
        "Undocumented migrants ({pct} of workforce) paid cash, off the books; mgmt aware they "
        "cannot complain.",
        "Workers w/o valid {iddoc} given lowest-paid jobs; HR: 'they have no choice'.",
        "Illiterate workers sign blank pay receipts; amounts filled in later by the office.",
    ),
    worker_voice=(
        "Workers said: 'If we lose this job we lose our visa, so we do whatever the manager "
        "says.' Management confirmed the visas are tied to the employer.",
        "{count_of} told auditors they had been picked up at the bus station on arrival, with "
        "no money and no contacts, and were put to work the same day without being told the "
        "wage.",
        "One worker described how the supervisor reminded her that nobody else would employ a "
        "woman without papers, and that she should be grateful for any pay.",
    ),
    legal=(
        "Contrary to the code requirement that workers' vulnerability must not be exploited, "
        "the site employs {count} whose residence status depends on the employer and pays them "
        "below the rate of other workers.",
        "The facility did not meet {law}: workers without a work authorisation were employed "
        "and their irregular situation was used to deny them statutory leave.",
    ),
    scheme=(
        "Does the employer take advantage of workers' vulnerability (e.g. irregular migration "
        "status, illiteracy, poverty)? Yes: refugee workers without permits are paid less and "
        "have no access to the grievance channel.",
        "Noncompliance: the employer exploited the dependence of migrant workers on employer-"
        "provided housing and visas to impose conditions not accepted by other workers.",
        "Business partner recruits persons in a situation of particular vulnerability (recent "
        "arrivals without documents) and offers them lower wages and no written terms.",
    ),
    multi=(
        (
            "{nat} workers whose permits had expired were kept on the payroll under a "
            "relative's name; they received no payslip, were paid below the minimum wage and "
            "worked the night shift only.",
            ("FL01", "WAG"),
        ),
        (
            "The employer hired {count_small} without documents, paid them {money_small} a "
            "day and warned them that any complaint would be passed to the immigration police.",
            ("FL01", "FL06", "WAG"),
        ),
    ),
)

FL02: list[Phrase] = wordings(
    ("FL02",),
    held_out=("terse", "legal"),
    plain=(
        "Job offers made by {org_agency} promised a monthly wage of {money_usd}; the wage "
        "actually paid was {money} and overtime premiums were not mentioned at recruitment.",
        "{count_of} stated that the type of work, working hours and accommodation differed "
        "from what the recruitment agent had described before departure.",
        (
            "Employment contracts signed in the home country were replaced on arrival with new "
            "contracts on less favourable terms, including a longer probation period of "
            "{dur_contract}.",
            ("FL02", "EMP"),
        ),
        "Workers were not given a copy of their employment contract, and the contract on file "
        "was written only in the local language, which {count} cannot read.",
        (
            "The factory advertised free dormitory accommodation, but a {fee_ded} of "
            "{money_small} was taken from every wage payment since {date_month}.",
            ("FL02", "WAG"),
        ),
        "!Recruits were told they would work for {org_brand} orders in a modern facility; in "
        "practice they were placed with a subcontractor and their wage was halved.",
        (
            "!The recruitment notice posted by {org_agency} listed benefits (paid leave, social "
            "insurance) that the site does not provide to contract workers.",
            ("FL02", "EMP"),
        ),
    ),
    narrative=(
        "Migrant workers were recruited for what they were told was packing work in an "
        "air-conditioned plant. On arrival they were sent to the {dept} section, which is hot "
        "and involves heavy lifting, and were told that refusing would mean paying their own "
        "way home.",
        "The recruitment presentation given in the home country, a copy of which was seen by "
        "the auditor, described a fixed monthly salary; in practice workers are paid by the "
        "piece and earn considerably less in slack months.",
        "Workers explained that the labour agent described the job as a long-term contract with "
        "a return ticket paid; the contracts on file run for {dur_contract} and the return "
        "ticket is deducted from the final wage.",
        "It became clear in interviews that new workers only learned of the compulsory night "
        "shift after they had moved into the dormitory and handed in their previous job.",
    ),
    terse=(
        "Contract substitution: home-country contract {money_usd}/month; site contract lower, "
        "signed on arrival.",
        "Offer letter: 'free meals + housing'. Reality: both deducted from pay.",
        "Told at hiring: day shift only. In practice rotated to nights on arrival.",
    ),
    worker_voice=(
        "'They told us the work was in a shoe shop in the city,' a worker said; she was sent "
        "instead to the {dept} line of a factory outside town.",
        "{count_of} said the agent promised them {money_usd} a month; their payslips show "
        "about half of that.",
        "Workers said nobody read the contract to them and that they signed it at the airport "
        "without being allowed to keep a copy.",
    ),
    legal=(
        "Contrary to {law}, the written terms of employment were not given to workers before "
        "they started work, and the terms explained verbally differed from the contract on file.",
        "The code requires that workers are recruited on truthful terms. The site's job "
        "advertisements promised a wage and benefits that are not paid.",
    ),
    scheme=(
        "Were workers deceived about the nature of the work or the conditions of employment? "
        "Yes: the job description given at recruitment does not match the work performed.",
        "Noncompliance: recruitment information given to workers by {org_agency} on wages and "
        "working hours was misleading.",
        "The facility did not provide workers with a written contract in their native language "
        "before departure from their home country.",
    ),
    multi=(
        (
            "Recruits were promised {money_usd} a month and a single room; they were paid "
            "{money} and eight share a room without a window.",
            ("FL02", "FL10"),
        ),
        (
            "Workers were recruited with a promise of day work only, were then scheduled on "
            "rotating night shifts, and had to pay {fee_recruit} they had been told was covered.",
            ("FL02", "FL09"),
        ),
    ),
)

FL03: list[Phrase] = wordings(
    ("FL03",),
    held_out=("narrative", "multi"),
    plain=(
        "Workers living in the dormitory were not allowed to leave the compound after "
        "{curfew}, and the gate was locked overnight.",
        "Security guards recorded and restricted the movement of migrant workers outside "
        "working hours; written permission from the supervisor was required to leave the "
        "premises on rest days.",
        "{count} reported that they could only leave the factory compound in escorted groups "
        "once a week.",
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
        "!Migrant workers were required to obtain a signed gate pass to leave the hostel, "
        "and {count_small} said passes were refused when they asked to visit relatives.",
        (
            "!Workers on the night shift were locked inside the {dept} building until the "
            "morning shift arrived.",
            ("FL03", "OHS"),
        ),
    ),
    narrative=(
        "The audit team noticed that the only gate of the compound was chained during working "
        "hours. The security officer explained that workers may go out only with a slip signed "
        "by their line leader, and the gate log confirmed that few slips are issued.",
        "Workers who live on site are not free to come and go: a list of residents is checked "
        "by the guards every evening, and those returning after {curfew} are reported to HR and "
        "lose part of their attendance bonus.",
        "In the course of the audit it was established that migrant workers are driven between "
        "the dormitory and the factory in company buses and are not permitted to walk to the "
        "nearby town on their own.",
    ),
    terse=(
        "Gate locked during shifts; exit only w/ supervisor slip.",
        "Dorm curfew {curfew}; late return = fine.",
        "Migrants escorted to market by HR staff; no unaccompanied outings.",
    ),
    worker_voice=(
        "'We cannot go out on Sunday unless the leader signs for us,' said a worker living in "
        "the hostel; others confirmed that requests are often refused.",
        "{count_of} stated that they have not left the estate since they arrived because the "
        "guards at the gate turn them back.",
        "Workers said the manager told them that anyone who leaves the premises without "
        "permission will be treated as having resigned.",
    ),
    legal=(
        "Contrary to {law} and the code, workers' freedom of movement is restricted: the "
        "dormitory doors are locked from the outside at night.",
        "The code requires that workers are free to leave the workplace after their shift and "
        "the employer-provided housing at any time. Residents need written permission to go "
        "out.",
    ),
    scheme=(
        "Does the employer restrict workers' freedom of movement (e.g. locked premises, "
        "permission needed to leave)? Yes: workers need a gate pass to leave during breaks.",
        "Noncompliance: the facility restricts migrant workers' freedom to leave company-"
        "provided accommodation during their free time.",
        "The business partner controls the movement of resident workers through a sign-out "
        "book and a curfew enforced by security staff.",
    ),
    multi=(
        (
            "Residents may leave the dormitory only on Sundays with a pass, and their {iddoc} "
            "are collected by the warden when they move in.",
            ("FL03", "FL07"),
        ),
        (
            "The factory gates are locked from the outside during the night shift, and the "
            "emergency exits of the {dept} hall were chained.",
            ("FL03", "OHS"),
        ),
        (
            "Workers may not leave the compound until their advance is repaid, and the guards "
            "hold a list of those who still owe money.",
            ("FL03", "FL09"),
        ),
    ),
)

FL04: list[Phrase] = wordings(
    ("FL04",),
    held_out=("worker_voice", "legal"),
    plain=(
        "Mobile phones of {count} were collected at the start of each shift and kept for the "
        "entire week, leaving workers without contact with their families.",
        (
            "The workers' dormitory is located inside a remote plantation with no public "
            "transport; the employer controls the only vehicle and its use.",
            ("FL04", "FL03"),
        ),
        "Newly arrived {nat} workers were housed apart from other staff and were not permitted "
        "visitors, and they had no access to the grievance hotline.",
        "Management confirmed that workers are not told the address of the site they are "
        "transported to, and {count_small} could not name the town they live in.",
        "Workers living on the premises could not receive mail or calls; letters were opened "
        "by the administration office.",
        (
            "!Contact between the {nat} workforce and local workers or union representatives was "
            "discouraged and meals were served in a separate canteen at different times.",
            ("FL04", "FOA"),
        ),
        "!The site confiscated SIM cards of {count} during the peak season to prevent them "
        "from contacting recruiters about other jobs.",
    ),
    narrative=(
        "The processing camp is reached by a track that floods in the rainy season. Workers "
        "stay on site for the whole season, the camp has no telephone signal, and the manager "
        "keeps the only satellite phone in his office.",
        "Fishing crew interviewed in port explained that their vessel stays at sea for most of "
        "the year, that catches are transferred to carrier ships, and that they cannot speak to "
        "their families until they return.",
        "New recruits spend their first weeks in a training hostel away from the plant. They "
        "are not given the address, are not allowed visitors, and are told not to talk to "
        "workers of other companies.",
    ),
    terse=(
        "Phones handed in at gate; returned on rest day only.",
        "Remote site; no public transport; company truck once a month.",
        "Migrant hostel: no visitors, no outside contact first months.",
    ),
    worker_voice=(
        "'We only speak to our families when the manager lends us his phone,' a worker said; "
        "{count_small} confirmed that personal phones are not allowed on the estate.",
        "Workers said they did not know which province they were in and that the driver would "
        "not tell them.",
        "{count_of} said they had been told not to speak to outsiders, including the audit "
        "team, and that mail from home is handed over already opened.",
    ),
    legal=(
        "Contrary to the code, workers are isolated from the outside world: the site bans "
        "phones in the living quarters and bars visits by family members.",
        "The facility did not meet {law} on workers' access to communication: resident "
        "workers may not receive or send letters without the warden reading them.",
    ),
    scheme=(
        "Are workers isolated from family, community or outside help? Yes: the site is remote, "
        "phones are kept by management and no transport is provided.",
        "Noncompliance: workers housed on the farm have no means of contacting anyone outside "
        "the farm without the supervisor's knowledge.",
        "The business partner keeps newly recruited workers apart from the rest of the "
        "workforce and from outside organisations.",
    ),
    multi=(
        (
            "Phones are taken away on arrival and the estate can only be left with the "
            "manager's permission.",
            ("FL04", "FL03"),
        ),
        (
            "Crew members have no contact with shore for months at a time and were paid only at "
            "the end of the trip, {dur_delay} after the catch was landed.",
            ("FL04", "FL08"),
        ),
    ),
)

FL07: list[Phrase] = wordings(
    ("FL07",),
    held_out=("worker_voice", "multi"),
    plain=(
        "{^iddoc} of {count} were kept by the HR department in a locked cabinet, and workers "
        "could not access them without a written request.",
        "The employer retains the original {iddoc} of all {nat} workers 'for safekeeping'.",
        "Original {iddoc} of {count_of} were held by {org_agency} and had not been returned.",
        (
            "Management retained workers' {iddoc}; the HR manager stated that returning them "
            "would result in workers leaving without notice.",
            ("FL07", "FL03"),
        ),
        "It was found that the factory keeps the {iddoc_sg} of every new worker until the end "
        "of the probation period of {dur_contract}.",
        "!Workers had to hand over their {iddoc} on the first day; a signed 'voluntary "
        "deposit' form was on file but interviewed workers were unaware of its content.",
        "!Auditors counted {count} {iddoc} in the administration safe; none of the "
        "corresponding workers had a key or a receipt.",
    ),
    narrative=(
        "The {iddoc} of the migrant workforce are not at the site: they are held by the broker "
        "who arranged the recruitment, in an office in the capital, and workers carry only "
        "photocopies. Management said this was the broker's practice and outside its control.",
        "When the auditor asked to see the document register, the HR officer opened a safe "
        "holding the {iddoc} of the {nat} workers. Workers can ask for them only for a stated "
        "reason, and the request must be approved by the general manager.",
        "On hiring, workers hand in their school leaving certificates and {iddoc}; the "
        "originals are returned only when the worker has served out the contract, as a "
        "guarantee that workers will not leave early.",
        "The labour contractor supplying the {dept} section keeps the {iddoc} of its workers "
        "at its own office; {count_small} said they had been stopped by police and could not "
        "show any document.",
    ),
    terse=(
        "{^iddoc} held by broker in capital; workers carry copies only.",
        "HR safe: {count} original {iddoc}. No written consent, no free access.",
        "Orig. {iddoc} + school certificates kept as guarantee till contract end.",
    ),
    worker_voice=(
        "'The agent has my {iddoc_sg} – he said I will get it back when I go home,' one worker "
        "told the auditor; {count_of} gave the same account.",
        "Workers said they had to give their {iddoc} to the supervisor when they arrived and "
        "had not seen them since.",
        "{count_of} stated that they would have to pay a fine to get their {iddoc} back before "
        "the end of the contract.",
    ),
    legal=(
        "Contrary to {law}, the employer holds workers' original {iddoc}; the law allows only "
        "copies to be kept in personnel files.",
        "The code prohibits the retention of workers' identity documents. Original {iddoc} of "
        "migrant workers were found in the HR office.",
    ),
    scheme=(
        "Does the employer (or a labour recruiter) retain workers' identity documents? Yes: "
        "{iddoc} are kept by the recruitment agent.",
        "Noncompliance: the facility keeps workers' original {iddoc} and workers must submit a "
        "request to access them.",
        "The business partner confiscates the {iddoc} of foreign workers on arrival.",
    ),
    multi=(
        (
            "{^iddoc} of {count} are kept in the HR office and workers who want to resign must "
            "first repay the {fee_recruit} before the documents are handed back.",
            ("FL07", "FL09"),
        ),
        (
            "The dormitory warden keeps residents' {iddoc} and does not let residents leave at "
            "night without signing out.",
            ("FL07", "FL03"),
        ),
        (
            "Migrant workers' {iddoc} were held by the employer and their first two wage "
            "payments were kept back until the end of the probation period.",
            ("FL07", "FL08"),
        ),
    ),
)

FL09: list[Phrase] = wordings(
    ("FL09",),
    held_out=("terse", "narrative"),
    plain=(
        (
            "{count} paid {fee_recruit} of {money_usd} to {org_agency}, repaid through monthly "
            "salary deductions; their {iddoc} were held until the debt was cleared.",
            ("FL09", "FL07"),
        ),
        "Migrant workers paid {fee_recruit} of up to {money_usd} in their home country and "
        "had not been reimbursed by the employer.",
        "A {fee_deposit} of {money} was deducted from the first wage payment of every new "
        "worker and is refundable only after {dur_contract}.",
        (
            "Loans advanced by the employer ({money} on average) were repaid through wage "
            "deductions of {pct} of net pay, and {count_small} said they could not resign "
            "before repayment.",
            ("FL09", "FL03"),
        ),
        "The site could not demonstrate that the {fee_recruit} charged by {org_agency} had "
        "been borne by the employer as required by the code.",
        "!Workers owed {money_usd} each for travel and the {fee_recruit}; the debt was "
        "recorded in a ledger kept by the labour contractor and increased with every absence.",
        (
            "!{count_of} were still repaying loans taken to pay the {fee_recruit} and said "
            "the repayments left them with less than half of their wages.",
            ("FL09", "WAG"),
        ),
    ),
    narrative=(
        "Workers from the latest intake borrowed money in their villages to pay brokers; the "
        "amounts they quoted, {money_usd} on average, are more than a year's earnings at home, "
        "and most of them are still paying interest on those loans.",
        "The employer pays an advance to new workers on arrival, recorded as a loan in a "
        "separate ledger. Interest is added every month, and the balance sheets reviewed show "
        "that several workers owe more now than when they started.",
        "Although the employer has a zero-fee policy, the sub-agent in the sending country "
        "charges each recruit a {fee_recruit} of {money_usd}, which the site has never "
        "verified or repaid.",
    ),
    terse=(
        "{^fee_recruit} {money_usd}/worker paid to agent abroad; not reimbursed.",
        "Advance of {money} to new hires, repaid by payroll deduction; no resignation until "
        "cleared.",
        "{^fee_deposit} {money} taken on hiring; forfeited if worker leaves early.",
    ),
    worker_voice=(
        "'I sold my family's land to pay the agent,' a worker said; {count_of} reported paying "
        "the agent {money_usd} or more before departure.",
        "Workers said the supervisor lends them money for food at the start of the month and "
        "takes it back with interest from their wages.",
        "{count_of} said they cannot leave before they have paid back the cost of their visa "
        "and flight, which the agency deducts from every payslip.",
    ),
    legal=(
        "Contrary to {law} and the employer-pays principle of the code, workers were charged "
        "{fee_recruit} by {org_agency}.",
        "The code prohibits charging workers any fee or cost for recruitment. Interviewed "
        "workers paid the {fee_recruit} and the medical examination themselves.",
    ),
    scheme=(
        "Are workers in debt bondage or required to pay for their recruitment? Yes: migrant "
        "workers paid {fee_recruit} of {money_usd} and repay loans through deductions.",
        "Noncompliance: workers paid fees to obtain employment, and the facility did not "
        "reimburse them.",
        "The business partner requires a {fee_deposit} from new workers, returned only if they "
        "complete the contract.",
    ),
    multi=(
        (
            "Workers pay {fee_recruit} of {money_usd} to the agency, which keeps their {iddoc} "
            "until the amount is recovered from their wages.",
            ("FL09", "FL07"),
        ),
        (
            "Recruitment debts of {money_usd} are deducted from wages, leaving {count_of} with "
            "net pay below the legal minimum.",
            ("FL09", "WAG"),
        ),
    ),
)
