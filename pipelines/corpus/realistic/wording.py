"""Wording for everything in a report that is not a gold finding, written for this corpus.

Templates use `str.format` fields that `prose.py` fills per document (site, firm, numbers,
months, departments, currency amounts), and sections sample and shuffle sentences, so the same
sentence rarely repeats verbatim across documents. Much of this text talks about wages,
overtime, fees and documents without reporting a violation: it is the distractor text a
finding reader must learn to ignore. Nothing here is a finding; finding wording lives in
`phrases.py`.
"""

from __future__ import annotations

DISCLAIMERS = (
    "This [report|document|assessment report] was prepared by {firm} for the [exclusive|sole] "
    "use of {client} and the audited site. It [reflects|describes] conditions [observed|seen] "
    "on the [days|dates] of the visit and the records [made available|provided] at that time; "
    "it is not a guarantee of future compliance.",
    "The information in this [document|report] is confidential. It may not be [copied|"
    "reproduced], published or passed to a third party without the written consent of {firm} "
    "and {client}.",
    "Findings are based on a sample of records, a tour of the [premises|site|facility] and "
    "interviews with [workers|employees] and managers. Conditions outside the sample [may|"
    "might] differ from those described.",
    "{firm} accepts no liability for decisions taken on the basis of this report beyond the "
    "scope agreed in the [service contract|engagement letter] dated {contract_date}.",
    "The audit team worked independently of the site's management. Where management "
    "[disputed|did not accept] a statement, the disagreement is recorded in the relevant "
    "section.",
    "Photographs in the annex were taken with the permission of the site and show conditions "
    "on {visit_day} only.",
    "This [assessment|audit] does not certify the site. It records the status of the site "
    "against the requirements of the {scheme} and applicable law on the dates of the visit.",
    "Names of interviewed workers are withheld to protect them from retaliation; interview "
    "notes are kept by {firm} for {keep_years} years.",
    "[Distribution|Circulation] of this report is limited to {client} and the site; "
    "[further|onward] distribution requires the consent of both.",
    "The report was [written|drafted] by {firm} on {contract_date} and reviewed by a second "
    "[auditor|reviewer] before release.",
)

METHOD = (
    "The audit team of {n_auditors} spent {days} day(s) on site, from {time_in} to {time_out}.",
    "{n_interviews} [workers|employees] were interviewed individually and {n_groups} group "
    "interviews were held with {group_size} [workers|participants] each.",
    "Interviews [took place|were held] in a private room away from supervisors, in {language}.",
    "Payroll and time records were [sampled|reviewed] for {months_sampled} months, including "
    "the peak month of {peak_month}.",
    "The sample covered permanent, temporary and agency workers from the {dept} and {dept2} "
    "[departments|sections] and from [both shifts|all shifts|the day shift].",
    "The [tour|site tour|walk-through] included the production floors, the warehouse, the "
    "{facility} and the {facility2}.",
    "Management was interviewed about [policies|procedures], recruitment, payroll and health "
    "and safety [procedures|practice] on day {days}.",
    "An opening meeting was held at {time_in} on the first day and a closing meeting at "
    "{time_out} on the last day.",
    "Documents were reviewed in the [HR office|administration office|meeting room]; copies of "
    "{k} records were retained by the auditor.",
    "The worker representative ({rep_role}) attended the [opening and closing meetings|"
    "closing meeting].",
    "Records for {sample_size} workers were cross-checked against the gate log and "
    "production output [records|reports] for {peak_month}.",
    "No part of the site was closed to the audit team and no records were [refused|withheld].",
)

