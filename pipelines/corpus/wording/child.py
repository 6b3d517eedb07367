"""Wordings of child labour: below the minimum working age (CL01) and young workers in
hazardous, night or excessive work (CL02).

Policy: any work by a child below the legal minimum age is CL01 (weak age checks are CL01 only
when framed as that risk); young workers above the minimum age but under 18 doing night work,
overtime, hazardous tasks, or lacking registration and health checks are CL02 (+ OHS when the
hazard itself is a finding).
Data only; ages come from `{age_*}` slots.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

CL01: list[Phrase] = wordings(
    ("CL01",),
    held_out=("narrative", "legal"),
    plain=(
        "A {age_adj} worker was found working on the {dept} line.",
        "{count_small} below the minimum working age were employed; one of them was {age_pred}.",
        "Age verification was not effective: a worker {age_pred} had been hired using the "
        "{iddoc_sg} of an older relative.",
        "During the site tour auditors saw a child, {age_pred}, trimming threads in the "
        "{dept} area; management said she was visiting her mother.",
        "Personnel files showed that a {age_adj} had been hired in {date_month} and worked "
        "for {dur_contract} before the audit.",
        (
            "!The homeworkers engaged through the subcontractor included children, the "
            "youngest {age_pred}, who stitched footballs after school.",
            ("CL01", "EMP"),
        ),
        (
            "!Child labour was identified: a {age_adj} boy employed as a helper in the "
            "{dept} section, paid {money_small} per day.",
            ("CL01", "WAG"),
        ),
    ),
    narrative=(
        "When the audit team entered the {dept} section, several very young workers left "
        "through the back door. One girl who stayed said she was {age_pred} and had worked "
        "there since the school holidays.",
        "The personnel file of a packer held a school certificate showing that she was "
        "{age_pred} when she was hired; management had relied on a photocopied card that gave "
        "a different year of birth.",
        "Children of the harvest workers accompany their parents to the field and were seen "
        "picking and carrying baskets; the farm manager considers this 'helping the family'.",
    ),
    terse=(
        "Child approx. {age_pred} sorting buttons in {dept}.",
        "{count_small} under minimum age on payroll; ID checked.",
        "Worker hired w/ cousin's {iddoc_sg}; actual age {age_pred}.",
    ),
    worker_voice=(
        "A young worker told the auditor she was {age_pred} and that her aunt had brought her "
        "to the factory to help repay the family's debts.",
        "Workers said that children come in after school to cut threads and are paid per "
        "piece through their mothers.",
        "'The small ones hide in the toilet when visitors come,' a worker said.",
    ),
    legal=(
        "Contrary to {law}, which sets the minimum age for employment, a {age_adj} was "
        "employed as a helper.",
        "The code prohibits the employment of children below the legal minimum age. A child "
        "{age_pred} was working in the {dept} area.",
    ),
    scheme=(
        "Are there workers under the minimum working age? Yes: a worker {age_pred} was found "
        "on the production floor.",
        "Zero tolerance: child labour found; a {age_adj} was employed in the {dept} section.",
        "The business partner employs children below the minimum age for work.",
    ),
    multi=(
        (
            "A {age_adj} was working the night shift and was paid below the minimum wage.",
            ("CL01", "WAG"),
        ),
        (
            "Children, the youngest {age_pred}, work in the subcontracted home workshops that "
            "the site did not disclose.",
            ("CL01", "EMP"),
        ),
    ),
)

CL02: list[Phrase] = wordings(
    ("CL02",),
    held_out=("terse", "scheme"),
    plain=(
        "A {age_young_adj} worker was working night shifts in the {dept} section.",
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
        "Young workers ({count_small}) worked overtime and night shifts, contrary to {law}.",
        (
            "!A {age_young_adj} apprentice was operating a forklift without a licence.",
            ("CL02", "OHS"),
        ),
        (
            "!Young workers' hours were not limited: time cards of a worker {age_young_pred} "
            "showed {hours_week} in {date_month}.",
            ("CL02", "FL11", "HRS"),
        ),
    ),
    narrative=(
        "Student interns placed by a vocational school make up part of the assembly workforce. "
        "The youngest are {age_young_pred}, and the roster shows them on the night shift in "
        "the peak months.",
        "The young worker register lists {count_small}, but none of them has had the periodic "
        "medical examination the law requires, and their job descriptions do not exclude "
        "hazardous tasks.",
        "A {age_young_adj} was seen carrying loads up the stairs of the warehouse; the "
        "supervisor was not aware that weight limits apply to young workers.",
    ),
    terse=(
        "{^age_young_adj} on night shift in {dept}.",
        "Juvenile workers: no register, no medical check.",
        "Young workers doing OT until {curfew}.",
    ),
    worker_voice=(
        "A worker who said she was {age_young_pred} explained that she works the same overtime "
        "as adults because 'the leader does not ask our age'.",
        ("Young apprentices said they mix dyes in the {dept} room without masks.", ("CL02", "OHS")),
        "{count_small} who are still minors said they had never been told which tasks they are "
        "not allowed to do.",
    ),
    legal=(
        "Contrary to {law}, juvenile workers were employed at night.",
        "The code prohibits hazardous work for young workers. A worker {age_young_pred} was "
        "assigned to the boiler room.",
    ),
    scheme=(
        "Are young workers protected from hazardous work and night work? No: a worker "
        "{age_young_pred} worked night shifts.",
        "Noncompliance: juvenile workers perform overtime in breach of legal limits for young "
        "workers.",
        "The business partner does not keep a register of young workers or limit their tasks.",
    ),
    multi=(
        (
            "Young workers operate presses without guards and work night shifts.",
            ("CL02", "OHS"),
        ),
        (
            "A {age_young_adj} on the night shift was paid a trainee rate below the minimum wage.",
            ("CL02", "WAG"),
        ),
    ),
)
