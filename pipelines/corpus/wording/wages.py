"""Wordings of pay: withholding of wages (FL08) and wages and benefits (WAG).

Policy: late, held-back or unpaid-at-exit pay is FL08; it is FL08 + WAG only when an amount is
also short or never owed to the worker in full (benefits forfeited, pay below the minimum).
Deductions, premiums, minimum wage, social insurance and payslips are WAG.
Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

FL08: list[Phrase] = wordings(
    ("FL08",),
    held_out=("scheme", "worker_voice"),
    plain=(
        ("Wages for {date_month} were paid {dur_delay} late.", ("FL08", "WAG")),
        (
            "The factory withholds the first month's wage of new workers as a {fee_deposit}, "
            "refunded only after {dur_contract} of service.",
            ("FL08", "FL09"),
        ),
        "Payment of wages was delayed: wages were paid on the 25th of the following month "
        "instead of within the period required by {law}.",
        (
            "End-of-service benefits were not paid to {count_small} who resigned in "
            "{date_month}; management stated that resigning workers forfeit them.",
            ("FL08", "WAG"),
        ),
        "Overtime wages were held back as a 'loyalty bonus' payable only at the end of the "
        "year, totalling {money} per worker.",
        "!Salaries for {count} were withheld for {dur_delay} pending the completion of a "
        "delayed shipment for {org_brand}.",
        (
            "!Workers said their wages are deposited into bank accounts controlled by the "
            "supervisor, who hands out cash allowances instead.",
            ("FL08", "FL09"),
        ),
    ),
    narrative=(
        "Workers who resigned in {date_month} had still not received their final settlement "
        "{dur_short} after their last working day. The HR manager explained that settlements "
        "are paid only when a replacement has been trained.",
        "At the time of the audit the wages of the previous two months were outstanding. "
        "Management attributed the delay to late payment by the buyer and had not informed the "
        "workers when they would be paid.",
        "Piece-rate earnings above the daily target are recorded but not paid out monthly; "
        "they are accumulated and released at the annual holiday, and workers who leave before "
        "then lose them.",
    ),
    terse=(
        "Final settlement unpaid {dur_short} after resignation; legal limit shorter.",
        "Wages paid {dur_delay} after the legal pay date.",
        "Peak-season bonus and OT held until year end; forfeited if worker quits.",
    ),
    worker_voice=(
        "'We still wait for the money from before the holiday,' a worker said; {count_of} "
        "reported that their wages for {date_month} had not been paid.",
        "Workers who had resigned told the auditor by phone that they were told to come back "
        "for their last wages 'next month'.",
        "{count_of} said part of their wage is kept back every month and paid only if they "
        "stay until the end of the season.",
    ),
    legal=(
        "Contrary to {law}, the final wages of resigned workers were not paid within the "
        "legal deadline.",
        "The code requires wages to be paid regularly and in full when due. Wages for "
        "{date_month} were paid {dur_delay} after the due date.",
    ),
    scheme=(
        "Does the employer pay wages on time? No: wages were paid {dur_delay} after the date "
        "set by law.",
        "Noncompliance: the employer withholds part of workers' wages to prevent them from "
        "leaving before the end of the contract.",
        "Did the employer pay all wages owed to workers whose employment ended? No: the final "
        "pay of departing workers was delayed beyond the legal period.",
    ),
    multi=(
        (
            "Wages are paid {dur_delay} late and overtime is paid at the normal rate.",
            ("FL08", "WAG"),
        ),
        (
            "Wages of migrant workers are paid to the labour contractor, who keeps their {iddoc} "
            "and pays them only at the end of the season.",
            ("FL08", "FL07"),
        ),
    ),
)

WAG: list[Phrase] = wordings(
    ("WAG",),
    held_out=("terse", "multi"),
    plain=(
        "Overtime was paid at the normal hourly rate instead of the premium required by {law}.",
        "Wages of {count_of} were below the legal minimum of {money} per month in {date_month}.",
        "Piece-rate workers in the {dept} section did not earn the minimum wage during normal "
        "hours; the shortfall averaged {money_small} per month.",
        "Social insurance contributions were paid for only {pct} of the workforce.",
        "Unlawful deductions were made from wages: a {fee_ded} of {money_small} and fines "
        "for lateness.",
        "Payslips did not show the breakdown of overtime hours, deductions and allowances, "
        "so workers could not check their pay.",
        "Workers are charged for their work clothes and protective shoes through payroll "
        "deductions.",
        "Tools damaged during work are paid for by the worker out of the next wage.",
        "!Annual leave was not paid when workers resigned; {count_small} lost their unused "
        "leave pay in {date_month}.",
        "!Apprentices were paid a training allowance of {money} for {dur_contract}, below the "
        "minimum wage applicable to their grade.",
    ),
    narrative=(
        "New workers pay for their own uniforms and safety shoes: the cost is taken from the "
        "first wage payment, although the law requires the employer to provide protective "
        "equipment free of charge.",
        "The payroll sample showed that night-shift allowances were paid to permanent staff but "
        "not to workers hired through the agency, who work the same shifts on the same lines.",
        "Comparison of time records and payslips showed that hours worked on public holidays "
        "were paid at the ordinary rate, and that the attendance bonus was cancelled for any "
        "day of sick leave.",
    ),
    terse=(
        "Uniform + safety shoe cost deducted from first pay.",
        "OT flat rate, no premium; {count_of} affected.",
        "Min wage not met for piece-rate workers in {date_month}.",
    ),
    worker_voice=(
        "'They take money for the shoes and for the canteen even if we don't eat there,' a "
        "worker said; payslips confirmed a {fee_ded}.",
        "{count_of} said they do not know how their overtime is calculated and have never "
        "received a payslip.",
        "Workers said maternity pay was not paid and that women on leave received nothing from "
        "the company.",
    ),
    legal=(
        "Contrary to {law}, paid annual leave was not granted to workers with more than a "
        "year of service.",
        "The code requires that wages meet at least the legal minimum. Trainees were paid "
        "{money} a month, below the applicable minimum.",
        "Social security registration required by {law} was not done for contract workers.",
    ),
    scheme=(
        "Did the employer pay the correct overtime premium? No: overtime on rest days was "
        "paid at the weekday rate.",
        "Noncompliance: the facility makes deductions from wages as a disciplinary measure.",
        "The business partner does not pay the legally required bonus (13th month) to workers.",
    ),
    multi=(
        (
            "Overtime premiums were underpaid and hours reached {hours_week_mod} in {date_month}.",
            ("WAG", "HRS"),
        ),
        (
            "Contract workers receive no payslips, no social insurance and no written contract.",
            ("WAG", "EMP"),
        ),
        (
            "Women in the {dept} section earn less than men for the same work, and overtime is "
            "paid without the legal premium.",
            ("WAG", "DIS"),
        ),
    ),
)