INTERVIEWS = (
    "None of the {n} interviewed [workers|employees] reported paying a [fee|fee or deposit|"
    "charge] to obtain their job.",
    "[Interviewed workers|Workers interviewed|Interviewees] said they keep their own identity "
    "documents; the HR office holds [photocopies|copies] only.",
    "[Workers|Interviewees|Employees] confirmed that overtime is voluntary and that they can "
    "refuse it without [penalty|any penalty|consequence].",
    "Interviewees stated that wages are paid by [bank transfer|cash|mobile transfer] on the "
    "{payday} of each month and that payslips explain every deduction.",
    "All {n} workers interviewed in the {dept} section described their supervisors as "
    "[fair|respectful|approachable].",
    "Workers said they can leave the [premises|factory|compound] freely during breaks and "
    "after their shift.",
    "Migrant workers from {nat} said the employer paid their [visa and travel costs|travel "
    "and medical costs|visa fees].",
    "Workers knew how to use the grievance [box|hotline]; {k} said they had raised a "
    "suggestion in the last year and received an answer.",
    "No worker described threats, fines or verbal abuse by [supervisors|line leaders|managers].",
    "Workers on the {shift} shift said that the canteen and drinking water are available at "
    "all times.",
    "Interviewees knew the name of their worker representative and the date of the last "
    "committee meeting in {month}.",
    "Young workers interviewed said they do not work at night and do not work overtime.",
    "Workers said annual leave is granted on request and that sick leave is [paid|paid in full].",
    "Workers said resignation requires {notice} notice and that final wages are paid on the "
    "next pay day.",
    "No interviewed worker had been asked to sign a blank document or a resignation letter.",
    "Workers confirmed they received a copy of their contract in {language}.",
    "Workers were able to explain how overtime premiums are calculated on their payslip.",
    "According to the [interviewed workers|interviewees], the dormitory gate stays open and "
    "visitors are allowed in the common room.",
    "Workers said that production targets are discussed with the line leader and that "
    "missing a target does not lead to a deduction.",
    "Female workers said maternity leave was paid and that they returned to the same position.",
    "Workers reported that the shuttle bus is free of charge.",
    "None of the {k} agency workers interviewed said they owed money to the agency or to a broker.",
    "[Most|All] interviewed workers said they earn enough to [send money home|support their "
    "families], with overtime in {peak_month}.",
)

