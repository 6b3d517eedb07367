"""Wordings of harsh treatment: physical and sexual violence (FL05), intimidation and threats
(FL06).

Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

FL05: list[Phrase] = wordings(
    ("FL05",),
    held_out=("scheme", "terse"),
    plain=(
        "{count_of} reported that line supervisors in the {dept} section hit workers who made "
        "mistakes.",
        (
            "A female worker described unwanted touching by a supervisor; the complaint was "
            "dismissed without investigation and she was moved to a lower-paid job.",
            ("FL05", "DIS"),
        ),
        "Physical punishment was used: workers who failed to meet targets were made to stand "
        "in the sun, according to {count_small}.",
        "Security staff were seen pushing and slapping a worker at the gate during the audit.",
        "Interviews revealed sexual harassment of young female operators by a shift leader, "
        "who demanded favours in exchange for overtime allocation.",
        "!Corporal punishment of apprentices by the master tailor was described as 'normal "
        "discipline' by the production manager.",
        "!{count_small} showed auditors bruises they said were caused by a supervisor; the "
        "site has no anti-harassment procedure.",
    ),
    narrative=(
        "While reviewing the gate camera footage with the security manager, the auditor saw a "
        "guard push a worker against the wall during the exit bag check. The guard is still on "
        "duty and no incident report was written.",
        "Several women on the {dept} line described a mechanic who touches them when adjusting "
        "their machines and makes sexual remarks. They have not complained because the "
        "mechanic is the production manager's relative.",
        "The disciplinary records are clean, but interviews painted a different picture: night "
        "shift leaders strike workers on the back of the head when they fall asleep, and "
        "workers described this as routine.",
    ),
    terse=(
        "Guard pushed worker at gate (CCTV); no action vs guard.",
        "Line leader slaps operators missing target; {count_small} confirmed.",
        "Sexual remarks + touching by mechanic reported; no harassment committee.",
    ),
    worker_voice=(
        "'If the count is short he hits us with the ruler,' said a worker from the {dept} "
        "section; {count_of} gave similar accounts.",
        "Workers said a supervisor kicked a colleague who had sat down during the shift, and "
        "that they were afraid to report it.",
        "A worker told the auditor that the shift manager had grabbed her by the arm and "
        "dragged her back to the line when she tried to go to the toilet.",
    ),
    legal=(
        "Contrary to {law} and the code's ban on physical abuse, workers were struck by "
        "supervisors as a form of discipline.",
        "The code prohibits physical abuse and sexual harassment. Interviewed workers reported "
        "both, and the site had no procedure for handling such complaints.",
    ),
    scheme=(
        "Are workers subjected to physical or sexual violence? Yes: workers reported being "
        "slapped and pushed by supervisors.",
        "Noncompliance: the employer uses or tolerates corporal punishment; late workers are "
        "made to do squats in front of the line.",
        "The facility failed to protect workers from sexual harassment; a supervisor "
        "repeatedly made unwanted advances towards female operators.",
    ),
    multi=(
        (
            "Supervisors hit workers with rulers and threaten to dock a day's pay from anyone "
            "who reports it.",
            ("FL05", "FL06"),
        ),
        (
            "A guard slapped a worker who came back late to the dormitory, and residents are "
            "not allowed out after {curfew}.",
            ("FL05", "FL03"),
        ),
    ),
)

FL06: list[Phrase] = wordings(
    ("FL06",),
    held_out=("narrative", "legal"),
    plain=(
        "Workers were threatened with dismissal if they refused to work on Sundays.",
        "{count_of} said supervisors shout and use abusive language, and threaten to call the "
        "police when workers complain.",
        (
            "Management warned migrant workers that anyone who resigned before the end of the "
            "contract would be reported to the {org_gov} and lose the {fee_deposit}.",
            ("FL06", "FL09"),
        ),
        "Verbal abuse and humiliation were used as discipline; the names of 'lazy' workers "
        "were posted on the notice board with their photographs.",
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
        "!Intimidation of workers was observed: the supervisor remained within earshot during "
        "interviews and {count_small} later declined to continue.",
    ),
    narrative=(
        "Before the audit, workers were gathered in the canteen and told what to say about "
        "their hours. They were warned that anyone who gave different answers would lose their "
        "job, which several of them repeated to the auditor off site.",
        "The HR office keeps a list of workers who refused overtime or complained about pay. "
        "According to the workers, those on the list are denied bonuses and the list is shared "
        "with other factories in the industrial zone.",
        "Line leaders in the {dept} section routinely shout at workers, call them names and "
        "threaten to send them home without pay, and management treated this as normal "
        "production pressure.",
    ),
    terse=(
        "Supervisors swear at workers; threaten pay cuts for talking to auditors.",
        "'Blacklist' of workers who refused OT kept by HR.",
        "Workers coached pre-audit; told they would be fired for true answers.",
    ),
    worker_voice=(
        "'They say if we complain they will call immigration,' a worker said, and others nodded.",
        "{count_of} said the manager told them at the morning meeting that troublemakers "
        "would never work in the zone again.",
        "Workers reported that the supervisor threatens to hit them when the line falls "
        "behind, although none said they had actually been struck.",
    ),
    legal=(
        "Contrary to the code, which prohibits threats and intimidation, workers were told "
        "they would be dismissed if they did not sign the overtime consent form.",
        "The site breached {law}: workers who asked for their leave entitlement were "
        "threatened with transfer to the night shift.",
    ),
    scheme=(
        "Are workers subjected to threats, intimidation or verbal abuse? Yes: supervisors "
        "threaten dismissal and insult workers who fall behind.",
        "Noncompliance: the employer threatened workers with denunciation to the authorities.",
        "The business partner uses humiliating treatment (public shaming, insults) as a "
        "disciplinary measure.",
    ),
    multi=(
        (
            "Workers are threatened with dismissal when they refuse overtime and their total "
            "hours reach {hours_week}.",
            ("FL06", "FL11", "HRS"),
        ),
        (
            "The HR manager told workers that union members would lose their jobs, and "
            "{count_small} union members were dismissed in {date_month}.",
            ("FL06", "FOA"),
        ),
    ),
)
