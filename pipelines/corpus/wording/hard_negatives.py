"""Hard negatives: findings that use a labour indicator's words without reporting it.

Some report another issue ("workers keep their own documents, but the dormitory has no
extinguishers" is OHS, not FL07); some report nothing that maps to an indicator (a records or
policy gap, or a check that found the practice in order). `IN_BANK` places each under the
issue whose codes it carries (MGT when it carries none); `OBSERVED` are observations.
Data only; entity-like words come from `{slots}`. A leading `!` holds a phrase out.
"""

from __future__ import annotations

from .phrase import Phrase, decoys

IN_BANK: dict[str, list[Phrase]] = {
    "OHS": [
        *decoys(
            ("FL07",),
            (
                "Workers keep their own {iddoc}, but the dormitory has no fire extinguishers.",
                ("OHS",),
            ),
            (
                "!Document lockers in the hostel are provided, and workers hold the keys; the "
                "hostel corridor, however, had no emergency lighting.",
                ("OHS",),
            ),
        ),
        *decoys(
            ("FL03",),
            (
                "Dormitory doors are not locked at night and residents come and go freely; the "
                "fire alarm on the {floor} was not working.",
                ("OHS",),
            ),
        ),
        *decoys(
            ("CL02",),
            (
                "No young workers are employed; the chemical store had no spill kit and no "
                "eyewash station.",
                ("OHS",),
            ),
        ),
    ],
    "WAG": [
        *decoys(
            ("FL09",),
            (
                "No fees are charged to workers, but payslips do not show overtime hours and "
                "deductions.",
                ("WAG",),
            ),
            (
                "!The employer paid all recruitment costs; however, the night allowance was left "
                "out of the overtime calculation.",
                ("WAG",),
            ),
        ),
        *decoys(
            ("FL08",),
            (
                "Wages are paid on time, but the overtime premium is calculated on the basic "
                "wage only.",
                ("WAG",),
            ),
            (
                "Final wages of resigned workers were paid within the legal period; their "
                "unused annual leave was not included.",
                ("WAG",),
            ),
        ),
        *decoys(
            ("DIS",),
            (
                "Men and women are paid the same rates; the attendance bonus is cancelled for a "
                "single day of sick leave.",
                ("WAG",),
            ),
        ),
    ],
    "HRS": [
        *decoys(
            ("FL11",),
            (
                "Overtime was voluntary and total hours stayed below {hours_legal}, but time "
                "records for the {dept} section were completed by the supervisor.",
                ("HRS",),
            ),
            (
                "!Workers had a weekly rest day throughout the sample; meal breaks, however, "
                "were cut short on busy days.",
                ("HRS",),
            ),
        ),
    ],
    "EMP": [
        *decoys(
            ("FL02",),
            (
                "Job offers matched the contracts and wages paid; contracts of agency workers "
                "were renewed every {dur_contract} for over two years.",
                ("EMP",),
            ),
        ),
        *decoys(
            ("FL07",),
            (
                "The site keeps certified copies of {iddoc} in personnel files as the law "
                "requires; workers hired through {org_agency} had no written contract.",
                ("EMP",),
            ),
        ),
    ],
    "FOA": [
        *decoys(
            ("FL06",),
            (
                "Workers said supervisors are respectful and do not shout; the worker committee, "
                "however, was appointed by management.",
                ("FOA",),
            ),
        ),
    ],
    "MGT": [
        *decoys(
            ("FL07",),
            "{^iddoc} are kept by the workers themselves; personnel files hold photocopies that "
            "are not dated.",
            "No original {iddoc} are held by the site or the agency; the document policy has not "
            "been translated.",
            "Workers hold their own {iddoc}; the HR file copies were not signed by the workers.",
            "The document custody form exists, but no worker has asked the site to keep "
            "anything; workers hold their own {iddoc}.",
            "!Workers keep their original {iddoc}; the site could not show when the copies on "
            "file were last checked.",
        ),
        *decoys(
            ("FL09",),
            "No worker interviewed had paid any fee or deposit to get the job; the agency "
            "agreement is not signed by the site.",
            "No {fee_recruit} is charged to workers: the employer pays {org_agency} "
            "directly. The agency's licence copy on file has expired.",
            "Workers did not pay the {fee_recruit}; it was paid by the employer. The "
            "recruitment procedure does not say how agencies are selected.",
            "The site gives no loans or advances to workers; the welfare fund rules are not "
            "written down.",
            "Workers confirmed they paid nothing for their jobs; the agency contract does not "
            "say who pays the visa costs.",
            "The site has a zero-fee policy and the workers interviewed paid no fees; the "
            "policy has not been shared with the sub-agents.",
            "!The employer pays the agency directly for every recruit; invoices were seen, but "
            "the recruitment procedure is not written down.",
        ),
        *decoys(
            ("FL08",),
            "Final settlements were paid on the last working day for all leavers sampled; the "
            "resignation form is not dated.",
            "Wages are paid on time by bank transfer; the payroll procedure is not written down.",
            "!All sampled workers were paid on the legal pay date; the wage register was not "
            "signed by the payroll officer.",
        ),
        *decoys(
            ("FL05", "FL06"),
            "No cases of harassment or abuse were reported; the anti-harassment policy has not "
            "been translated into the workers' language.",
            "!Workers described supervisors as fair; the disciplinary procedure does not "
            "describe how appeals are heard.",
        ),
        *decoys(
            ("FL03", "FL04"),
            "Residents may leave the hostel at any time and keep their phones; the hostel rules "
            "are not posted.",
        ),
        *decoys(
            ("CL01", "CL02"),
            "The youngest worker is an adult and age records were complete; the young worker "
            "procedure has not been approved by management.",
            "!Age documents were on file for all sampled workers; the site does not keep a "
            "record of the checks made.",
        ),
        *decoys(
            ("FL11", "HRS"),
            "Working hours were within legal limits and overtime was voluntary; the overtime "
            "policy has not been reviewed since {date_month}.",
        ),
        *decoys(
            ("DIS",),
            "Recruitment records show no questions on marital status or pregnancy; the equal "
            "opportunities policy is not dated or signed.",
        ),
        *decoys(
            ("FOA",),
            "Worker representatives were elected by secret ballot; the election records were "
            "not kept with the committee minutes.",
        ),
    ],
}

OBSERVED: list[Phrase] = [
    *decoys(
        ("FL07",),
        "Workers hold their own {iddoc}; a safe is available if they want to store them, with "
        "a signed receipt.",
        "!Copies of {iddoc} in personnel files were not certified, although the originals "
        "remain with the workers.",
        style="observation",
    ),
    *decoys(
        ("FL09",),
        "Workers recruited through {org_agency} said they paid nothing; the site keeps the "
        "agency's invoices as evidence.",
        "!Recruitment costs are paid by the employer, and the workers interviewed confirmed it.",
        style="observation",
    ),
    *decoys(
        ("FL08",),
        "Wages and overtime were paid in full and on time for the sampled months.",
        style="observation",
    ),
    *decoys(
        ("FL05", "FL06"),
        "Workers interviewed said they are treated with respect and know how to report "
        "abuse; no cases were found.",
        style="observation",
    ),
    *decoys(
        ("FL11", "HRS"),
        "Overtime is voluntary; workers sign a consent form each week and some decline it "
        "without any consequence.",
        style="observation",
    ),
    *decoys(
        ("FL10",),
        "The dormitory is clean, rooms are shared by four, and there is hot water and a "
        "kitchen on each floor.",
        style="observation",
    ),
]
