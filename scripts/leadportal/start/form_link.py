"""The "request help" link: the technical-assistance form with the visitor's answers filled in.

The form fills its fields from the page address (forms/assets/forms.js), so the link carries
`stage`, `role` (and `sector`) here, and the browser adds the place (`jurisdiction`, `state`).
A value goes into the link only when the form has that field and, for a choice, that option.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

from leadportal.records.loaded import Loaded
from leadportal.records.models import CHOICE_TYPES, Form, FormField
from leadportal.records.roles import Role

PLACE_FIELDS = ("jurisdiction", "state")


def help_form(forms: Sequence[Loaded[Form]], slug: str) -> Loaded[Form] | None:
    return next((f for f in forms if f.slug == slug), None)


def fitting(field: FormField, value: str) -> str | None:
    """`value` as the field takes it: a choice's own spelling, or the text as it is."""
    if not value:
        return None
    if field.type not in CHOICE_TYPES:
        return value
    return next((o for o in field.options if o.casefold() == value.casefold()), None)


def prefill(form: Form, answers: Mapping[str, str]) -> dict[str, str]:
    """The answers the form has a field (and an option) for, in the form's field order."""
    values = {}
    for field in form.fields:
        value = fitting(field, answers.get(field.name, ""))
        if value is not None:
            values[field.name] = value
    return values


def answers(stage_label: str, role: Role) -> dict[str, str]:
    return {"stage": stage_label, "role": role.label, "sector": role.sector}


def help_url(form: Loaded[Form], forms_dir: str, values: Mapping[str, str]) -> str:
    """The form page's address (relative to the site root) with `values` in its query."""
    query = urlencode(values)
    return f"{forms_dir}/{form.slug}/" + (f"?{query}" if query else "")


def place_fields(form: Form) -> list[str]:
    """The place fields the browser may fill in, of those this form has."""
    names = {field.name for field in form.fields}
    return [name for name in PLACE_FIELDS if name in names]
