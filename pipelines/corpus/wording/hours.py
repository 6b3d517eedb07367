"""Wordings of working time: excessive overtime (FL11) and working hours (HRS).

Policy: hours above the legal limit *and* extreme (very long weeks, no rest day for about two
weeks or more, overtime that cannot be refused) are FL11 + HRS; moderate excess, missing or
false records, short breaks and missing consent are HRS only.
Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

FL11: list[Phrase] = wordings(
    ("FL11", "HRS"),
    held_out=("scheme", "multi"),
    plain=(
        "Working hours exceeded the legal limit: time records showed workers in the {dept} "
        "section working up to {hours_week} in {date_month}.",
        "{count_of} worked {dur_rest} without a rest day during the peak season.",
        "Overtime was not voluntary: production targets could not be met within normal hours "
        "and workers said they were required to stay until {curfew}.",
        "Total weekly hours reached {hours_week}, well above the limit of {hours_legal} set by "
        "{law}.",
        "Workers on the {dept} line worked {hours_day} for {dur_rest} without a break.",
        "!Monthly overtime reached {hours_ot} in {date_month}; the second set of time cards "
        "kept by the line supervisor showed longer hours than the official records.",
        "!The factory operated a single 7-day roster in the peak months and {count} had no "
        "day off for {dur_rest}.",
    ),
    narrative=(
        "During the loading weeks before shipment, the packing team worked {hours_day} every "
        "day including Sundays. The production manager said this was unavoidable because the "
        "buyer had brought the delivery date forward.",
        "The official time records show a regular week, but the gate log and the production "
        "reports tell another story: workers were on site for up to {hours_week}, and the "
        "extra hours were paid in cash off the payroll.",
        "Workers who refuse Sunday work lose their attendance bonus for the whole month, so in "
        "practice nobody refuses; the sample showed {count_of} with no rest day for "
        "{dur_rest}.",
    ),
    terse=(
        "Up to {hours_week} per worker in {date_month}; no rest day for {dur_rest}.",
        "OT compulsory; refusal = loss of attendance bonus.",
        "Double time records; real hours {hours_week}.",
    ),
    worker_voice=(
        "'In the busy season we work every day until late, there is no Sunday,' a worker said; "
        "time cards showed {hours_week}.",
        "{count_of} said they cannot refuse overtime because the supervisor marks refusers as "
        "absent.",
        "Workers said they often sleep at the factory during peak weeks because shifts end "
        "after midnight and start again early.",
    ),
    legal=(
        "Contrary to {law}, workers worked more than {hours_legal} in a week, reaching "
        "{hours_week} in {date_month}.",
        "The code limits total working time and requires at least one day off in seven. "
        "{count_of} worked {dur_rest} in a row.",
    ),
    scheme=(
        "Did working hours exceed the legal limits? Yes: weekly hours reached {hours_week} "
        "and overtime is compulsory.",
        "Noncompliance: workers did not receive at least one day off in every seven-day period "
        "and worked {dur_rest} consecutively.",
        "The facility requires overtime far beyond the legal maximum of {hours_legal}; time "
        "records of {count_of} show up to {hours_week}.",
    ),
    multi=(
        (
            "Workers worked {hours_week} and the overtime was paid at the normal rate.",
            ("FL11", "HRS", "WAG"),
        ),
        (
            "Young workers were among those working {hours_week} without a day off.",
            ("FL11", "HRS", "CL02"),
        ),
    ),
)

HRS: list[Phrase] = wordings(
    ("HRS",),
    held_out=("worker_voice", "legal"),
    plain=(
        "Overtime exceeded the weekly legal cap for {count_of}, with a maximum of "
        "{hours_week_mod} in {date_month}.",
        "Time records were incomplete: the in and out times of workers in the {dept} section "
        "were entered by hand by the supervisor.",
        "Workers did not receive one day off in seven in {date_month}; the longest stretch "
        "without rest was {dur_short}.",
        "Time records showed {hours_week_mod} worked in {date_month}, above the regular "
        "limit of {hours_legal}.",
        "The site had no overtime consent procedure and workers were informed of overtime at "
        "the end of the shift.",
        "!Meal breaks were shortened during peak production, contrary to {law}.",
        "!Annual overtime for {count} exceeded the statutory cap; the site exceeded the limit "
        "in {date_month} and again in {date_month2}.",
    ),
    narrative=(
        "Working hours are recorded on paper sheets that the line leaders fill in at the end "
        "of the week. The sheets do not match the production output, so the auditor could not "
        "confirm the hours actually worked.",
        "In the sampled month overtime was slightly above the legal monthly cap for the "
        "{dept} section; management had requested an exemption from the {org_gov} but had not "
        "received it.",
        "The site changed to a two-shift system without consulting workers, and the "
        "changeover left some workers with a short rest between shifts.",
    ),
    terse=(
        "Weekly hrs {hours_week_mod} in peak; above legal max.",
        "No time recording system; handwritten sheets.",
        "Break cut short in peak season.",
    ),
    worker_voice=(
        "Workers said they are told about overtime at the last minute and cannot plan their "
        "evenings, although they can refuse it.",
        "{count_of} said their lunch break is shorter than the posted schedule during busy weeks.",
        "'We punch out and then finish the order,' a worker said; the hours after punching out "
        "do not appear on any record.",
    ),
    legal=(
        "Contrary to {law}, monthly overtime exceeded the legal ceiling for {count_of}.",
        "The code requires overtime to be voluntary and recorded. The site keeps no record of "
        "workers' consent to overtime.",
    ),
    scheme=(
        "Does the employer keep accurate records of working hours? No: hours worked are not "
        "recorded for piece-rate workers.",
        "Noncompliance: regular working hours exceed the legal limit of {hours_legal}.",
        "The facility does not provide the statutory rest breaks during the night shift.",
    ),
    multi=(
        (
            "Overtime exceeded the monthly cap and overtime premium was calculated on the basic "
            "wage only, without allowances.",
            ("HRS", "WAG"),
        ),
        (
            "Hours of contract workers are not recorded and their contracts have been renewed "
            "every {dur_contract} for years.",
            ("HRS", "EMP"),
        ),
    ),
)
