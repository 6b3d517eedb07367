"""Observations: risks and weaknesses rather than breaches (SMETA observations, RBA risk of
nonconformance, FLA uncorroborated evidence, BSCI partial answers), with the codes of the risk
they describe, and observations that mention a topic without any risk (hard negatives).

Data only; entity-like words come from `{slots}`. A leading `!` holds a phrase out.
"""

from __future__ import annotations

from .phrase import Phrase, decoys, mixed

_RISKS: list[Phrase] = mixed(
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
    ("The worker committee exists but {count_of} were not aware of it.", ("FOA",)),
    ("First aid boxes in the {dept} section were incomplete on the day of the audit.", ("OHS",)),
    (
        "The site uses {org_agency} for migrant recruitment but has not verified the fees the "
        "agency charges workers.",
        ("FL09",),
    ),
    (
        "Age verification relies on copies of {iddoc} only; no interview or other check is "
        "documented.",
        ("CL01",),
    ),
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
        "!Wage slips are issued in the local language only; {nat} workers rely on colleagues "
        "to translate them.",
        ("WAG",),
    ),
    style="observation",
)

# One block per code: risk wordings; `!` marks the held-out ones (about a third).
_BY_CODE: list[Phrase] = mixed(
    # FL01
    (
        "Workers hired from the same remote district depend on the labour contractor for "
        "housing and transport; there is a risk that this dependence is exploited.",
        ("FL01",),
    ),
    (
        "Risk of nonconformance: pay acknowledgement forms are signed by workers who cannot "
        "read them, and nobody explains the amounts.",
        ("FL01",),
    ),
    (
        "!Several workers appeared to have no valid residence status; management said it "
        "relies on the agency to check, which leaves them open to exploitation.",
        ("FL01",),
    ),
    # FL02
    (
        "Job offers are explained verbally by agents abroad; the site has no means of "
        "checking what workers were promised.",
        ("FL02",),
    ),
    (
        "Contracts are available only in the national language; workers from other regions "
        "may not understand their terms.",
        ("FL02",),
    ),
    (
        "!Uncorroborated: some workers said the wage quoted by the recruiter was higher than "
        "the wage paid; this could not be verified from documents.",
        ("FL02",),
    ),
    # FL03
    (
        "The dormitory has a curfew at {curfew}; it is not enforced by locks, but residents "
        "said they feel they must ask permission to go out.",
        ("FL03",),
    ),
    (
        "Gate passes are issued for leaving during working hours; the procedure is not "
        "written down and could be used to restrict workers.",
        ("FL03",),
    ),
    (
        "!Resident workers sign out at the guard house; the book is reviewed by HR, which "
        "workers see as monitoring of their movements.",
        ("FL03",),
    ),
    # FL04
    (
        "Phones are not allowed on the production floor and are kept in lockers; workers "
        "have no means of being reached by family during the shift.",
        ("FL04",),
    ),
    (
        "The site is far from town and the company bus runs only at shift changes, which "
        "limits workers' contact with the outside.",
        ("FL04",),
    ),
    (
        "!Migrant workers live on the premises and rarely leave; there is no outside "
        "helpline they know of.",
        ("FL04",),
    ),
    # FL05
    (
        "Uncorroborated evidence: {count_small} mentioned that a supervisor had pushed a "
        "worker; management denied it and no other evidence was found.",
        ("FL05",),
    ),
    (
        "There is no policy or training on sexual harassment, and female workers were "
        "hesitant when asked about their supervisors.",
        ("FL05",),
    ),
    (
        "!The security team carries batons during gate checks, and workers said they are "
        "afraid of the guards.",
        ("FL05",),
    ),
    # FL06
    (
        "Supervisors raise their voices at workers on the line; no abuse was reported, but "
        "there is no policy on respectful treatment.",
        ("FL06",),
    ),
    (
        "Workers seemed reluctant to speak during interviews and some asked whether "
        "management would see their answers.",
        ("FL06",),
    ),
    (
        "!The disciplinary policy lists dismissal as the sanction for 'speaking badly of the "
        "company', which may deter complaints.",
        ("FL06",),
    ),
    # FL07
    (
        "Workers may leave their {iddoc} in the HR safe; the arrangement is voluntary, but "
        "there is no signed consent and no log of access.",
        ("FL07",),
    ),
    (
        "The agency keeps migrant workers' {iddoc} during visa renewal, which can take "
        "several weeks; workers have no copy meanwhile.",
        ("FL07",),
    ),
    (
        "!Original certificates are collected at hiring for verification and returned "
        "'later'; no return dates are recorded.",
        ("FL07",),
    ),
    # FL08
    (
        "Wages are paid in cash at the end of the month, sometimes a few days late when the "
        "buyer pays late; no delay beyond the legal period was found in the sample.",
        ("FL08",),
    ),
    (
        "Final settlements are calculated manually and some resigned workers had to come "
        "back several times to collect them.",
        ("FL08",),
    ),
    (
        "!Part of the annual bonus is paid only to workers still employed at year end, which "
        "could be used to keep workers from leaving.",
        ("FL08",),
    ),
    # FL09
    (
        "Migrant workers are recruited through sub-agents abroad; the site has not asked "
        "what workers paid them.",
        ("FL09",),
    ),
    (
        "The site lends money to workers in emergencies; repayment terms are not written down.",
        ("FL09",),
    ),
    (
        "!Workers reimburse the cost of their medical check-up, although the amount is small "
        "and is refunded after probation.",
        ("FL09",),
    ),
    # FL10
    (
        "The dormitory is clean but crowded, and the number of showers is at the minimum required.",
        ("FL10",),
    ),
    (
        "Drinking water points on the {floor} are far from the lines, and workers said they "
        "drink little during the shift.",
        ("FL10",),
    ),
    (
        "!Workers who are ill must obtain the supervisor's permission before visiting the "
        "clinic, which some said they avoid asking for.",
        ("FL10",),
    ),
    # FL11
    (
        "Peak-season hours came close to the legal maximum and rest days were skipped in "
        "some weeks; there is a risk of excessive overtime if orders increase.",
        ("FL11", "HRS"),
    ),
    (
        "Overtime is described as voluntary, but workers who decline it are not offered "
        "overtime later, which puts pressure on them to accept.",
        ("FL11", "HRS"),
    ),
    (
        "!Uncorroborated: some workers said they worked Sundays in {date_month}, which the "
        "time records do not show.",
        ("FL11", "HRS"),
    ),
    # CL01
    (
        "{count_small} looked younger than the age in their files; the site does not check "
        "the authenticity of age documents.",
        ("CL01",),
    ),
    (
        "Workers' children stay in the production area after school while their parents work.",
        ("CL01",),
    ),
    ("!The subcontracted home workers are not monitored for child labour.", ("CL01",)),
    # CL02
    (
        "Young workers are employed, but the site has no register of them and no list of "
        "tasks they must not do.",
        ("CL02",),
    ),
    (
        "The roster does not mark young workers, so they could be scheduled for night shifts.",
        ("CL02",),
    ),
    (
        "!Interns from the vocational school are not covered by the young worker procedure.",
        ("CL02",),
    ),
    # DIS
    (
        "The medical check at hiring includes questions on marital status and pregnancy plans.",
        ("DIS",),
    ),
    (
        "All supervisors are men although most workers are women; the site has no equal "
        "opportunities policy.",
        ("DIS",),
    ),
    (
        "!Job advertisements state a preferred age range for operators.",
        ("DIS",),
    ),
    # FOA
    (
        "Worker representatives were elected, but the election notice was posted only a "
        "day before the vote.",
        ("FOA",),
    ),
    (
        "The site has no policy on freedom of association, and workers were unsure whether "
        "they may join a union.",
        ("FOA",),
    ),
    (
        "!Committee meetings are held in the HR manager's office with managers present.",
        ("FOA",),
    ),
    # OHS
    (
        "Evacuation maps on the {floor} do not show the current layout after the lines were moved.",
        ("OHS",),
    ),
    (
        "Some workers in the {dept} section were not wearing the masks provided.",
        ("OHS",),
    ),
    ("!The eyewash station near the chemical store had low water pressure.", ("OHS",)),
    # WAG
    (
        "Payslips do not show how the attendance bonus is calculated.",
        ("WAG",),
    ),
    (
        "Wages meet the legal minimum but are well below local living-wage estimates.",
        ("WAG",),
    ),
    (
        "!Overtime premium for night work is paid, but the rate is not stated on payslips.",
        ("WAG",),
    ),
    # HRS
    (
        "The time recording system allows supervisors to edit punch times without a log.",
        ("HRS",),
    ),
    (
        "Overtime consent forms are signed once a year for the whole year in advance.",
        ("HRS",),
    ),
    (
        "!Rest breaks are recorded as taken automatically, whatever the worker did.",
        ("HRS",),
    ),
    # EMP
    (
        "The share of temporary workers has grown; several have been on fixed-term contracts "
        "for over a year.",
        ("EMP",),
    ),
    (
        "The site's list of subcontractors is incomplete; the printing workshop is not on it.",
        ("EMP",),
    ),
    (
        "!Agency workers receive their contracts from the agency only after starting work.",
        ("EMP",),
    ),
    style="observation",
)

