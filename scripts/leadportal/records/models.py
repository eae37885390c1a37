"""The record schemas: Site, Document and Form, exactly as the contract in DESIGN.md, and the
stages and steps of docs/start/steps.yml."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from leadportal.records.fieldtypes import (
    Date,
    Email,
    PartialDate,
    Phone,
    UsState,
    WebUrl,
    between,
    fail,
    in_vocabulary,
    one_of,
    url_schema,
    url_with,
    vocabulary_schema,
)
from leadportal.records.language import LANGUAGE_CODE
from leadportal.records.suggest import did_you_mean

Text = Annotated[str, Field(min_length=1)]
# `true` or `false` as YAML writes them: a quoted "no" or a 0 is not taken for false.
Switch = Annotated[bool, Field(strict=True)]
# A number as YAML writes it: `true` or a quoted "47.6" is not taken for a coordinate.
Number = Annotated[float, Field(strict=True)]
Markdown = Annotated[str, Field(description="Markdown; raw HTML is shown as text")]
Stage = Annotated[str, in_vocabulary("stages"), vocabulary_schema("stages")]
PartnerRole = Annotated[str, in_vocabulary("partner_roles"), vocabulary_schema("partner_roles")]
ReferralPathway = Annotated[
    str, in_vocabulary("referral_pathways"), vocabulary_schema("referral_pathways")
]
DocumentKind = Annotated[str, in_vocabulary("document_kinds"), vocabulary_schema("document_kinds")]
Topic = Annotated[str, in_vocabulary("topics"), vocabulary_schema("topics")]
Audience = Annotated[str, in_vocabulary("audiences"), vocabulary_schema("audiences")]
FormAction = Annotated[
    str, url_with("https", "http", "mailto"), url_schema("https", "http", "mailto")
]

FIELD_TYPES = (
    "text",
    "email",
    "tel",
    "url",
    "textarea",
    "select",
    "radio",
    "checkboxes",
    "checkbox",
    "date",
    "number",
)
CHOICE_TYPES = {"select", "radio", "checkboxes"}
FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
FieldType = Annotated[
    str, one_of(*FIELD_TYPES), WithJsonSchema({"type": "string", "enum": list(FIELD_TYPES)})
]


PUBLIC = "Off keeps the record out of every page, the map, the search and the downloads."


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


CITY_OR_COUNTY = "A city, a county or both: a site with neither is refused when publishing."
FILE_OR_URL = (
    "Exactly one of File (uploaded, kept beside the record) or Url (where it is published): "
    "a document with neither, or with both, is refused when publishing."
)


class Jurisdiction(Record):
    city: Text | None = Field(None, description=CITY_OR_COUNTY)
    county: Text | None = Field(None, description=CITY_OR_COUNTY)
    state: UsState = Field(description="USPS state code, e.g. WA")
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] = Field(
        "US", description="Two capital letters; leave empty for the United States (US)."
    )

    @model_validator(mode="after")
    def _city_or_county(self) -> Jurisdiction:
        if not (self.city or self.county):
            raise fail("needs a city, a county or both", "add `city:` or `county:`")
        return self


class Location(Record):
    lat: Annotated[Number, AfterValidator(between(-90, 90, "latitude runs from -90 to 90"))]
    lon: Annotated[Number, AfterValidator(between(-180, 180, "longitude runs from -180 to 180"))]


class StageChange(Record):
    stage: Stage
    since: PartialDate


class Partner(Record):
    name: Text
    role: PartnerRole
    url: WebUrl | None = None


class Contact(Record):
    role: Text = Field(description="what this contact is for, e.g. 'Program coordination'")
    name: Text | None = None
    email: Email | None = None
    phone: Phone | None = None


def in_languages(value: str, info: ValidationInfo) -> str:
    """A language the portal is built in besides English (mkdocs.yml `translations:`)."""
    languages = (info.context or {}).get("languages")
    if languages is None or value in languages:
        return value
    named = ", ".join(sorted(languages)) or "none yet"
    raise fail(
        f"'{value}' is not one of the portal's other languages ({named})",
        "use a language listed under `translations:` in mkdocs.yml, e.g. es",
    )


Language = Annotated[str, Field(pattern=LANGUAGE_CODE), AfterValidator(in_languages)]
TRANSLATIONS = "The record's texts in another language, e.g. es: {summary: ...}."


class SiteText(Record):
    """What a site's record says in another language."""

    summary: Markdown | None = None