# Per area: what the auditor checked where no non-compliance was found (or before the finding).
# Brackets hold alternatives, so one fact is worded several ways across reports.
SYSTEMS: dict[str, tuple[str, ...]] = {
    "forced": (
        "The site has a written policy on freely chosen employment, [displayed|posted] in "
        "{language}.",
        "Personnel files of {sample_size} workers were [checked|reviewed]; none contained "
        "original identity documents.",
        "Resignation records for {month} and {month2} show notice periods being respected.",
        "Workers hired through agencies sign a declaration that no recruitment cost was "
        "charged; the site [reimburses|refunds] any cost it discovers.",
        "[Lockers|Personal lockers] with [personal|individual] keys are provided for workers' "
        "belongings.",
        "{k} resignations in the last [quarter|six months] were processed within the notice "
        "period.",
    ),
    "treatment": (
        "The disciplinary procedure provides for [verbal and written warnings|a verbal warning, "
        "a written warning and a final warning] and [an appeal|a right of appeal].",
        "The warning letter register for the last {months_sampled} months was reviewed; "
        "{k} warnings were issued.",
        "An anti-harassment committee with {k} members meets every [quarter|month].",
        "Supervisors attended training on respectful communication in {month}.",
    ),
    "child": (
        "Age documents are [checked|verified] at hiring and copies are kept in [every|each] "
        "personnel file.",
        "The youngest worker on the payroll was born in {birth_year}.",
        "A young worker register is kept; it lists {young} workers aged 16 or 17.",
        "A remediation procedure for child labour exists and names the [HR manager|compliance "
        "officer] as responsible.",
    ),
    "wages": (
        "Wages are paid [monthly|twice a month] by [bank transfer|cash]; the legal minimum "
        "wage is {wage} per month.",
        "Payroll for {month} and {month2} was reviewed for {sample_size} workers.",
        "Overtime premiums of {ot_rate}% are applied on normal working days.",
        "Social insurance contributions were paid up to {month}; receipts were [seen|sighted].",
        "Payslips [show|list] gross pay, overtime, [allowances|bonuses] and deductions "
        "[separately|line by line].",
    ),
    "hours": (
        "Working time is recorded by [an electronic card system|fingerprint readers|a "
        "face-recognition system] at the [main gate|workshop entrances].",
        "The regular working week is {regular} hours over {days_week} days.",
        "Time records for {month} were compared with production records and gate logs.",
        "Overtime requires a signed request from the worker and approval by the [manager|"
        "production manager].",
        "The site closes on {rest_day}s and on public holidays.",
    ),
    "ohs": (
        "The site holds a fire safety certificate valid until {valid_until}.",
        "Fire drills were held in {month} and {month2}; attendance lists were signed.",
        "Extinguishers on the {floor_word} floor were inspected [monthly|every month].",
        "A health and safety committee with {k} worker members meets [monthly|every quarter].",
        "Chemical containers in the {dept} area were labelled and stored on spill trays.",
        "First aid boxes were stocked and {k} trained first aiders were on duty.",
    ),
    "discrimination": (
        "The [recruitment procedure|hiring procedure|HR manual] [forbids|prohibits] questions "
        "about [marriage, pregnancy and religion|marital status, pregnancy or religion|"
        "pregnancy, religion and union membership].",
        "[Pay grades|Wage scales|Piece rates] apply equally to [men and women|male and female "
        "workers] in the same [position|job grade|operation].",
        "Job advertisements from {month} contained no age or gender requirement.",
        "Medical checks at hiring are limited to fitness for the job; {k} records were sampled.",
    ),
    "foa": (
        "A worker committee of {k} members was elected in {month} by secret ballot.",
        "Minutes of the last {k} committee meetings were reviewed.",
        "Management meets the union every [quarter|month]; the collective agreement runs to "
        "{valid_until}.",
        "The freedom of association policy is posted on the notice boards in {language}.",
    ),
    "employment": (
        "Written contracts were [seen|sighted] for all {sample_size} sampled workers.",
        "Probation lasts {probation} and is stated in the contract.",
        "The site uses {n_agency} agency workers under a service agreement reviewed by HR.",
        "Social insurance registration was confirmed for all sampled permanent workers "
        "({sample_size} files).",
    ),
    "environment": (
        "The environmental permit was renewed in {month}.",
        "Hazardous waste is collected by a licensed contractor; [manifests|transfer notes] "
        "for {month} were seen.",
        "Wastewater test reports from {month} were within permitted limits.",
    ),
    "ethics": (
        "The site has [a business ethics policy|an anti-bribery policy|an integrity policy] "
        "signed by the [general manager|owner] in {month}.",
        "No gifts register entries were found for the last {months_sampled} months.",
        "Production records, payroll and time records [for {month}|sampled] were consistent "
        "with each other.",
    ),
    "management": (
        "A [compliance officer|CSR officer|social compliance manager] is responsible for the "
        "[code of conduct|buyer codes] and reports to the [general manager|factory director].",
        "Policies were last reviewed in {month}.",
        "The grievance procedure allows anonymous complaints; {k} were logged this year.",
        "Training records show induction training for all {sample_size} new workers sampled.",
    ),
}
NOTHING_FOUND = (
    "No non-compliance was [identified|found|noted] in this [area|section|part of the audit].",
    "No [issues|concerns|issues of concern] were noted [here|in this area|during the visit].",
    "Based on the evidence [reviewed|seen], the site [meets|complies with] the requirement.",
    "No findings.",
    "[Compliant|OK|Satisfactory]: no [non-compliance|issue] identified during this [audit|visit].",
    "[The audit|The audit team|The auditor] found no [breach|violation] of this [requirement|"
    "clause|provision].",
    "[Conforms|Meets the requirement]; no [finding|non-conformity] raised.",
    "No [non-conformities|deviations] were [recorded|raised] against this [clause|requirement].",
)
FINDINGS_FOLLOW = (
    "The following was noted:",
    "Findings in this area:",
    "However, the audit identified the following:",
    "The issues found are described below.",
    "[Non-compliances|Issues] raised:",
)

# Prose that opens the findings part: how to read it, not a finding.
FINDINGS_INTRO = (
    "The [findings|issues] below were presented at the closing meeting on day {days}.",
    "Each [finding|non-compliance] states the requirement, the evidence seen and the "
    "[corrective action|action] agreed with management.",
    "Timescales run from the [last day of the audit|date of the closing meeting].",
    "Where a finding affects several [departments|sections], it is reported once.",
    "Management [signed|acknowledged] the corrective action plan; acknowledgement does not "
    "imply agreement.",
    "Evidence [is|was] collected through document review, the site tour and {n_interviews} "
    "worker interviews.",
    "[Findings|Issues] closed during the audit are [still reported|reported] for completeness.",
    "Grades follow the [programme's|client's] grading guidance in force on {contract_date}.",
)