# Observations that mention a topic's words without any risk of that violation.
_NO_RISK: list[Phrase] = [
    *decoys(
        ("FL07",),
        "Workers keep their {iddoc} themselves but the site has no written policy on "
        "document retention.",
        "All workers hold their own {iddoc}; lockers are provided in the dormitory.",
        "!{^iddoc} are kept by the workers; HR holds certified copies only.",
        style="observation",
    ),
    *decoys(
        ("FL09",),
        "No fees are charged to workers; the employer pays the agency directly, as shown by "
        "invoices from {org_agency}.",
        "!Workers confirmed that the {fee_recruit} was paid by the employer.",
        style="observation",
    ),
    *decoys(
        ("FL08",),
        "Wages are paid on time by bank transfer; the payroll sample of {count_of} was correct.",
        "!Final settlements for workers who resigned in {date_month} were paid within the "
        "legal period.",
        style="observation",
    ),
    *decoys(
        ("FL03", "FL04"),
        "Residents may come and go freely; the dormitory has no curfew and visitors are allowed.",
        style="observation",
    ),
    *decoys(
        ("CL01", "CL02"),
        "No young workers are employed; the youngest worker on the payroll is an adult and "
        "age documents were on file for all sampled workers.",
        style="observation",
    ),
    *decoys(
        ("FL11", "HRS"),
        "!Working hours and rest days were within legal limits in all sampled months.",
        style="observation",
    ),
    *mixed(
        (
            "The grievance mechanism has been used twice in the last year; workers prefer to "
            "speak to supervisors directly.",
            (),
        ),
        ("The site has not yet set targets for reducing water use.", ()),
        style="observation",
    ),
]

OBSERVATIONS: list[Phrase] = [*_RISKS, *_BY_CODE, *_NO_RISK]
