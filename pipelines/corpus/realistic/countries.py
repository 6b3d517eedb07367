"""Countries for the realistic corpus: the shared slot data plus more countries and the long
and local forms cover pages print ("People's Republic of Bangladesh", "Türkiye").

Extends `values.COUNTRIES` without changing it (the 12-layout corpus must stay byte-identical).
Law references cite real statutes loosely and are not legal advice.
"""

from __future__ import annotations

from ..values import COUNTRIES, Country

EXTRA_COUNTRIES: dict[str, Country] = {
    "ID": Country(
        "ID",
        ("Indonesia",),
        ("IDR", "Rp"),
        (2000000, 4800000),
        (
            "Article 77 of Law No. 13 of 2003 on Manpower",
            "Article 78 of Law No. 13 of 2003 on Manpower",
            "Article 88 of Law No. 13 of 2003 on Manpower",
            "Article 68 of Law No. 13 of 2003 on Manpower",
            "Government Regulation No. 36 of 2021 on Wages",
        ),
        (("Bekasi", "West Java"), ("Semarang", "Central Java"), ("Tangerang", "Banten")),
        (
            "Jl. Raya Industri No. 12",
            "Kawasan Industri Jababeka Blok C-4",
            "Jl. Gatot Subroto Km 5",
        ),
        ("Timorese", "Filipino"),
        "Manpower Office (Disnaker)",
    ),
    "LK": Country(
        "LK",
        ("Sri Lanka",),
        ("LKR", "Rs."),
        (17500, 30000),
        (
            "Section 67 of the Factories Ordinance",
            "Wages Boards Ordinance No. 27 of 1941",
            "Section 3 of the Shop and Office Employees Act",
            "Employment of Women, Young Persons and Children Act No. 47 of 1956",
            "Section 5 of the Termination of Employment of Workmen Act",
        ),
        (("Katunayake", "Export Processing Zone"), ("Biyagama", "Gampaha"), ("Koggala", "Galle")),
        ("No. 45, Phase II, EPZ", "Lot 18, Biyagama Industrial Park", "No. 221, Galle Road"),
        ("Indian",),
        "Department of Labour",
    ),
    "MM": Country(
        "MM",
        ("Myanmar",),
        ("MMK", "Kyats"),
        (144000, 250000),
        (
            "Section 59 of the Factories Act 1951",
            "Section 62 of the Factories Act 1951",
            "Section 3 of the Payment of Wages Law 2016",
            "Minimum Wages Law 2013",
            "Section 14 of the Leave and Holidays Act 1951",
        ),
        (("Yangon", "Hlaing Tharyar"), ("Yangon", "Shwe Pyi Thar"), ("Bago", "Bago Region")),
        ("Plot 33, Industrial Zone 2", "No. 118, Bayint Naung Road", "Lot 7, Mingaladon IP"),
        ("Chinese",),
        "Factories and General Labour Laws Inspection Department",
    ),
    "GT": Country(
        "GT",
        ("Guatemala",),
        ("GTQ", "Q"),
        (2900, 3600),
        (
            "Article 116 of the Labour Code",
            "Article 121 of the Labour Code",
            "Article 103 of the Labour Code",
            "Article 148 of the Labour Code",
            "Governmental Agreement 229-2014 on Occupational Health and Safety",
        ),
        (("Villa Nueva", "Guatemala"), ("Chimaltenango", "Chimaltenango"), ("Mixco", "Guatemala")),
        ("Km 17.5 Carretera al Pacifico", "Parque Industrial Zona 12, Bodega 4", "0 Calle 3-41"),
        ("Honduran", "Salvadoran"),
        "Ministry of Labour and Social Welfare",
    ),
    "ET": Country(
        "ET",
        ("Ethiopia",),
        ("ETB", "Birr"),
        (1500, 3500),
        (
            "Article 61 of Labour Proclamation No. 1156/2019",
            "Article 67 of Labour Proclamation No. 1156/2019",
            "Article 89 of Labour Proclamation No. 1156/2019",
            "Article 55 of Labour Proclamation No. 1156/2019",
            "Article 92 of Labour Proclamation No. 1156/2019",
        ),
        (("Hawassa", "Industrial Park"), ("Addis Ababa", "Bole Lemi"), ("Mekelle", "Tigray")),
        ("Shed 14, Hawassa Industrial Park", "Bole Lemi IP, Shed B-3", "Kebele 05, Kality"),
        ("Eritrean",),
        "Bureau of Labour and Social Affairs",
    ),
    "JO": Country(
        "JO",
        ("Jordan",),
        ("JOD", "JD"),
        (260, 400),
        (
            "Article 56 of Labour Law No. 8 of 1996",
            "Article 59 of Labour Law No. 8 of 1996",
            "Article 46 of Labour Law No. 8 of 1996",
            "Article 73 of Labour Law No. 8 of 1996",
            "Article 77 of Labour Law No. 8 of 1996",
        ),
        (
            ("Irbid", "Al-Hassan Industrial Estate"),
            ("Sahab", "King Abdullah II Industrial Estate"),
            ("Dulayl", "Zarqa"),
        ),
        ("Building 22, Al-Hassan IE", "Street 9, Sahab Industrial City", "Plot 310, Dulayl QIZ"),
        ("Bangladeshi", "Sri Lankan", "Indian", "Nepalese"),
        "Ministry of Labour Inspection Directorate",
    ),
}

# Cover pages print short, long and local forms; the first is the common short name.
PRINTED_NAMES: dict[str, tuple[str, ...]] = {
    "BD": ("Bangladesh", "People's Republic of Bangladesh"),
    "VN": ("Viet Nam", "Vietnam", "Socialist Republic of Viet Nam"),
    "CN": ("China", "P.R. China", "People's Republic of China", "PRC"),
    "TR": ("Turkey", "Türkiye", "Republic of Türkiye"),
    "IN": ("India", "Republic of India"),
    "MX": ("Mexico", "México", "United Mexican States"),
    "MY": ("Malaysia",),
    "TH": ("Thailand", "Kingdom of Thailand"),
    "KH": ("Cambodia", "Kingdom of Cambodia"),
    "PK": ("Pakistan", "Islamic Republic of Pakistan"),
    "ID": ("Indonesia", "Republic of Indonesia"),
    "LK": ("Sri Lanka", "Democratic Socialist Republic of Sri Lanka"),
    "MM": ("Myanmar", "Republic of the Union of Myanmar"),
    "GT": ("Guatemala", "Republic of Guatemala"),
    "ET": ("Ethiopia", "Federal Democratic Republic of Ethiopia"),
    "JO": ("Jordan", "Hashemite Kingdom of Jordan"),
}


def country_of(iso: str) -> Country:
    """Return the slot data of a country of either corpus."""
    return EXTRA_COUNTRIES.get(iso) or COUNTRIES[iso]