SUMMARY = (
    "{site} produces {product} for export. The audit was [carried out|conducted] on behalf "
    "of {client}.",
    "Management [cooperated|was cooperative] throughout the visit and all requested records "
    "were provided.",
    "The site employs {workers} workers, of whom about {migrant_pct}% are migrant workers.",
    "Key issues relate to {area_a} and {area_b}; details are given in the findings section.",
    "The previous audit in {prev_year} raised {prev_n} issues, of which {prev_closed} were "
    "found closed.",
    "Worker interviews were [positive|largely positive] overall about wages and treatment.",
    "The site has improved its health and safety management since the [last|previous] visit.",
    "A corrective action plan was agreed with management at the closing meeting on day {days}.",
    "Overall, the site's management systems are [partly developed|developing|in place but "
    "not always effective].",
    "The findings were presented to the [general manager|factory director|HR manager], who "
    "signed the corrective action plan.",
)

DOCUMENTS = (
    "Business licence",
    "Fire safety certificate",
    "Building safety certificate",
    "Payroll records",
    "Time records",
    "Employment contracts",
    "Personnel files",
    "Social insurance receipts",
    "Health and safety policy",
    "Chemical inventory and safety data sheets",
    "Training records",
    "Grievance log",
    "Young worker register",
    "Dormitory licence",
    "Boiler inspection certificate",
    "Environmental permit",
    "Agency service agreement",
    "Collective agreement",
    "Worker committee minutes",
    "Disciplinary records",
    "Leave records",
    "Production records",
    "Medical examination records",
    "Fire drill records",
)
DOCUMENT_NOTES = (
    "Reviewed",
    "Seen, valid",
    "Sample reviewed",
    "Available",
    "Reviewed - no issue",
    "Copy retained",
    "Not applicable",
    "Seen",
)

POSITIONS = (
    "General Manager",
    "HR Manager",
    "Compliance Officer",
    "Worker representative",
    "Union chairperson",
    "Production Manager",
    "Admin Manager",
    "EHS Officer",
    "Factory Director",
    "Welfare Officer",
    "Payroll Officer",
    "Quality Manager",
)
FIRST_NAMES = (
    "Anh",
    "Rina",
    "Kamal",
    "Mei",
    "Emre",
    "Priya",
    "Jorge",
    "Siti",
    "Nasir",
    "Thu",
    "Ayse",
    "Ravi",
    "Lina",
    "Omar",
    "Dilani",
    "Hao",
    "Carmen",
    "Sokha",
    "Farhana",
    "Tuan",
)
LAST_NAMES = (
    "Hossain",
    "Tran",
    "Wang",
    "Demir",
    "Kumar",
    "Lopez",
    "Rahman",
    "Pham",
    "Yildiz",
    "Perera",
    "Chen",
    "Sok",
    "Akter",
    "Nguyen",
    "Ali",
    "Silva",
    "Liu",
    "Khan",
)

CHECKLIST: dict[str, tuple[str, ...]] = {
    "forced": (
        "Are workers free to resign with reasonable notice?",
        "Are original identity documents kept by the workers?",
        "Is overtime voluntary?",
        "Are workers free to leave the premises after working hours?",
    ),
    "child": (
        "Is age verified before hiring?",
        "Is a young worker register maintained?",
        "Are young workers kept away from hazardous work?",
    ),
    "wages": (
        "Is at least the legal minimum wage paid?",
        "Are overtime premiums paid at the legal rate?",
        "Are payslips provided to workers?",
        "Are deductions lawful and agreed?",
    ),
    "hours": (
        "Are working hours recorded accurately?",
        "Is at least one day off in seven given?",
        "Are total weekly hours within the legal limit?",
    ),
    "ohs": (
        "Are emergency exits unlocked and unobstructed?",
        "Are fire drills held at least twice a year?",
        "Is suitable PPE provided free of charge?",
        "Are machines fitted with guards?",
        "Is drinking water available?",
    ),
    "discrimination": (
        "Is recruitment free of discrimination?",
        "Is pregnancy testing prohibited?",
    ),
    "foa": (
        "Are workers free to join a union?",
        "Is there an elected worker representative?",
    ),
    "employment": (
        "Do all workers have written contracts?",
        "Are agency workers covered by the same rules?",
    ),
    "management": (
        "Is there a written code of conduct?",
        "Is there a grievance mechanism?",
        "Is a person responsible for compliance?",
    ),
    "environment": ("Are environmental permits valid?", "Is waste disposed of by licensed firms?"),
    "ethics": ("Is there an anti-bribery policy?",),
    "treatment": ("Is there a written disciplinary procedure?", "Are fines prohibited?"),
}
CHECK_ANSWERS = ("Yes", "Yes", "Yes", "Compliant", "N/A", "Yes", "Compliant")

