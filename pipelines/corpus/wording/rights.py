"""Wordings of fundamental rights at work: discrimination (DIS) and freedom of association and
collective bargaining (FOA), and of regular employment (EMP).

Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

DIS: list[Phrase] = wordings(
    ("DIS",),
    held_out=("worker_voice", "multi"),
    plain=(
        "Female job applicants were required to take a pregnancy test before hiring.",
        "Job advertisements posted at the gate specified 'male only, under 30' for machine "
        "operator vacancies.",
        (
            "{nat} workers were paid {money_small} less per day than local workers for the "
            "same job grade.",
            ("DIS", "WAG"),
        ),
        "Workers who became pregnant were dismissed; {count_small} such terminations were "
        "recorded since {date_month}.",
        "HIV testing was part of the pre-employment medical examination and results were "
        "kept in personnel files.",
        "!Promotion to supervisor was restricted to men; none of the line leaders were "
        "women although {pct} of the workforce is female.",
        "!Workers were asked about their religion and marital status in the job application "
        "form, and married women were not hired for the {dept} section.",
    ),
    narrative=(
        "The medical examination at hiring includes a urine test that the clinic confirmed is "
        "a pregnancy test. Applicants who test positive are told there is no vacancy.",
        "Review of termination letters showed that several women were let go soon after they "
        "informed their supervisor of a pregnancy; the letters cite poor performance, but "
        "their appraisals were good.",
        "The recruitment officer explained that the site prefers young unmarried women for the "
        "sewing lines because they 'do not take leave for children'.",
    ),
    terse=(
        "Pregnancy test in pre-employment medical.",
        "Job ads: 'female, unmarried' for sewing operators.",
        "HIV test at hiring; positive applicants rejected.",
    ),
    worker_voice=(
        "'When my pregnancy showed they told me not to come back,' a former worker said; "
        "{count_small} gave similar accounts.",
        "Workers from the minority community said they are never offered the better-paid "
        "machine jobs, which go to workers from the owner's home region.",
        "{count_of} said the supervisor asks women whether they plan to marry before renewing "
        "their contracts.",
    ),
    legal=(
        "Contrary to {law}, which prohibits discrimination on the basis of sex, pregnant "
        "workers were transferred to lower-paid jobs.",
        "The code prohibits discrimination in hiring. The site requires applicants to state "
        "their caste and religion.",
    ),
    scheme=(
        "Does the employer discriminate in hiring, pay or dismissal (gender, pregnancy, "
        "ethnicity, religion, HIV status)? Yes: pregnancy testing at recruitment.",
        "Noncompliance: the facility terminated workers because of pregnancy.",
        "The business partner applies different wage rates to men and women doing the same work.",
    ),
    multi=(
        (
            "Pregnant workers are dismissed and their maternity benefits are not paid.",
            ("DIS", "WAG"),
        ),
        (
            "Women are excluded from promotion and a supervisor makes sexual advances towards "
            "female operators.",
            ("DIS", "FL05"),
        ),
    ),
)

FOA: list[Phrase] = wordings(
    ("FOA",),
    held_out=("terse", "legal"),
    plain=(
        "The worker representatives were appointed by management rather than elected by workers.",
        "{count_small} who took part in forming a branch of {org_union} were dismissed in "
        "{date_month}.",
        "There is no worker committee or other means for workers to bargain collectively, "
        "and management stated that unions are 'not needed here'.",
        "The collective bargaining agreement with {org_union} expired in {date_month} and "
        "management refused to meet the union to negotiate a new one.",
        "Minutes of the welfare committee showed that meetings were chaired by the HR "
        "manager and no worker issues were recorded for {dur_contract}.",
        (
            "!Union notices were removed from the notice board and the union secretary was "
            "transferred to the night shift after the last wage dispute.",
            ("FOA", "FL06"),
        ),
        "!Workers said they are asked to sign a statement on joining that they will not take "
        "part in any strike.",
    ),
    narrative=(
        "Shortly after the union applied for registration, its president and secretary were "
        "dismissed for 'misconduct'. The audit found no disciplinary record for either of them "
        "before the application.",
        "The workers' council is made up of supervisors nominated by the general manager. "
        "Workers interviewed did not know it existed and had never been asked to vote.",
        "Management meets only the committee it set up and has declined the registered union's "
        "written requests for negotiation.",
    ),
    terse=(
        "Worker reps appointed by HR; no election.",
        "Union founders dismissed within a week of registration.",
        "CBA expired; mgmt refuses to negotiate.",
    ),
    worker_voice=(
        "'Everyone knows that if you talk about the union you are out,' a worker said.",
        "{count_of} said they had been asked by their supervisor whether they had attended a "
        "union meeting outside the factory.",
        "Workers said the committee members were chosen by the manager and only discuss "
        "canteen menus.",
    ),
    legal=(
        "Contrary to {law}, the employer interfered in the election of worker representatives.",
        "The code requires the employer to respect the right to join unions and bargain "
        "collectively. The site dismissed workers who joined {org_union}.",
    ),
    scheme=(
        "Does the employer interfere with workers' right to organise? Yes: union members were "
        "dismissed or transferred.",
        "Noncompliance: the facility does not allow workers to elect their own representatives.",
        "The business partner refuses to recognise the union chosen by workers.",
    ),
    multi=(
        (
            "Union members were moved to the night shift and lost their overtime, and the "
            "collective agreement's wage increase was not applied.",
            ("FOA", "WAG"),
        ),
        (
            "Workers who signed a petition about overtime were threatened with dismissal and "
            "the petition organisers were transferred.",
            ("FOA", "FL06"),
        ),
    ),
)

EMP: list[Phrase] = wordings(
    ("EMP",),
    held_out=("scheme", "narrative"),
    plain=(
        "{count} were employed on consecutive short-term contracts of {dur_contract} for more "
        "than two years, which avoids the obligations of permanent employment.",
        "Workers supplied by {org_agency} had no written contract with either the agency or "
        "the site.",
        "The probation period of {dur_contract} exceeds the maximum allowed under {law}.",
        "Unauthorised subcontracting was identified: embroidery for {org_brand} orders was "
        "sent to a home-based unit not disclosed to the client.",
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
        "!Apprenticeship schemes were used as a source of cheap labour: 'trainees' made up "
        "{pct} of the workforce and were kept in trainee status for {dur_contract}.",
    ),
    narrative=(
        "Most of the {dept} workforce is supplied by a labour contractor on a rolling basis. "
        "Some of these workers have been at the site for years, doing core production work, "
        "but remain employees of the contractor with no path to a direct contract.",
        "Contracts are ended just before the legal qualifying period for permanent status and "
        "the same workers are re-hired after a short break, which resets their seniority.",
        "The printing of panels is subcontracted to a workshop that the audit team was not "
        "told about; its address was found on delivery notes in the warehouse.",
    ),
    terse=(
        "Rolling {dur_contract} contracts for years; agency staff {pct} of workforce.",
        "No written contracts for casual loaders.",
        "Undisclosed subcontractor (printing) found via delivery notes.",
    ),
    worker_voice=(
        "'Every few months we sign again,' a contract worker said; {count_of} had signed "
        "several consecutive contracts.",
        "Workers said they were never given a contract and do not know who their employer is, "
        "the agency or the factory.",
        "{count_of} said they were dismissed without notice when orders fell and were not told "
        "why.",
    ),
    legal=(
        "Contrary to {law}, fixed-term contracts were renewed repeatedly for permanent work.",
        "The code requires regular employment to be the norm. Agency workers make up {pct} of "
        "the workforce in permanent roles.",
    ),
    scheme=(
        "Does the employer use short-term contracts to avoid its obligations to workers? Yes: "
        "contracts of {dur_contract} are renewed continuously.",
        "Noncompliance: the facility did not give workers a written employment contract.",
        "The business partner uses unauthorised subcontractors for production without the "
        "buyer's approval.",
    ),
    multi=(
        (
            "Agency workers have no written contract and receive no overtime premium.",
            ("EMP", "WAG"),
        ),
        (
            "Workers dismissed without notice were not paid their final wages for {dur_short}.",
            ("EMP", "FL08"),
        ),
    ),
)