class Site(Record):
    """A participating LEAD site: sites/<slug>.yml."""

    name: Text = Field(description="The program's name as it is known locally.")
    stage: Stage = Field(description="Where the program stands today.")
    jurisdiction: Jurisdiction = Field(description="Where the program runs.")
    launched: PartialDate | None = None
    history: list[StageChange] = Field(
        [], description="Earlier stages, each with the date it began."
    )
    location: Location | None = Field(
        None,
        description="Only to place the map marker by hand; left out, the map uses the "
        "coordinates of the city or county (the geocode cache).",
    )
    website: WebUrl | None = Field(None, description="The program's own public website.")
    summary: Markdown = Field(
        "", description="Markdown; raw HTML is shown as text. Two or three sentences."
    )
    referral_pathways: list[ReferralPathway] = []
    partners: list[Partner] = []
    contacts: list[Contact] = Field(
        [], description="Role-based public contacts; never a private person's details."
    )
    last_verified: Date | None = Field(
        None, description="When the Bureau last checked these details with the site."
    )
    public: Switch = Field(True, description=PUBLIC)
    translations: dict[Language, SiteText] = Field({}, description=TRANSLATIONS)

    @field_validator("launched")
    @classmethod
    def _not_in_future(cls, value: str | None, info: ValidationInfo) -> str | None:
        today = (info.context or {}).get("today")
        if value and today and value[:4] > str(today.year):
            raise fail(
                f"launch year {value[:4]} is in the future",
                "use `history` with a planned stage instead",
            )
        return value

    @field_validator("last_verified")
    @classmethod
    def _verified_by_now(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        today = (info.context or {}).get("today")
        if value and today and value > today:
            raise fail(
                f"{value.isoformat()} is in the future",
                "write the day the details were last checked with the site, today or earlier",
            )
        return value


RecordSlug = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
DOCUMENT_SITES = (
    "The sites this document is about: the file names of their records in sites/, without "
    ".yml. Each one's page lists this document, and this document's page links it."
)


class DocumentText(Record):
    """What a document's record says in another language."""

    title: Text | None = None
    summary: Markdown | None = None


class Document(Record):
    """A reference document: docs/resources/<slug>.yml, beside its file."""

    title: Text
    kind: DocumentKind
    topics: list[Topic] = []
    summary: Markdown = Field(
        description="Markdown; raw HTML is shown as text. What it covers and who it is for."
    )
    published: PartialDate
    file: Text | None = Field(None, description=FILE_OR_URL)
    url: WebUrl | None = Field(None, description=FILE_OR_URL)
    audience: list[Audience] = []
    stages: list[Stage] = []
    sites: list[RecordSlug] = Field([], description=DOCUMENT_SITES)
    publisher: Text | None = None
    authors: list[Text] = []
    language: Annotated[str, Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    printable: Switch = False
    updated: PartialDate | None = None
    public: Switch = Field(True, description=PUBLIC)
    translations: dict[Language, DocumentText] = Field({}, description=TRANSLATIONS)

    @field_validator("sites")
    @classmethod
    def _each_site_once(cls, sites: list[str]) -> list[str]:
        seen: set[str] = set()
        for slug in sites:
            if slug in seen:
                raise fail(f"'{slug}' is listed twice", "name each site once")
            seen.add(slug)
        return sites

    @model_validator(mode="after")
    def _file_or_url(self) -> Document:
        if bool(self.file) == bool(self.url):
            raise fail(
                "needs exactly one of `file` or `url`"
                if not self.file
                else "has both `file` and `url`; keep one",
                "a file kept beside the record, or a link to where it is published",
            )
        return self


class FormField(Record):
    name: Annotated[str, Field(pattern=FIELD_NAME.pattern)]
    label: Text
    type: FieldType = "text"
    required: Switch = False
    options: list[Text] = []
    help: Text | None = None
    autocomplete: Annotated[str, Field(pattern=r"^[a-z][a-z0-9 -]*$")] | None = None

    @model_validator(mode="after")
    def _choices_have_options(self) -> FormField:
        if self.type in CHOICE_TYPES and not self.options:
            raise fail(f"a {self.type} field needs `options`", "list the choices under `options:`")
        if self.options and self.type not in CHOICE_TYPES:
            raise fail(
                f"a {self.type} field takes no `options`",
                "use type select, radio or checkboxes for a choice",
            )
        return self


class FieldText(Record):
    """A form field's words in another language; `options` maps each option to its label."""

    label: Text | None = None
    help: Text | None = None
    options: dict[Text, Text] = {}


class FormText(Record):
    """What a form says in another language; `fields` is keyed by the fields' names."""

    title: Text | None = None
    intro: Markdown | None = None
    success: Text | None = None
    fields: dict[str, FieldText] = {}


class Form(Record):
    """A contact form: docs/contact/<slug>.yml."""

    title: Text
    intro: Markdown = ""
    fields: Annotated[list[FormField], Field(min_length=1)]
    action: FormAction | None = Field(
        None,
        description="Where messages go (https:// or mailto:); leave empty for the portal's "
        "form backend.",
    )
    success: Text | None = Field(None, description="Shown on the thank-you page after sending.")
    subject: Text | None = Field(None, description="The subject line of the message sent.")
    public: Switch = Field(True, description=PUBLIC)
    translations: dict[Language, FormText] = Field({}, description=TRANSLATIONS)

    @field_validator("fields")
    @classmethod
    def _unique_names(cls, fields: list[FormField], info: ValidationInfo) -> list[FormField]:
        honeypot = (info.context or {}).get("honeypot", "website_url")
        seen: set[str] = set()
        for field in fields:
            if field.name == honeypot:
                raise fail(
                    f"field name '{field.name}' is reserved for the spam trap",
                    "choose another name",
                )
            if field.name in seen:
                raise fail(f"two fields are named '{field.name}'", "field names must be unique")
            seen.add(field.name)
        return fields

    @field_validator("translations")
    @classmethod
    def _translated_fields_exist(
        cls, translations: dict[str, FormText], info: ValidationInfo
    ) -> dict[str, FormText]:
        fields = {field.name: field for field in info.data.get("fields") or []}
        for language, text in translations.items():
            for name, words in text.fields.items():
                where = f"translations.{language}.fields"
                if name not in fields:
                    raise fail(
                        f"{where} names '{name}', which is not a field of this form",
                        did_you_mean(name, list(fields)) or "use a field's `name`",
                    )
                options = fields[name].options
                for option in words.options:
                    if option not in options:
                        raise fail(
                            f"{where}.{name}.options names '{option}', which is not one of "
                            f"the field's options ({', '.join(options) or 'it has none'})",
                            did_you_mean(option, options) or "write the option as in `options`",
                        )
        return translations

    @field_validator("action")
    @classmethod
    def _secure_action(cls, value: str | None) -> str | None:
        if (
            value
            and value.startswith("http://")
            and not re.match(r"^http://(localhost|127\.0\.0\.1)(:\d+)?(/|$)", value)
        ):
            raise fail(
                f"'{value}' would send messages unencrypted",
                "use the https:// address of the form backend",
            )
        return value


class StageText(Record):
    """A stage of the start guide in another language: lists in the English order."""

    meaning: Text | None = None
    steps: list[Markdown] = []
    offers: list[Text] = []


class StageGuide(Record):
    """One stage: what it means, the next steps, the documents and help that fit it."""

    stage: Stage
    meaning: Text = Field(description="one sentence: where a community is at this stage")
    steps: Annotated[list[Markdown], Field(min_length=1)]
    documents: list[RecordSlug] = Field(
        default=[], description="the library's best documents for this stage, best first"
    )
    offers: list[Text] = Field(default=[], description="what the Bureau offers at this stage")
    translations: dict[Language, StageText] = Field({}, description=TRANSLATIONS)

    @field_validator("translations")
    @classmethod
    def _same_lists(
        cls, translations: dict[str, StageText], info: ValidationInfo
    ) -> dict[str, StageText]:
        for language, text in translations.items():
            for name, translated in (("steps", text.steps), ("offers", text.offers)):
                english = info.data.get(name) or []
                if translated and len(translated) != len(english):
                    raise fail(
                        f"translations.{language}.{name} has {len(translated)} item(s) and the "
                        f"English has {len(english)}",
                        "translate each item, in the same order",
                    )
        return translations


class StartSteps(Record):
    """docs/start/steps.yml: the stages in the order a community passes through them."""

    stages: Annotated[list[StageGuide], Field(min_length=1)]


RECORD_KINDS: dict[str, type[Record]] = {"site": Site, "document": Document, "form": Form}


def model_fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at `loc` inside `model`, for 'did you mean' on an unknown key."""
    current: Any = model
    keyed = False  # the part after a mapping field (e.g. `translations`) is a key, not a field
    for part in loc:
        if isinstance(part, int) or keyed:
            keyed = False
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return []
        keyed = getattr(info.annotation, "__origin__", None) is dict
        current = _inner_model(info.annotation)
    return list(current.model_fields) if hasattr(current, "model_fields") else []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        inner = _inner_model(arg)
        if inner is not None:
            return inner
    return None