# Better Work and amfori style questions per area, all worded so that "Yes" means compliant.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "child": (
        "Does the employer verify the age of workers before hiring?",
        "Are workers under 18 protected from hazardous work?",
        "Are all workers above the minimum working age?",
        "Does the employer keep a register of young workers?",
    ),
    "discrimination": (
        "Are recruitment and pay decisions free of gender bias?",
        "Is the site free of pregnancy testing?",
        "Are workers treated equally regardless of origin or religion?",
    ),
    "forced": (
        "Are workers free to leave the workplace after their shift?",
        "Do workers keep their own identity documents?",
        "Are workers free to terminate their employment?",
        "Were workers free of recruitment fees?",
    ),
    "treatment": (
        "Are disciplinary measures applied according to a written procedure?",
        "Are workers protected from verbal and physical abuse?",
    ),
    "foa": (
        "Are workers free to form and join unions?",
        "Does the employer respect the independence of worker organisations?",
        "Are collective agreements respected?",
    ),
    "wages": (
        "Does the employer pay at least the minimum wage for ordinary hours?",
        "Does the employer pay overtime at the legal premium rate?",
        "Are wages paid on time and in full?",
        "Are social security contributions paid?",
    ),
    "employment": (
        "Do workers have written contracts?",
        "Does the employer comply with the rules on fixed-term contracts?",
        "Are agency and subcontracted workers covered by the same protections?",
    ),
    "ohs": (
        "Are emergency exits accessible and unlocked?",
        "Is fire fighting equipment available and maintained?",
        "Are chemicals labelled and stored safely?",
        "Are dormitories safe and sanitary?",
        "Does the employer provide personal protective equipment?",
    ),
    "hours": (
        "Do regular weekly hours comply with the legal limit?",
        "Do overtime hours comply with the legal limit?",
        "Do workers receive at least one day off per week?",
        "Are working time records accurate?",
    ),
    "management": (
        "Is there a functioning grievance mechanism?",
        "Does the site have a person responsible for labour compliance?",
    ),
    "environment": ("Does the site hold valid environmental permits?",),
    "ethics": ("Does the site keep a single, accurate set of records?",),
}

LAW_REQUIREMENTS: dict[str, tuple[str, ...]] = {
    "forced": (
        "Employment must be freely chosen; workers keep their documents and pay no fees.",
        "No worker may be bound by debt, deposits or the retention of documents.",
    ),
    "treatment": (
        "Physical abuse, threats and fines as a disciplinary measure are prohibited.",
        "Disciplinary action must follow a written, fair procedure.",
    ),
    "child": (
        "No person below the legal minimum age may be employed.",
        "Workers under 18 may not perform hazardous or night work.",
    ),
    "wages": (
        "At least the legal minimum wage must be paid, on time, with premiums for overtime.",
        "Deductions are only allowed where the law permits them and the worker has agreed.",
    ),
    "hours": (
        "Regular hours may not exceed the legal limit; overtime is voluntary and capped.",
        "Every worker is entitled to at least one rest day in seven.",
    ),
    "ohs": (
        "The employer must provide a safe and hygienic workplace and protect against fire.",
        "Exits, equipment and chemicals must be maintained to the legal standard.",
    ),
    "discrimination": (
        "No discrimination in hiring, pay, promotion or termination.",
        "Pregnancy testing and dismissal for pregnancy are prohibited.",
    ),
    "foa": (
        "Workers may form and join organisations of their choice and bargain collectively.",
        "Worker representatives may not be dismissed for their activities.",
    ),
    "employment": (
        "Regular work must be performed under a recognised employment relationship.",
        "Written terms must be given to every worker before work starts.",
    ),
    "environment": ("The site must hold and comply with the required environmental permits.",),
    "ethics": ("Records must be accurate; bribery is prohibited.",),
    "management": ("The site must implement and review a management system for the code.",),
}

