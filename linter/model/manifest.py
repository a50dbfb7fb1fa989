"""The typed view of a privacy-statement manifest.

These pydantic models are the single source of truth for the format: the
published JSON Schema (``privlint schema``) is generated from them. The schema
says what is well-formed; almost every element is optional there, because
what is *missing* is for the checks to report, with a GDPR article.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from privlint.model.types import (
    COUNTRY_PATTERN,
    DURATION_PATTERN,
    EMAIL_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    MONTH_PATTERN,
    Duration,
    LocalText,
    PartialDate,
    preferring,
)
from privlint.model.vocabulary import (
    LegalBasis,
    RecipientRole,
    Right,
    Safeguard,
    SpecialCategory,
    SpecialCondition,
)
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ModelWrapValidatorHandler,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StrictBool,
    WithJsonSchema,
    field_validator,
    model_validator,
)

FORMAT_VERSION = 1
SCHEMA_ID = "https://privlint.dev/schemas/privacy-statement.schema.json"


# The value types of privlint.model.types as model fields: read from text, written and described as text.


def _string_type(python_type: type, schema: dict[str, Any]) -> Any:
    return Annotated[
        python_type,
        BeforeValidator(python_type.parse),
        PlainSerializer(str, return_type=str),
        WithJsonSchema(schema),
    ]


DateOrMonth = _string_type(
    PartialDate,
    {
        "anyOf": [
            {"type": "string", "format": "date"},
            {"type": "string", "pattern": MONTH_PATTERN},
        ],
    },
)
IsoDuration = _string_type(Duration, {"type": "string", "pattern": DURATION_PATTERN})
CountryCode = Annotated[str, Field(pattern=COUNTRY_PATTERN)]
LanguageTag = Annotated[str, Field(pattern=LANGUAGE_PATTERN)]
Identifier = Annotated[str, Field(pattern=ID_PATTERN)]
Email = Annotated[str, Field(pattern=EMAIL_PATTERN)]
#: Free text: a string, or a string per language ({nl: ..., en: ...}); see privlint.model.types.LocalText.
LOCAL_TEXT_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": LANGUAGE_PATTERN},
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    ],
}
Text = Annotated[
    LocalText,
    PlainValidator(LocalText.parse),
    PlainSerializer(LocalText.to_data),
    WithJsonSchema(LOCAL_TEXT_SCHEMA),  # written once, as #/$defs/LocalText, in the published schema
]
#: The published statement's own words (statement.text): one passage, or several that each occur in it.
Quote = Text | Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    """Every mapping in a manifest: unknown keys are errors, and so is an empty value.

    An element that a statement does not mention is left out of the manifest;
    ``key:`` with nothing after it is a mistake, not a way to say "absent".
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_empty_values(cls, data: object) -> object:
        if isinstance(data, dict) and None in data.values():
            empty = [key for key, value in data.items() if value is None]
            raise ValueError(f"empty value for {', '.join(map(repr, empty))}")
        return data


class Contact(Model):
    """Ways to reach someone."""

    email: Email | None = None
    phone: Text | None = None
    web_form: Text | None = Field(None, description="Address of a web form.")
    postal_address: Text | None = None


class Statement(Model):
    """The privacy statement as published."""

    title: Text | None = None
    language: LanguageTag | None = Field(None, description="BCP 47 tag of the statement's language, such as nl.")
    url: Text | None = Field(None, description="Where the statement is published.")
    version: Text | None = None
    last_changed: DateOrMonth | None = Field(
        None, description="The date the statement says it last changed: YYYY-MM-DD, or YYYY-MM when only the month is printed."
    )
    changes_announced: Text | None = Field(
        None, description="How the statement says changes are announced, in its own words."
    )
    consent_mechanism: Text | None = Field(
        None, description="How the statement says consent is given, in its own words, where it says so in general."
    )
    requirement_notice: Text | None = Field(
        None,
        description="What the statement says about which data are required by law or contract and what happens if they are not given (Art. 13(2)(e)).",
    )
    text: Text | None = Field(
        None,
        description="The published statement as a file in the repository (Markdown, HTML or plain text), relative to "
        "this manifest; per language as {nl: ..., en: ...}. Quotes, dates, names and periods are checked against it.",
    )
    changes_quote: Quote | None = Field(
        None, description="The statement's own words on how changes are announced, exactly as published; several passages as a list."
    )


