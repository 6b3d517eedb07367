"""Wordings of working and living conditions: abusive working and living conditions (FL10) and
a safe and healthy working environment (OHS).

Policy: degrading housing, denial of water, toilets, food, rest or sick leave is FL10; it is
FL10 + OHS when the wording names a safety or health hazard too. Fire safety, machines,
chemicals, PPE, first aid and safety management are OHS.
Data only; entity-like words come from `{slots}`.
"""

from __future__ import annotations

from .phrase import Phrase, wordings

FL10: list[Phrase] = wordings(
    ("FL10",),
    held_out=("legal", "worker_voice"),
    plain=(
        (
            "Dormitory rooms were overcrowded and had no ventilation, and there was one toilet "
            "for {count}.",
            ("FL10", "OHS"),
        ),
        "Drinking water was only available during breaks and the canteen food was reported "
        "to be insufficient; a {fee_ded} of {money_small} was still charged.",
        (
            "Workers' housing provided by the employer was overcrowded, with mattresses on the "
            "floor of a storage room next to chemical drums.",
            ("FL10", "OHS"),
        ),
        "Living quarters for {nat} workers lacked running water and cooking facilities; "
        "{count_small} were sleeping in the {dept} area.",
        (
            "Workers were denied sick leave and were required to work while ill; {count_small} "
            "said they were docked a full day's pay for visiting a clinic.",
            ("FL10", "WAG"),
        ),
        (
            "!Accommodation did not meet the requirements of {law}: beds were stacked three "
            "high and the only exit was through the kitchen.",
            ("FL10", "OHS"),
        ),
        (
            "!Workers were made to work in the cold store without protective clothing for "
            "{hours_day}, with no hot drinks or heated rest area.",
            ("FL10", "OHS"),
        ),
    ),
    narrative=(
        "The auditor visited the workers' housing after the shift. Rooms meant for four held "
        "ten, there were no lockers, and the shared washroom had no door and no hot water.",
        "During peak weeks packers sleep on cartons in the finished-goods warehouse between "
        "shifts, because the dormitory is full and the site provides no other bedding or "
        "washing facilities.",
        "Toilet visits are controlled: workers must ask the line leader for a token, only one "
        "token is available per line, and workers described waiting a long time for it.",
    ),
    terse=(
        "Dorm: beds for {count} in one room, no fan, one toilet per floor.",
        "Water only at breaks; toilet visits limited per shift.",
        "Sick workers refused leave; told to keep working.",
    ),
    worker_voice=(
        "'We sleep in shifts, the day workers use the bed at night,' a worker said of the "
        "hostel, where {count} share a single room.",
        "Workers said the food in the canteen is not enough and that they are charged for it "
        "whether they eat or not.",
        "{count_of} said they are not allowed to drink water at the line and must wait for "
        "the break.",
    ),
    legal=(
        "Contrary to {law} on workers' accommodation, the dormitory provided less floor space "
        "per person than the legal minimum and had no separate rooms for women.",
        "The code requires decent living conditions where housing is provided. The labour "
        "camp had no running water and the latrines were overflowing.",
    ),
    scheme=(
        "Are workers subjected to degrading working or living conditions? Yes: the dormitory "
        "is overcrowded and lacks clean water.",
        "Noncompliance: the employer restricts access to toilets and drinking water during "
        "working hours.",
        "The business partner houses workers in a converted storage building without windows "
        "or sanitation.",
    ),
    multi=(
        (
            "The hostel is overcrowded, its fire escape is locked, and the extinguishers have "
            "expired.",
            ("FL10", "OHS"),
        ),
        (
            "Workers must pay a {fee_ded} of {money_small} for housing that has no running water.",
            ("FL10", "WAG"),
        ),
    ),
)

OHS: list[Phrase] = wordings(
    ("OHS",),
    held_out=("narrative", "scheme"),
    plain=(
        "The emergency exit on the {floor} of the {dept} building was blocked by cartons.",
        "Fire extinguishers in the {dept} area had not been inspected since {date_month}.",
        "Chemical containers were not labelled and no safety data sheets were available in "
        "the local language.",
        "Workers operating sewing machines did not have needle guards; {count_small} had "
        "needle injuries recorded in the first aid log in {date_month}.",
        "The fire evacuation drill was last conducted in {date_month}, which does not meet "
        "the twice-yearly frequency required by {law}.",
        "No personal protective equipment was provided to {count} handling solvents, and "
        "the spray booth lacked ventilation.",
        "!Electrical panels on the {floor} were open with exposed wiring, and the floor in "
        "front of them was wet.",
        "!The boiler operator held no valid certificate and the boiler inspection by the "
        "{org_gov} had expired.",
    ),
    narrative=(
        "On the {floor} the auditor found the fire door padlocked and the aisle leading to it "
        "stacked with rolls of fabric. The floor supervisor said the door is locked to stop "
        "theft and opened only for drills.",
        "The cutting room has band knives without guards or steel-mesh gloves, and the first "
        "aid log records cut injuries in most months of the year; no risk assessment has been "
        "done for the section.",
        "The site's structural safety certificate covers three floors, but a fourth floor has "
        "been added and is in use for sewing.",
    ),
    terse=(
        "Fire exit {floor} blocked + locked.",
        "No SDS; chemicals unlabelled next to boiler.",
        "No PPE in spraying area; masks not provided.",
    ),
    worker_voice=(
        "'The smell makes us dizzy,' said a worker in the {dept} section, where solvent-based "
        "glue is used without extraction.",
        "{count_of} did not know where the assembly point was, and said they had never taken "
        "part in an evacuation drill.",
        "Workers said the hearing protection they were given is worn out and has not been "
        "replaced.",
    ),
    legal=(
        "Contrary to {law}, the site had no valid fire safety certificate.",
        "The code requires a safe and hygienic workplace. The compressor room had no "
        "guarding and noise levels were not measured.",
    ),
    scheme=(
        "Are emergency exits unlocked and accessible during working hours? No: the exit of the "
        "{dept} section was locked.",
        "Noncompliance: the facility did not conduct a chemical risk assessment or provide "
        "suitable protective equipment.",
        "The business partner has not appointed a health and safety committee, and accident "
        "records are incomplete.",
    ),
    multi=(
        (
            "Fire exits were blocked and the first aid boxes were empty.",
            ("OHS",),
        ),
        (
            "Workers handle acids without gloves, and a worker {age_young_pred} was assigned to "
            "the same task.",
            ("OHS", "CL02"),
        ),
    ),
)
