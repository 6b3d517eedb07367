"""Everything around a finding's wording: the standard area of each issue, evidence lines per
area, good practices, titles and corrective actions.

Data only; entity-like words come from `{slots}`. A leading `!` holds a phrase out.
"""

from __future__ import annotations

from .phrase import Phrase, bank

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
    "forced": bank(
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
    "treatment": bank(
        (),
        "Interviews with {count_of}; the disciplinary records for {date_month} were reviewed.",
        "Based on confidential worker interviews; several workers asked not to be identified.",
        "Review of the grievance box log and the warning letters issued since {date_month}.",
        "Observed by the audit team during the site tour and confirmed by {count_small}.",
        "Disciplinary policy reviewed; {count_small} described the practice in interviews.",
        "!Group interview with {count_small} held off site; management denied the allegation.",
        "!Records sighted: warning letters, the fines register and the HR manager's notes.",
    ),
    "wages": bank(
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
    "hours": bank(
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
    "child": bank(
        (),
        "Age documents in personnel files were checked for {count_of}.",
        "Observed during the site tour; the worker's {iddoc_sg} was reviewed.",
        "Records sighted: the young worker register, age verification records and medical checks.",
        "Interviews with the worker and with the HR officer; personnel file reviewed.",
        "Personnel files, birth registration copies and attendance records were checked.",
        "!The age was confirmed from the school certificate dated {date_day}.",
        "!Cross-check of the worker list against the production floor headcount.",
    ),
    "discrimination": bank(
        (),
        "Recruitment records and medical examination forms were reviewed.",
        "Interviews with {count_of}; the recruitment policy was reviewed.",
        "Records sighted: job advertisements, the HR recruitment file and termination records.",
        "Review of the payroll grading structure and interviews with line supervisors.",
        "Management interview and review of termination letters issued since {date_month}.",
        "!Application forms completed in {date_month} were sampled.",
        "!Confirmed by {count_small} in group interviews.",
    ),
    "foa": bank(
        (),
        "Interviews with {count_of} and with the worker representatives.",
        "Records sighted: committee minutes, the collective agreement and election records.",
        "Review of the termination register and the union's written complaint dated {date_day}.",
        "Management interview; no election records could be provided.",
        "Interviews with union officials of {org_union} held off site.",
        "!Notice board photographs and the committee attendance list were reviewed.",
        "!Minutes of the last four committee meetings were reviewed.",
    ),
    "ohs": bank(
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
    "employment": bank(
        (),
        "Review of employment contracts for {count_of}.",
        "Records sighted: the labour supply agreement with {org_agency} and the worker list.",
        "Personnel files and social insurance records were reviewed.",
        "Interviews with {count_of} and with the HR manager.",
        "Production capacity analysis and purchase orders were compared.",
        "!Contracts and extension letters issued since {date_month} were sampled.",
        "!Review of the contractor's payroll for {date_month}.",
    ),
    "environment": bank(
        (),
        "Permit records reviewed.",
        "Observed during the site tour.",
        "Records sighted: permits, waste manifests and test reports.",
        "Management interview; no documents were provided.",
        "Review of the environmental register.",
        "!Site tour of the waste yard.",
        "!Document review in the EHS office.",
    ),
    "ethics": bank(
        (),
        "Management interview.",
        "Policy documents reviewed.",
        "Records sighted: production records and shipping documents.",
        "Observed during the audit.",
        "Document review.",
        "!Recorded in the audit log.",
        "!Interview with the general manager.",
    ),
    "management": bank(
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

# Good practices carry no indicators, even when they mention documents, fees or hours.
GOOD_PRACTICES: list[Phrase] = bank(
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
