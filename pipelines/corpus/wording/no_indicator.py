"""Wordings that carry no ILO indicator: environment (ENV), business ethics (ETH) and management
systems (MGT), including records and policy findings that use the vocabulary of a labour
indicator without reporting that violation (hard negatives).

Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, decoys, wordings

ENV: list[Phrase] = wordings(
    (),
    held_out=("terse",),
    plain=(
        "The site's environmental permit expired in {date_month} and has not been renewed.",
        "Wastewater from the {dept} section is discharged without treatment.",
        "Hazardous waste was stored in open drums without secondary containment.",
        "No records of energy and water consumption were kept.",
        "The site could not present an air emission test report for the boiler stack.",
        "!The contract with the licensed waste collector had lapsed in {date_month}.",
        "!Chemical waste was mixed with general waste in the {dept} yard.",
    ),
    narrative=(
        "The effluent treatment plant was not running during the audit; the operator said it "
        "is switched on when inspectors are expected, and the flow meter readings were flat.",
        "The site has no inventory of the chemicals it discharges and has never measured the "
        "quality of the water leaving the premises.",
    ),
    terse=(
        "No environmental permit on file.",
        "ETP off during audit; discharge to canal.",
        "No waste manifests for sludge.",
    ),
    legal=(
        "Contrary to {law}, the site had not submitted its annual environmental report.",
        "The environmental impact assessment required for the new dyeing unit was not done.",
    ),
)

ETH: list[Phrase] = wordings(
    (),
    held_out=("terse",),
    plain=(
        "The site has no anti-bribery or business ethics policy.",
        "Management offered gifts to the audit team; the offer was declined and recorded.",
        "Records presented during the audit were found to be inconsistent with one another.",
        "There is no whistle-blowing channel for reporting unethical business practices.",
        "Customer data protection procedures were not defined.",
        "!Management could not explain a second set of production records seen in the office.",
        "!The conflict of interest declaration for purchasing staff was not implemented.",
    ),
    narrative=(
        "An envelope containing cash was left on the auditor's table at lunch; it was "
        "returned and the incident reported to the audit firm.",
        "The purchasing manager's relative owns the main packaging supplier, and no "
        "conflict-of-interest declaration is on file.",
    ),
    terse=(
        "Gift offered to auditors; declined.",
        "No anti-corruption policy.",
        "Shipping docs and production records do not match.",
    ),
)

MGT: list[Phrase] = [
    *wordings(
        (),
        held_out=("terse",),
        plain=(
            "There is no written procedure for handling worker grievances.",
            "The site has not carried out a risk assessment of its labour practices in the "
            "last year.",
            "Management has not appointed a person responsible for social compliance.",
            "The code of conduct is not displayed in the local language.",
            "Suppliers and subcontractors have not been informed of the code of conduct.",
            "No internal audit of the social management system has been conducted.",
            "!Training records on the code of conduct were not available for new workers.",
            "!The policy on responsible recruitment was drafted but never approved or "
            "communicated.",
        ),
        narrative=(
            "The site's social compliance manual was copied from another company and refers "
            "to departments that do not exist here; nobody on site is responsible for "
            "keeping it up to date.",
            "Corrective actions from the previous audit were recorded as closed, but no "
            "evidence of the changes could be shown for most of them.",
        ),
        terse=(
            "No management review of social compliance in last year.",
            "Grievance box not opened since installed.",
            "No written policy on labour standards.",
        ),
    ),
    # Records and policy gaps worded with a labour indicator's vocabulary.
    *decoys(
        ("FL07",),
        "Copies of {iddoc} in personnel files were not certified or dated.",
        "The register of {iddoc} copies kept by HR was not updated for workers hired since "
        "{date_month}.",
        "!The site has no written procedure on how copies of workers' {iddoc} are stored and "
        "who may see them.",
    ),
    *decoys(
        ("FL09",),
        "The recruitment policy does not state that the employer pays all recruitment costs, "
        "although interviewed workers confirmed they paid nothing.",
        "!Service agreements with {org_agency} do not include a clause on recruitment ethics; "
        "workers confirmed they paid no fees.",
    ),
    *decoys(
        ("FL08", "WAG"),
        "Payroll records are kept in a spreadsheet without access control or backup.",
        "!Wage records for {date_month} were signed by the payroll clerk but not approved by "
        "the finance manager.",
    ),
    *decoys(
        ("CL01", "CL02"),
        "The age verification procedure is not written down, although personnel files held "
        "copies of age documents for all sampled workers.",
        "!The young worker policy refers to a law that has since been replaced.",
    ),
    *decoys(
        ("FL11", "HRS"),
        "The overtime approval form does not have a field for the worker's signature; hours "
        "themselves were within legal limits.",
    ),
]