class Representative(Model):
    """The controller's representative in the EU (Art. 27)."""

    name: Text | None = None
    address: Text | None = None
    contact: Contact | None = None


class Controller(Model):
    """Who is responsible for the processing (Art. 13(1)(a))."""

    name: Text | None = Field(None, description="Legal name of the controller.")
    other_entities: list[Text] = Field(
        default_factory=list, description="Further legal entities the statement names as controller."
    )
    trade_names: list[Text] = Field(default_factory=list, description="Trade names and brands.")
    country: CountryCode | None = Field(None, description="Country of establishment, such as NL or DE-BY.")
    address: Text | None = None
    contact: Contact | None = None
    registration: Text | None = Field(None, description="Chamber of commerce or company registration number.")
    representative: Representative | None = None


class Dpo(Model):
    """The data protection officer (Art. 13(1)(b); Dutch: FG)."""

    designated: StrictBool | None = Field(None, description="Whether the statement says a DPO is designated.")
    name: Text | None = None
    contact: Contact | None = None


class GeneralLegalBasis(Model):
    """A legal basis the statement lists in general, without tying it to a purpose."""

    basis: LegalBasis
    description: Text | None = None


class Retention(Model):
    """How long data are kept: a period from an event, or criteria in words."""

    period: IsoDuration | None = Field(None, description="ISO 8601 duration such as P7Y, P24M, P4W or PT24H.")
    after: Text | None = Field(None, description="The event the period runs from, such as 'end of contract'.")
    criteria: Text | None = Field(None, description="The criteria used to set the period, in words.")
    statutory_source: Text | None = Field(None, description="The law that sets the period, where one does.")
    quote: Quote | None = Field(None, description="The statement's own words on this retention, exactly as published; several passages as a list.")


    @property
    def is_stated(self) -> bool:
        """Whether it tells a period or criteria, not just an event or a law."""
        return self.period is not None or self.criteria is not None


class StatementRetention(Retention):
    """Statement-wide retention: a default for every purpose, and an upper bound."""

    maximum: IsoDuration | None = Field(None, description="The statement's own upper bound ('never longer than 7 years').")

    @property
    def is_stated(self) -> bool:
        return super().is_stated or self.maximum is not None


class DataCategory(Model):
    """A category of personal data."""

    id: Identifier
    name: Text | None = None
    items: list[Text] = Field(default_factory=list, description="What the category contains: name, address, ...")
    special: SpecialCategory | None = Field(None, description="The Art. 9(1) special category, where it is one.")
    condition: SpecialCondition | None = Field(None, description="The Art. 9(2) condition relied on for special data.")
    criminal: StrictBool = Field(False, description="Data on criminal convictions and offences (Art. 10).")
    national_id: Text | None = Field(None, description="The national identification number this is, such as BSN.")
    law: Text | None = Field(
        None, description="The law that allows processing this data (national id, Art. 10 data), such as 'UAVG art. 46'."
    )
    from_others: StrictBool = Field(False, description="Obtained from someone other than the person (Art. 14).")
    source: Text | None = Field(None, description="Where data obtained from others come from (Art. 14(2)(f)).")
    publicly_accessible: StrictBool | None = Field(None, description="Whether that source is publicly accessible.")
    retention: Retention | None = None


class Recipient(Model):
    """A recipient, or a category of recipients."""

    id: Identifier
    name: Text | None = None
    description: Text | None = None
    role: RecipientRole | None = None
    country: CountryCode | None = None


class Purpose(Model):
    """A purpose of processing, with everything Art. 13(1)(c)-(e) and 13(2)(a) ask for it."""

    id: Identifier
    name: Text | None = None
    section: Text | None = Field(None, description="Where the purpose comes from in the statement (section number or heading).")
    description: Text | None = None
    legal_bases: list[LegalBasis] = Field(default_factory=list, description="Art. 6(1) bases; several allowed.")
    legitimate_interest: Text | None = Field(None, description="The interest pursued, where legitimate_interests is a basis.")
    consent_mechanism: Text | None = Field(None, description="How consent for this purpose is given, in the statement's words.")
    data: list[Identifier] = Field(default_factory=list, description="Ids of data_categories.")
    data_subjects: list[Text] = Field(default_factory=list)
    recipients: list[Identifier] = Field(default_factory=list, description="Ids of recipients.")
    retention: Retention | None = None
    quote: Quote | None = Field(None, description="The statement's own words for this purpose, exactly as published; several passages as a list.")

    @property
    def label(self) -> str:
        """How findings name the purpose: its id, and its section where known."""
        return f"{self.id!r} (section {self.section})" if self.section else repr(self.id)


