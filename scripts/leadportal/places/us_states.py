"""Full names of the USPS state and territory codes that a site's jurisdiction may hold, in
English and in the other languages of the portal."""

from __future__ import annotations

from leadportal.records.language import ENGLISH

STATE_NAMES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "PR": "Puerto Rico",
    "GU": "Guam",
    "VI": "U.S. Virgin Islands",
    "AS": "American Samoa",
    "MP": "Northern Mariana Islands",
}


# The names that differ from the English one, as the US government's Spanish pages write them.
OTHER_NAMES: dict[str, dict[str, str]] = {
    "es": {
        "DC": "Distrito de Columbia",
        "HI": "Hawái",
        "LA": "Luisiana",
        "MI": "Míchigan",
        "MS": "Misisipi",
        "MO": "Misuri",
        "NH": "Nuevo Hampshire",
        "NJ": "Nueva Jersey",
        "NM": "Nuevo México",
        "NY": "Nueva York",
        "NC": "Carolina del Norte",
        "ND": "Dakota del Norte",
        "OR": "Oregón",
        "PA": "Pensilvania",
        "SC": "Carolina del Sur",
        "SD": "Dakota del Sur",
        "WV": "Virginia Occidental",
        "VI": "Islas Vírgenes de EE. UU.",
        "AS": "Samoa Estadounidense",
        "MP": "Islas Marianas del Norte",
    },
}


def state_name(code: str, language: str = ENGLISH) -> str:
    """`WA` -> `Washington`; `NM` in `es` -> `Nuevo México`; an unknown code is returned as
    it is."""
    return OTHER_NAMES.get(language, {}).get(code) or STATE_NAMES.get(code, code)