ROOT_CAUSES = (
    "No written procedure covered this situation.",
    "Supervisors had not been trained on the requirement.",
    "Production planning did not account for peak orders.",
    "Responsibility for the task was not assigned.",
    "The HR system did not flag the issue.",
    "Management was not aware of the legal requirement.",
    "Budget for the improvement had not been approved.",
)
PLANS = (
    "Management will revise the procedure and train the responsible staff by {due_month}.",
    "The factory has assigned the HR manager to correct the issue and report monthly.",
    "The site agreed to fix the issue and provide evidence to the brand.",
    "Completed during the audit; photos were provided.",
    "A new policy was adopted in {due_month} and communicated to all workers.",
    "The company disputes part of the finding but will review its records.",
)
STATUSES = ("Open", "Closed", "Progress made", "Pending verification")

CAPTIONS = (
    "Fire extinguishers on the {floor_word} floor with inspection tags",
    "Main production hall, {dept} section",
    "Canteen",
    "Drinking water station",
    "Emergency exit and evacuation plan",
    "Chemical storage area with spill trays",
    "Dormitory room",
    "First aid box in the {dept} area",
    "Worker notice board with policies in {language}",
    "Grievance box near the main gate",
    "Generator room",
    "Wastewater treatment plant",
    "Assembly point outside building {building}",
    "Time-recording machine at the main gate",
)

FACILITIES = ("canteen", "dormitory", "clinic", "boiler room", "warehouse", "generator room")
LANGUAGES = ("the local language", "Bengali", "Vietnamese", "Mandarin", "Turkish", "Hindi")
SCHEMES = ("client's code of conduct", "programme standard", "buyer code of conduct")
CLIENTS = (
    "Northwind Apparel",
    "Bluefield Home",
    "Stellar Outdoor",
    "Kestrel Sports",
    "Oakline Retail Group",
    "Harbour & Vine",
    "Ridgeway Brands",
    "Cobalt Living",
)

LEGEND_LINES = {
    "critical": (
        "{word}: an imminent risk to life or a breach of fundamental rights; immediate action",
        "{word}: zero tolerance issue, reported to the client within 24 hours",
    ),
    "major": (
        "{word}: a systemic breach of the code or the law; action within 60 days",
        "{word}: a significant breach that needs a documented corrective action",
    ),
    "minor": (
        "{word}: an isolated lapse with low risk to workers; action within 90 days",
        "{word}: a minor issue that does not affect workers directly",
    ),
}

PROCESSES = (
    "cutting",
    "sewing",
    "printing",
    "embroidery",
    "washing",
    "ironing",
    "packing",
    "moulding",
    "assembly",
    "testing",
    "dyeing",
    "knitting",
    "finishing",
    "lamination",
)
SCHEME_OF_STANDARD = {
    "smeta": "SMETA methodology and the ETI Base Code",
    "amfori_bsci": "amfori BSCI Code of Conduct",
    "sa8000": "SA8000 standard",
    "rba": "RBA Code of Conduct",
}

# Grievance log entries: complaints that were handled; finding-like words, not findings.
GRIEVANCES = (
    ("Overtime pay for {month} queried", "Payroll rechecked with the worker; difference paid"),
    ("Canteen food quality", "Menu changed after a meeting with the committee"),
    ("Request for a second water dispenser", "Dispenser installed on the {floor_word} floor"),
    ("Supervisor raised his voice at the line", "Supervisor warned and retrained"),
    ("Shuttle bus late in the morning", "New timetable agreed with the bus operator"),
    ("Leave request refused during peak", "Leave granted the following week"),
    ("Locker key lost", "Replacement key issued free of charge"),
    ("Question about social insurance deduction", "Explained by HR; deduction is statutory"),
    ("Dormitory shower not working", "Repaired within two days"),
    ("Request to change shift", "Moved to the day shift"),
)
GRIEVANCE_CHANNELS = ("Suggestion box", "Hotline", "Committee", "Walk-in", "Union")
HSE_ITEMS = (
    ("Exit routes", "Clear and marked"),
    ("Fire extinguishers", "Inspected monthly"),
    ("Machine guards", "Fitted"),
    ("Electrical panels", "Closed and labelled"),
    ("Chemical store", "Ventilated, spill kit present"),
    ("First aid boxes", "Stocked"),
    ("Eye wash station", "Working"),
    ("Lighting", "Adequate"),
    ("Noise", "Ear protection worn"),
    ("Drinking water", "Available"),
    ("Toilets", "Clean, separated by sex"),
    ("Boiler", "Certificate valid"),
)
HSE_RESULTS = ("OK", "OK", "Satisfactory", "Compliant", "Corrected on site", "Yes")
