"""The web editor's widgets for a record's `translations:`: one optional object per language
of mkdocs.yml's `translations:` (labelled e.g. "Spanish (es)"), holding the record kind's
translatable texts, so another language reaches the editor through mkdocs.yml alone.

The editor cannot key objects by a value typed in the entry, which a form's `fields:` is
(`translations.es.fields.<field name>: {label, help, options}`). So the form's field words
list the field names of the portal's forms, each an optional object; `options` is a
key/value widget (the English option -> its words), which writes the same mapping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from leadportal.render.i18n import ENGLISH_NAMES

FormFields = Mapping[str, Sequence[str]]  # a field name -> the titles of the forms that have it
ObjectFields = Callable[[dict[str, Any], dict[str, Any]], list[dict[str, Any]]]
LANGUAGE_HINT = (
    "The texts in {name}, each optional: a text left empty shows in English on the {name} "
    "pages, marked as not yet translated."
)
FIELDS_HINT = (
    "The words of this form's fields, by field name: every form's fields are listed; fill in "
    "the ones this form has (a field added since the portal was last built is not listed yet: "
    "add its words in the YAML file)."
)
OPTIONS_HINT = "Each option exactly as in English (the value sent stays it) and its words."


def language_label(code: str) -> str:
    return f"{ENGLISH_NAMES.get(code, 'Language')} ({code})"


def text_schema(translations: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one language's texts (SiteText, DocumentText or FormText)."""
    (node,) = translations["patternProperties"].values()
    return defs[node["$ref"].rsplit("/", 1)[1]]  # type: ignore[no-any-return]


def field_words(
    name: str, forms: Sequence[str], defs: dict[str, Any], object_fields: ObjectFields
) -> dict[str, Any]:
    fields = object_fields(defs["FieldText"], defs)
    for field in fields:
        if field["name"] == "options":
            field.clear()
            field.update(
                name="options",
                label="Options",
                required=False,
                widget="keyvalue",
                key_label="Option (in English)",
                value_label="Its words",
                hint=OPTIONS_HINT,
            )
    return {
        "name": name,
        "label": f"{name} ({', '.join(forms)})",
        "required": False,
        "widget": "object",
        "collapsed": True,
        "fields": fields,
    }


def language_fields(
    text: dict[str, Any], defs: dict[str, Any], object_fields: ObjectFields, forms: FormFields
) -> list[dict[str, Any]]:
    fields = object_fields(text, defs)
    for field in fields:
        if field["name"] == "fields":  # a form's field words, keyed by field name
            words = [field_words(n, titles, defs, object_fields) for n, titles in forms.items()]
            field.clear()
            field.update(name="fields", label="Fields", required=False, hint=FIELDS_HINT)
            field.update(widget="object", collapsed=True, fields=words)
    return [field for field in fields if field.get("widget") != "object" or field["fields"]]


def translations_widget(
    translations: dict[str, Any],
    defs: dict[str, Any],
    languages: Sequence[str],
    object_fields: ObjectFields,
    forms: FormFields,
) -> dict[str, Any]:
    """The `translations` field's widget: an object with one optional object per language."""
    text = text_schema(translations, defs)
    return {
        "widget": "object",
        "collapsed": True,
        "fields": [
            {
                "name": code,
                "label": language_label(code),
                "required": False,
                "widget": "object",
                "collapsed": True,
                "hint": LANGUAGE_HINT.format(name=ENGLISH_NAMES.get(code, code)),
                "fields": language_fields(text, defs, object_fields, forms),
            }
            for code in languages
        ],
    }