class Transfer(Model):
    """A transfer of personal data outside the EEA (Art. 13(1)(f))."""

    destination: Text | None = Field(None, description="Country, region or international organisation.")
    recipients: list[Identifier] = Field(default_factory=list, description="Ids of recipients.")
    safeguard: Safeguard | None = None
    description: Text | None = Field(None, description="What the statement says about the transfer, in its own words.")
    copy_available: Text | None = Field(None, description="How to obtain a copy of the safeguard.")
    quote: Quote | None = Field(None, description="The statement's own words on this transfer, exactly as published; several passages as a list.")


class Rights(Model):
    """The rights the statement offers and how to use them (Art. 12, 13(2)(b)-(d))."""

    offered: list[Right] = Field(default_factory=list)
    how: Text | None = Field(None, description="How to exercise the rights.")
    contact: Contact | None = None
    response_time: IsoDuration | None = Field(None, description="The promised answer time, such as P1M.")
    response_extension: IsoDuration | None = Field(None, description="The further time the statement reserves, such as P2M.")


class SupervisoryAuthority(Model):
    """The authority the statement names for complaints (Art. 13(2)(d), 77)."""

    name: Text | None = None
    country: CountryCode | None = None
    url: Text | None = None


class AutomatedDecision(Model):
    """Automated decision-making, including profiling (Art. 13(2)(f), 22)."""

    id: Identifier | None = None
    description: Text | None = None
    profiling: StrictBool = False
    logic: Text | None = Field(None, description="Meaningful information about the logic involved.")
    significance: Text | None = Field(None, description="The significance and envisaged consequences for the person.")
    legal_effect: StrictBool | None = Field(
        None,
        description="Whether it is a decision based solely on automated processing with legal or similarly "
        "significant effects (Art. 22(1)), such as refusing a contract; false for profiling that only selects offers.",
    )
    human_intervention: StrictBool | None = Field(None, description="Whether the person can obtain human intervention (Art. 22(3)).")
    quote: Quote | None = Field(None, description="The statement's own words on this decision, exactly as published; several passages as a list.")


class Manifest(Model):
    """A privacy statement, as a privlint manifest."""

    model_config = ConfigDict(
        title="privlint privacy-statement manifest",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    privlint: Literal[1] = Field(description="The manifest format version.")
    _text_per_language: bool = PrivateAttr(default=False)
    statement: Statement = Field(default_factory=Statement)
    controller: Controller | None = None
    dpo: Dpo | None = None
    general_legal_bases: list[GeneralLegalBasis] = Field(
        default_factory=list, description="Legal bases the statement lists without tying them to purposes."
    )
    purposes: list[Purpose] = Field(default_factory=list)
    data_categories: list[DataCategory] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    transfers: list[Transfer] = Field(default_factory=list)
    retention: StatementRetention | None = None
    rights: Rights | None = None
    supervisory_authority: SupervisoryAuthority | None = None
    automated_decisions: list[AutomatedDecision] = Field(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _in_the_statements_language(cls, data: Any, handler: ModelWrapValidatorHandler[Manifest]) -> Manifest:
        # Free text given per language reads, as a string, in the statement's own language.
        statement = data.get("statement") if isinstance(data, dict) else None
        language = statement.get("language") if isinstance(statement, dict) else None
        with preferring(language if isinstance(language, str) else None) as reading:
            manifest = handler(data)
        manifest._text_per_language = reading.per_language
        return manifest

    @property
    def gives_text_per_language(self) -> bool:
        """Whether any free text is given per language ({nl: ..., en: ...})."""
        return self._text_per_language

    @field_validator("privlint", mode="before")
    @classmethod
    def _version_is_a_number(cls, value: object) -> object:
        # Literal[1] would take true for 1 (True == 1); the schema's const does not.
        if isinstance(value, bool):
            raise ValueError("the format version is a number, not true or false")
        return value
