"""The typed view of a privacy-statement manifest.

These pydantic models are the single source of truth for the format: the
published JSON Schema (``privlint schema``) is generated from them. The schema
says what is well-formed; almost every element is optional there, because
what is *missing* is for the checks to report, with a GDPR article.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Annotated, Any, Literal

from privlint.model.types import (
    COUNTRY_PATTERN,
    DATE_PATTERN,
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
    ConsentMechanism,
    CookieConsent,
    CookieExemption,
    CookieParty,
    CookiePurpose,
    DisclosureKind,
    EndedBy,
    ExclusionGround,
    FeeGround,
    LegalBasis,
    RecipientRole,
    Right,
    Safeguard,
    SafeguardNamedAs,
    ServiceKind,
    SpecialCategory,
    SpecialCondition,
)
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ModelWrapValidatorHandler,
    PlainSerializer,
    PrivateAttr,
    StrictBool,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, core_schema

if TYPE_CHECKING:
    from typing_extensions import Self

FORMAT_VERSION = 1
SCHEMA_ID = "https://privlint.dev/schemas/privacy-statement.schema.json"


# The value types of privlint.model.types as model fields: read from text, written and described as text.
_WRITTEN_AS_TEXT = PlainSerializer(str, return_type=str)
DateOrMonth = Annotated[
    PartialDate,
    BeforeValidator(PartialDate.parse),
    _WRITTEN_AS_TEXT,
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date", "pattern": DATE_PATTERN},
                {"type": "string", "pattern": MONTH_PATTERN},
            ],
        }
    ),
]
IsoDuration = Annotated[
    Duration,
    BeforeValidator(Duration.parse),
    _WRITTEN_AS_TEXT,
    WithJsonSchema({"type": "string", "pattern": DURATION_PATTERN}),
]
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


class _AsLocalText:
    """How a Text field is read, written and described: LocalText.parse, LocalText.to_data and LOCAL_TEXT_SCHEMA.

    The core schema pydantic makes of ``PlainValidator``, ``PlainSerializer`` and ``WithJsonSchema``, written out
    once: a manifest model has over a hundred Text fields, and building that schema for each took a sixth of
    building the models.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(
            LocalText.parse,
            json_schema_input_schema=core_schema.any_schema(),
            serialization=core_schema.plain_serializer_function_ser_schema(
                LocalText.to_data,
                info_arg=False,
                return_schema=core_schema.union_schema(  # what to_data returns: str | dict[str, str]
                    [core_schema.str_schema(), core_schema.dict_schema(core_schema.str_schema(), core_schema.str_schema())]
                ),
            ),
        )

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        return copy.deepcopy(LOCAL_TEXT_SCHEMA)  # written once, as #/$defs/LocalText, in the published schema


Text = Annotated[LocalText, _AsLocalText()]
#: The published statement's own words (statement.text): one passage, or several that each occur in it.
Quote = Text | Annotated[list[Text], Field(min_length=1)]



def _no_entries() -> list[Any]:
    """The default of a list field. (Not ``list``: pydantic reads a factory's signature, and a builtin's costs
    a hundred times a function's.)"""
    return []


class Model(BaseModel):
    """Every mapping in a manifest: unknown keys are errors, and so is an empty value.

    An element that a statement does not mention is left out of the manifest;
    ``key:`` with nothing after it is a mistake, not a way to say "absent".

    Validators are built when first needed (``defer_build``): validating a manifest builds
    Manifest's alone, with every part inside it, instead of one for each of the thirty models.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_empty_values(cls, data: object) -> object:
        if isinstance(data, dict) and None in data.values():
            empty = [key for key, value in data.items() if value is None]
            raise ValueError(f"empty value for {', '.join(map(repr, empty))}")
        return data

    @model_validator(mode="after")
    def _share_what_repeats(self) -> Self:
        # A terse manifest has hundreds of thousands of entries, and each held a value for every
        # field, a set of the fields it gives, and an empty list per list field it leaves out:
        # 1,050 bytes for a bare purpose. It holds the fields it gives; a field it leaves out is
        # read from its class (_DEFAULTS), and entries that give the same fields share one set.
        given = self.__pydantic_fields_set__
        values = self.__dict__
        if len(given) < len(values):
            read_from_class = _DEFAULTS.get(type(self), ())
            object.__setattr__(self, "__dict__", {name: value for name, value in values.items()
                                                  if name in given or name not in read_from_class})
        object.__setattr__(self, "__pydantic_fields_set__", _FIELD_SETS.setdefault(frozenset(given), given))
        return self

    def __eq__(self, other: object) -> bool:
        # Field by field, a field left out read from the class: equal as if each held every field
        # (pydantic compares the __dict__s, which hold only the fields given).
        if not isinstance(other, BaseModel):
            return NotImplemented
        return (
            type(self) is type(other)
            and self.__pydantic_private__ == other.__pydantic_private__
            and self.__pydantic_extra__ == other.__pydantic_extra__
            and (self.__dict__ == other.__dict__ or all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields))
        )

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, name) for name in type(self).model_fields))

    def __copy__(self) -> Self:
        copied = super().__copy__()  # with a set of its own: model_copy(update=...) adds to it
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Self:
        copied = super().__deepcopy__(memo)
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
        return copied


#: The sets of fields given, one per shape (pydantic wants a set; copies get one of their own).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}
#: Per model, the fields whose default is read from the class where an entry leaves them out (_read_from_class).
_DEFAULTS: dict[type[BaseModel], frozenset[str]] = {}
#: The value of every list field an entry leaves out. Models are frozen and no one may change what
#: they hold; a test holds this one empty, and the shared sets unchanged, after linting every seed.
_NO_ITEMS: list[Any] = []


class Contact(Model):
    """Ways to reach someone."""

    email: Email | None = Field(None, description="An e-mail address, such as privacy@example.com.")
    phone: Text | None = Field(None, description="A telephone number, as the statement prints it.")
    web_form: Text | None = Field(None, description="Address of a web form.")
    web_page: Text | None = Field(
        None, description="Address of a contact page: a web page that says how to reach them (numbers, chat, forms)."
    )
    postal_address: Text | None = Field(None, description="A postal address; it counts as a way to contact them.")
    named: Text | None = Field(
        None,
        description="The contact point as the statement names it, in its words ('neem contact op met onze "
        "klantenservice'); on its own it is no way to reach them.",
    )

    @property
    def has_channel(self) -> bool:
        """Whether it gives at least one way to reach someone: a detail, not just a name."""
        return any(getattr(self, name) is not None for name in type(self).model_fields if name != "named")


class Audience(Model):
    """The people a statement, or its rights, says it is for, where it names them."""

    groups: list[Text] = Field(
        min_length=1,
        description="Who it is for, named as purposes[].data_subjects name them: [klanten, oud-klanten].",
    )
    text: Text | None = Field(None, description="The statement's own words.")


class Children(Model):
    """What the statement says about children's consent to an online service (Art. 8)."""

    consent_age: int | None = Field(
        None,
        ge=0,
        le=18,
        description="The age from which the statement lets a person consent alone; below it a parent consents or the "
        "service is not offered ('jonger dan 16 jaar': 16; 'under 13': 13).",
    )
    text: Text | None = Field(None, description="The statement's own words on children.")


class Statement(Model):
    """The privacy statement as published."""

    title: Text | None = Field(None, description="The title of the statement, such as Privacyverklaring.")
    language: LanguageTag | None = Field(None, description="BCP 47 tag of the statement's language, such as nl.")
    url: Text | None = Field(None, description="Where the statement is published.")
    version: Text | None = Field(None, description="The version the statement gives itself, such as 3.2.")
    last_changed: DateOrMonth | None = Field(
        None,
        description="The date the statement says it last changed: YYYY-MM-DD, such as 2025-10-01, or YYYY-MM, such as 2025-10, "
        "when only the month is printed.",
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
    audience: list[CountryCode] = Field(
        default_factory=_no_entries,
        description="The countries whose residents the statement addresses, where that differs from the controller's "
        "country: national rules such as those on cookies apply per country.",
    )
    addressed_to: Audience | None = Field(
        None,
        description="The people the statement says it is for ('klanten, bezoekers van onze website en sollicitanten'), "
        "where it names them; leave it out where it is for everyone whose data it processes.",
    )
    children: Children | None = Field(
        None, description="What the statement says about children's consent (Art. 8), where it says anything."
    )


class Representative(Model):
    """The controller's representative in the EU (Art. 27)."""

    name: Text | None = Field(None, description="Name of the representative.")
    address: Text | None = Field(None, description="Postal address of the representative.")
    contact: Contact | None = Field(None, description="How to reach the representative.")


class Controller(Model):
    """Who is responsible for the processing (Art. 13(1)(a))."""

    name: Text | None = Field(None, description="Legal name of the controller.")
    other_entities: list[Text] = Field(
        default_factory=_no_entries, description="Further legal entities the statement names as controller."
    )
    trade_names: list[Text] = Field(default_factory=_no_entries, description="Trade names and brands.")
    country: CountryCode | None = Field(None, description="Country of establishment, such as NL or DE-BY.")
    address: Text | None = Field(None, description="Postal address of the controller (Art. 13(1)(a)).")
    contact: Contact | None = Field(None, description="How to reach the controller about privacy: e-mail, phone, web form, contact page.")
    registration: Text | None = Field(None, description="Chamber of commerce or company registration number.")
    representative: Representative | None = Field(None, description="The representative in the EU of a controller established outside it (Art. 27).")


class Dpo(Model):
    """The data protection officer (Art. 13(1)(b); Dutch: FG)."""

    designated: StrictBool | None = Field(
        None, description="Whether the statement says a DPO is designated; false is the same as none.dpo without the words."
    )
    name: Text | None = Field(None, description="Name of the data protection officer, where the statement gives it.")
    contact: Contact | None = Field(None, description="How to reach the data protection officer (Art. 13(1)(b)).")


class GeneralLegalBasis(Model):
    """A legal basis the statement lists in general, without tying it to a purpose."""

    basis: LegalBasis = Field(description="The Art. 6(1) basis: consent, contract, legal_obligation, vital_interests, public_task or legitimate_interests.")
    description: Text | None = Field(None, description="What the statement says about this basis, in its own words.")
    law: Text | None = Field(
        None, description="The law behind a legal obligation or public task (Art. 6(3)), such as 'AWR art. 52'."
    )


class RetentionTerms(Model):
    """How long data are kept: a period from an event, bounds, an end date or event, or criteria in words.

    How the retention of the statement, of a purpose and of a data category combine is described
    in docs/manifest-format.md ("Retention: how the levels combine").
    """

    period: IsoDuration | None = Field(None, description="ISO 8601 duration such as P7Y, P24M, P4W or PT24H.")
    after: Text | None = Field(None, description="The event the period runs from, such as 'end of contract'.")
    criteria: Text | None = Field(None, description="The criteria used to set the period, in words.")
    statutory_source: Text | None = Field(None, description="The law that sets the period, where one does.")
    quote: Quote | None = Field(None, description="The statement's own words on this retention, exactly as published; several passages as a list.")
    minimum: IsoDuration | None = Field(
        None,
        description="A minimum period ('at least 7 years'), an ISO 8601 duration such as P7Y: alone, without a period or "
        "maximum, it sets no end.",
    )
    maximum: IsoDuration | None = Field(
        None,
        description="An upper bound ('at most 24 months', 'never longer than 7 years'), an ISO 8601 duration such as "
        "P24M; statement-wide it bounds every period in the statement.",
    )
    until: DateOrMonth | None = Field(
        None,
        description="A fixed date on which the retention ends ('until 1 January 2027'): YYYY-MM-DD or YYYY-MM, such as "
        "2027-01-01.",
    )
    end_event: Text | None = Field(
        None,
        description="The event that ends the retention, in the statement's words ('until the guardianship ends', "
        "'until our account with the mailing provider ends').",
    )
    ended_by: EndedBy | None = Field(
        None,
        description="Who brings that event about: controller (only the controller decides), data_subject (only an act "
        "of the person, such as objecting), other (neither alone: a contract term, a court, a date set by law).",
    )

    @property
    def is_stated(self) -> bool:
        """Whether it tells how long: a period, a bound, an end date or event, or criteria; not just a start event or a law."""
        return any(
            value is not None
            for value in (self.period, self.criteria, self.minimum, self.maximum, self.until, self.end_event, self.ended_by)
        )


class PlaceRetention(RetentionTerms):
    """The retention of the same data in one more storage place, where the statement gives it its own."""

    place: Text = Field(description="Where the data are kept this long: backups, the archive, a register.")


class Retention(RetentionTerms):
    """How long data are kept, and where the statement gives other periods for the same data, per storage place."""

    places: list[PlaceRetention] = Field(
        default_factory=_no_entries,
        description="Other periods for the same data in other storage places ('back-ups are overwritten after 3 months').",
    )

    @property
    def is_stated(self) -> bool:
        """Whether it tells how long; given per place only, every place must tell it."""
        own = super().is_stated
        return own or (bool(self.places) and all(place.is_stated for place in self.places))


class StatementRetention(Retention):
    """Statement-wide retention: a default for every purpose and data category without their own, and its
    maximum an upper bound on every period in the statement (or on those of the people it applies to)."""

    maximum_applies_to: list[Text] = Field(
        default_factory=_no_entries,
        description="The people the maximum applies to, named as purposes[].data_subjects name them ('niet langer dan "
        "7 jaar na afloop van uw contract': [klanten]); leave it out where it applies to everyone.",
    )


class DataCategory(Model):
    """A category of personal data."""

    id: Identifier = Field(description="Unique id that purposes refer to, such as contact: lower-case letters, digits, '-', '_' or '.'.")
    name: Text | None = Field(None, description="Name of the category as the statement gives it, such as Contact details.")
    items: list[Text] = Field(default_factory=_no_entries, description="What the category contains: name, address, ...")
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
    retention: Retention | None = Field(None, description="How long data of this category are kept, where the statement says so per category.")


class Disclosure(Model):
    """Data given to a recipient only when a condition is met, not as part of a purpose's routine."""

    kind: DisclosureKind | None = Field(
        None,
        description="authority_request (the police, a court or an authority asks or orders), legal_obligation "
        "(the law requires it), consent (only when the person asks or agrees), event (a takeover, a legal claim).",
    )
    condition: Text | None = Field(None, description="The condition, in the statement's own words.")
    law: Text | None = Field(None, description="The law that requires or allows the disclosure, where the statement names one.")


#: What ``arrangement`` holds, for recipients and services alike.
ARRANGEMENT = (
    "Where it is a joint controller (role: joint_controller, Art. 26): the essence of the arrangement between the "
    "controllers (who does what, where to exercise one's rights), or where it is made available, in the statement's words."
)


class Recipient(Model):
    """A recipient, or a category of recipients."""

    id: Identifier = Field(description="Unique id that purposes and transfers refer to, such as payment-provider: lower-case letters, digits, '-', '_' or '.'.")
    name: Text | None = Field(None, description="Name of the recipient, or of the category of recipients.")
    description: Text | None = Field(None, description="What the statement says about the recipient, in its own words.")
    role: RecipientRole | None = Field(None, description="Its role under the GDPR, such as processor or controller.")
    arrangement: Text | None = Field(None, description=ARRANGEMENT)
    country: CountryCode | None = Field(None, description="Where the recipient processes the data: a country code such as US.")
    all_purposes: StrictBool = Field(
        False, description="The statement names this recipient for its processing as a whole, not for particular purposes."
    )
    disclosure: Disclosure | None = Field(
        None, description="Data go to this recipient only on a condition (a legal order, a takeover): not a purpose."
    )


class PurposeDenials(Model):
    """What the statement says explicitly does not happen for one purpose, in its own words."""

    storage: Text | None = Field(None, description="Nothing is stored by the controller itself for this purpose.")


class Purpose(Model):
    """A purpose of processing, with everything Art. 13(1)(c)-(e) and 13(2)(a) ask for it."""

    id: Identifier = Field(description="Unique id of the purpose, such as customer-service: lower-case letters, digits, '-', '_' or '.'.")
    name: Text | None = Field(None, description="Name of the purpose as the statement gives it, such as Answering questions.")
    section: Text | None = Field(None, description="Where the purpose comes from in the statement (section number or heading).")
    description: Text | None = Field(None, description="What the statement says about the purpose, in its own words.")
    legal_bases: list[LegalBasis] = Field(default_factory=_no_entries, description="Art. 6(1) bases; several allowed.")
    law: Text | None = Field(
        None, description="The law behind its legal obligation or public task (Art. 6(3)), such as 'Wet op het financieel toezicht'."
    )
    legitimate_interest: Text | None = Field(None, description="The interest pursued, where legitimate_interests is a basis.")
    consent_mechanism: Text | None = Field(None, description="How consent for this purpose is given, in the statement's words.")
    consent_given_to: Text | None = Field(
        None, description="Where the consent it rests on was given to another party (a bank, a data provider): who that is."
    )
    consent: ConsentMechanism | None = Field(
        None,
        description="How the consent the statement speaks of for this purpose is obtained: opt_in (a clear affirmative "
        "act), opt_out (assumed unless the person says no; a pre-ticked box), implied (silence, inactivity, going on "
        "using the service) or bundled (given with accepting a contract, the terms or the statement). Its words go in "
        "consent_mechanism.",
    )
    direct_marketing: StrictBool = Field(
        False, description="The purpose is direct marketing (offers, newsletters, canvassing): objection always applies (Art. 21(2))."
    )
    data: list[Identifier] = Field(default_factory=_no_entries, description="Ids of data_categories, such as [contact, payment].")
    data_subjects: list[Text] = Field(default_factory=_no_entries, description="Whose data: customers, visitors, applicants, ...")
    recipients: list[Identifier] = Field(default_factory=_no_entries, description="Ids of recipients, such as [payment-provider].")
    retention: Retention | None = Field(None, description="How long data for this purpose are kept (Art. 13(2)(a)).")
    quote: Quote | None = Field(None, description="The statement's own words for this purpose, exactly as published; several passages as a list.")
    none: PurposeDenials | None = Field(None, description="What the statement says explicitly does not happen for this purpose.")

    @property
    def label(self) -> str:
        """How findings name the purpose: its id, and its section where known."""
        return f"{self.id!r} (section {self.section})" if self.section else repr(self.id)


class Transfer(Model):
    """A transfer of personal data outside the EEA (Art. 13(1)(f))."""

    destination: Text | None = Field(None, description="Country, region or international organisation.")
    recipients: list[Identifier] = Field(default_factory=_no_entries, description="Ids of recipients, such as [cloud-host].")
    safeguard: Safeguard | Annotated[list[Safeguard], Field(min_length=1)] | None = Field(
        None, description="The adequacy decision or Art. 46/47/49 ground; a list where the statement names several."
    )
    description: Text | None = Field(None, description="What the statement says about the transfer, in its own words.")
    copy_available: Text | None = Field(None, description="How to obtain a copy of the safeguard.")
    quote: Quote | None = Field(None, description="The statement's own words on this transfer, exactly as published; several passages as a list.")
    countries: list[CountryCode] = Field(
        default_factory=_no_entries,
        description="The destination countries as ISO 3166-1 codes, such as [US, IN], where the statement names them.",
    )
    destination_unspecified: StrictBool = Field(
        False,
        description="The statement names no destination beyond 'outside the EEA', 'a third country' or the like.",
    )
    services: list[Identifier] = Field(default_factory=_no_entries, description="Ids of services the transfer concerns, such as [google-analytics].")
    safeguard_named_as: SafeguardNamedAs | None = Field(
        None,
        description="How the statement names the safeguard: stated (the default), example ('such as standard "
        "contractual clauses'), or alternatives (a list of mechanisms, 'and/or', without saying which applies).",
    )
    possible: StrictBool = Field(
        False,
        description="The statement says only that the transfer may happen ('het kan voorkomen', 'if we use providers "
        "outside the EEA'), not whether it does.",
    )

    @property
    def safeguards(self) -> tuple[Safeguard, ...]:
        """The recorded safeguards, one or several, as a tuple."""
        if self.safeguard is None:
            return ()
        return tuple(self.safeguard) if isinstance(self.safeguard, list) else (self.safeguard,)


class Service(Model):
    """A third-party service that receives personal data: analytics, advertising tags, social plugins, maps,
    fonts, video, chat, mailing, hosting, payments."""

    id: Identifier | None = Field(None, description="An id to refer to it from transfers and cookies, such as google-analytics.")
    name: Text = Field(description="The service as the statement names it, such as Google Analytics or Mailchimp.")
    provider: Text | None = Field(None, description="The company behind it, as the statement names it.")
    purpose: Text | None = Field(None, description="What the service is used for, in the statement's words.")
    kind: ServiceKind | None = Field(
        None,
        description="What the service does (analytics, advertising, tag_manager, social, maps, mailing, ...), where its "
        "name does not tell privlint's registry of services.",
    )
    role: RecipientRole | None = Field(None, description="Its role under the GDPR, such as processor or controller.")
    arrangement: Text | None = Field(None, description=ARRANGEMENT)
    country: CountryCode | None = Field(
        None, description="Where the service processes the data, where the statement says: a country code such as US."
    )
    registry: Identifier | None = Field(
        None,
        description="The id of the entry in privlint's registry of services (docs/service-registry.md), such as "
        "google-analytics, where its name alone does not match one.",
    )
    self_hosted: StrictBool = Field(
        False,
        description="The statement says its files are served from the controller's own servers (fonts or scripts "
        "hosted locally), so nothing reaches the provider.",
    )


class Cookie(Model):
    """A cookie or similar technology (pixel, local storage, SDK) the statement describes."""

    id: Identifier | None = Field(None, description="An id for the cookie, such as analytics-id.")
    name: Text | None = Field(None, description="The cookie or technology, such as _ga or Meta Pixel.")
    category: CookiePurpose | None = Field(
        None, description="What it is for: functional, analytics, advertising, social, embedded, personalisation."
    )
    description: Text | None = Field(None, description="What the statement says about it, in its own words.")
    party: CookieParty | None = Field(None, description="first (the controller's own) or third (another organisation's).")
    provider: Text | None = Field(None, description="Who places or reads a third-party cookie, as the statement names it.")
    service: Identifier | None = Field(None, description="The id of the services entry it belongs to, such as google-analytics.")
    consent: CookieConsent | None = Field(
        None,
        description="How consent is obtained: opt_in, opt_out, implied (by continued use), browser_settings, "
        "cookie_wall, or not_asked. Leave it out where the statement does not say.",
    )
    exemption: CookieExemption | None = Field(
        None,
        description="The exemption from consent the statement relies on: functional or low_impact_analytics "
        "(NL, Tw art. 11.7a), strictly_necessary (BE art. 10/2 Act of 30 July 2018).",
    )


class CookieStatement(Model):
    """A separate cookie statement (cookie policy) the privacy statement refers to for its cookies."""

    url: Text | None = Field(None, description="Where it is published, as the statement gives it.")
    text: Text | None = Field(None, description="The statement's words that refer to it.")


class RightWords(Model):
    """The statement's own words about rights, by right."""

    access: Text | None = Field(None, description="What the statement says about the right of access (Art. 15).")
    rectification: Text | None = Field(None, description="What the statement says about the right to rectification (Art. 16).")
    erasure: Text | None = Field(None, description="What the statement says about the right to erasure (Art. 17).")
    restriction: Text | None = Field(None, description="What the statement says about the right to restriction of processing (Art. 18).")
    objection: Text | None = Field(None, description="What the statement says about the right to object (Art. 21(1)).")
    objection_to_direct_marketing: Text | None = Field(None, description="What the statement says about the right to object to direct marketing (Art. 21(2)).")
    portability: Text | None = Field(None, description="What the statement says about the right to data portability (Art. 20).")
    withdraw_consent: Text | None = Field(None, description="What the statement says about the right to withdraw consent (Art. 7(3)).")
    complaint: Text | None = Field(None, description="What the statement says about the right to lodge a complaint with a supervisory authority (Art. 77).")

    def items(self) -> list[tuple[Right, str]]:
        """The rights given here with their words, in the order of the Right list."""
        return [(right, text) for right in Right if (text := getattr(self, right.value)) is not None]


class Exclusion(Model):
    """A right the statement declares not applicable, and why."""

    ground: ExclusionGround | None = Field(
        None,
        description="art_11_2 (the person cannot be identified), art_17_3 (erasure: legal obligation, public task, "
        "legal claims), art_20_1 (portability: nothing rests on consent or contract), art_20_3 (portability: public task), "
        "art_21 (objection: nothing rests on public task or legitimate interests, no direct marketing).",
    )
    text: Text | None = Field(None, description="The statement's own words.")


class RightExclusions(Model):
    """Rights the statement declares not applicable, by right."""

    access: Exclusion | None = Field(None, description="Why the right of access (Art. 15) does not apply, as the statement says.")
    rectification: Exclusion | None = Field(None, description="Why the right to rectification (Art. 16) does not apply, as the statement says.")
    erasure: Exclusion | None = Field(None, description="Why the right to erasure (Art. 17) does not apply, as the statement says.")
    restriction: Exclusion | None = Field(None, description="Why the right to restriction of processing (Art. 18) does not apply, as the statement says.")
    objection: Exclusion | None = Field(None, description="Why the right to object (Art. 21(1)) does not apply, as the statement says.")
    objection_to_direct_marketing: Exclusion | None = Field(None, description="Why the right to object to direct marketing (Art. 21(2)) does not apply, as the statement says.")
    portability: Exclusion | None = Field(None, description="Why the right to data portability (Art. 20) does not apply, as the statement says.")
    withdraw_consent: Exclusion | None = Field(None, description="Why the right to withdraw consent (Art. 7(3)) does not apply, as the statement says.")
    complaint: Exclusion | None = Field(None, description="Why the right to lodge a complaint with a supervisory authority (Art. 77) does not apply, as the statement says.")

    def items(self) -> list[tuple[Right, Exclusion]]:
        """The rights given here with their exclusion, in the order of the Right list."""
        return [(right, exclusion) for right in Right if (exclusion := getattr(self, right.value)) is not None]


class RequestFee(Model):
    """A fee the statement says it may charge for requests about rights."""

    text: Text = Field(description="The statement's words on the fee.")
    ground: FeeGround | None = Field(
        None,
        description="The ground the statement gives for it: unfounded_or_excessive (manifestly unfounded or excessive "
        "requests, Art. 12(5)) or further_copies (copies beyond the first, Art. 15(3)); leave it out where it gives none.",
    )


class Rights(Model):
    """The rights the statement offers and how to use them (Art. 12, 13(2)(b)-(d)).

    A right is in ``offered`` when the statement states it as the law gives it; a right it
    states narrower, only by a link to another site, or declares not applicable goes under
    ``narrowed``, ``link_only`` or ``not_applicable`` instead, with the statement's words.
    """

    offered: list[Right] = Field(default_factory=_no_entries, description="The rights the statement states as the law gives them.")
    narrowed: RightWords | None = Field(
        None, description="Rights the statement states narrower than the law gives them ('we erase outdated data on request'), with its words."
    )
    link_only: RightWords | None = Field(
        None, description="Rights the statement gives only by a link to another site ('your rights are on the AP's website'), with its words."
    )
    not_applicable: RightExclusions | None = Field(
        None, description="Rights the statement declares not applicable, each with its ground and words."
    )
    addressed_to: Audience | None = Field(
        None,
        description="The people the statement addresses the rights to ('Als klant van ... heeft u de volgende rechten'), "
        "where it names them; leave it out where the rights are for everyone.",
    )
    how: Text | None = Field(None, description="How to exercise the rights, all of them.")
    channels: RightWords | None = Field(
        None,
        description="Where the statement says for each right on its own how to exercise it: its words, by right "
        "('Inzage: u kunt dat aanvragen in uw account').",
    )
    contact: Contact | None = Field(None, description="Where to send requests, where it differs from the controller.")
    response_time: IsoDuration | None = Field(None, description="The promised answer time, such as P1M.")
    response_extension: IsoDuration | None = Field(None, description="The further time the statement reserves, such as P2M.")
    fee: RequestFee | None = Field(
        None, description="What the statement says a request costs, where it speaks of a fee (Art. 12(5), 15(3))."
    )

    def mentions(self, right: Right) -> bool:
        """Whether the statement says anything about the right: stated, narrowed, by a link, or not applicable."""
        return right in self.offered or any(
            group is not None and getattr(group, right.value) is not None
            for group in (self.narrowed, self.link_only, self.not_applicable)
        )


class SupervisoryAuthority(Model):
    """The authority the statement names for complaints (Art. 13(2)(d), 77)."""

    name: Text | None = Field(None, description="Name of the authority, such as Autoriteit Persoonsgegevens.")
    country: CountryCode | None = Field(None, description="Its country: a country code such as NL.")
    url: Text | None = Field(None, description="Its web address, such as https://autoriteitpersoonsgegevens.nl.")


class AutomatedDecision(Model):
    """Automated decision-making, including profiling (Art. 13(2)(f), 22)."""

    id: Identifier | None = Field(None, description="An id for the decision, such as credit-check: lower-case letters, digits, '-', '_' or '.'.")
    description: Text | None = Field(None, description="What is decided automatically, in the statement's words.")
    profiling: StrictBool = Field(False, description="Whether it is profiling (Art. 4(4)).")
    logic: Text | None = Field(None, description="Meaningful information about the logic involved.")
    significance: Text | None = Field(None, description="The significance and envisaged consequences for the person.")
    legal_effect: StrictBool | None = Field(
        None,
        description="Whether it is a decision based solely on automated processing with legal or similarly "
        "significant effects (Art. 22(1)), such as refusing a contract; false for profiling that only selects offers.",
    )
    human_intervention: StrictBool | None = Field(None, description="Whether the person can obtain human intervention (Art. 22(3)).")
    contest: StrictBool | None = Field(
        None,
        description="Whether the statement says the person can contest the decision (Art. 22(3), recital 71: "
        "'to challenge the decision'), not only ask questions about it or speak to someone.",
    )
    quote: Quote | None = Field(None, description="The statement's own words on this decision, exactly as published; several passages as a list.")


class Denials(Model):
    """What the statement says explicitly does not happen, each in the statement's own words.

    Silence and a denial are different facts. Leave a key out where the statement says nothing;
    give it where the statement denies: the rules that report silence accept a denial, and the
    rest of the manifest must not contradict it (``contradicted-denial``).
    """

    transfers: Text | None = Field(None, description="No transfer outside the EEA ('We do not transfer your data outside the EEA.').")
    automated_decisions: Text | None = Field(None, description="No automated decision-making or profiling (Art. 22).")
    dpo: Text | None = Field(None, description="No data protection officer is designated.")
    data_from_others: Text | None = Field(None, description="No data are obtained from anyone but the person (Art. 14).")
    recipients: Text | None = Field(
        None, description="Data go to no one at all; not 'no third parties', which still allows processors."
    )
    storage: Text | None = Field(
        None, description="The controller stores nothing itself ('we store nothing; the booking service does')."
    )
    cookies: Text | None = Field(
        None, description="No cookies or similar technologies are used ('Deze website gebruikt geen cookies.')."
    )


class OpenLists(Model):
    """Lists the statement declares open ('o.a. de volgende derden', 'de belangrijkste verwerkingen'), each with its words.

    The entries of a list stay as the statement gives them; this records only that the
    statement says there are more it does not name.
    """

    purposes: Text | None = Field(None, description="The purposes: 'In dit onderdeel zijn de belangrijkste verwerkingen opgesomd'.")
    data_categories: Text | None = Field(
        None, description="The data, as categories or the items of one: 'Dit zijn onder andere:'."
    )
    recipients: Text | None = Field(
        None, description="The recipients: 'OPTIMORE schakelt o.a. de volgende derden in:', 'waaronder bijvoorbeeld'."
    )

    def items(self) -> list[tuple[str, str]]:
        """The open lists given here, with the statement's words, in the order of the manifest."""
        return [(name, text) for name in type(self).model_fields if (text := getattr(self, name)) is not None]


class Manifest(Model):
    """A privacy statement, as a privlint manifest."""

    model_config = ConfigDict(
        title="privlint privacy-statement manifest",
        json_schema_extra={"$id": SCHEMA_ID},
    )

    privlint: Literal[1] = Field(description="The manifest format version.")
    _text_per_language: bool = PrivateAttr(default=False)
    statement: Statement = Field(default_factory=Statement, description="The privacy statement as published: title, language, address, when it last changed.")
    controller: Controller | None = Field(None, description="Who is responsible for the processing: name, address, contact (Art. 13(1)(a)).")
    dpo: Dpo | None = Field(None, description="The data protection officer, where one is designated (Art. 13(1)(b)).")
    general_legal_bases: list[GeneralLegalBasis] = Field(
        default_factory=_no_entries, description="Legal bases the statement lists without tying them to purposes."
    )
    purposes: list[Purpose] = Field(default_factory=_no_entries, description="Every purpose of processing, with its legal basis, data, recipients and retention.")
    data_categories: list[DataCategory] = Field(default_factory=_no_entries, description="The categories of personal data that purposes refer to by id.")
    recipients: list[Recipient] = Field(default_factory=_no_entries, description="Recipients or categories of recipients that purposes and transfers refer to by id.")
    transfers: list[Transfer] = Field(default_factory=_no_entries, description="Transfers of personal data outside the EEA (Art. 13(1)(f)).")
    services: list[Service] = Field(
        default_factory=_no_entries, description="Third-party services that receive personal data, built into the site or used to run it."
    )
    cookies: list[Cookie] = Field(default_factory=_no_entries, description="Cookies and similar technologies.")
    cookie_statement: CookieStatement | None = Field(
        None, description="A separate cookie statement the privacy statement refers to for its cookies."
    )
    retention: StatementRetention | None = Field(None, description="Retention that applies to the statement as a whole: a default and an upper bound.")
    rights: Rights | None = Field(None, description="The rights the statement offers and how to use them (Art. 13(2)(b)-(d)).")
    supervisory_authority: SupervisoryAuthority | None = Field(None, description="The authority the statement names for complaints (Art. 13(2)(d), 77).")
    automated_decisions: list[AutomatedDecision] = Field(default_factory=_no_entries, description="Automated decision-making, including profiling (Art. 22).")
    none: Denials | None = Field(None, description="What the statement says explicitly does not happen, in its own words.")
    open_lists: OpenLists | None = Field(
        None, description="Lists the statement declares open ('o.a.', 'onder andere', 'de belangrijkste'), with its words."
    )

    def bases_of(self, purpose: Purpose) -> tuple[LegalBasis, ...]:
        """The legal bases a purpose rests on: its own, else the statement's one basis for everything.

        Where the statement gives a single basis in general ("we process all data to perform the
        contract") and no purpose names another, that basis covers every purpose that names none.
        Several general bases, or a general basis beside purposes on other bases, cover none.
        """
        if purpose.legal_bases:
            return tuple(purpose.legal_bases)
        general = {entry.basis for entry in self.general_legal_bases}
        if len(general) == 1 and all(set(other.legal_bases) <= general for other in self.purposes):
            return tuple(general)
        return ()

    @property
    def relied_bases(self) -> frozenset[LegalBasis]:
        """Every legal basis some processing rests on: of purposes, general bases, disclosures on consent
        and special data on explicit consent. Empty when the statement names no basis at all."""
        bases = {basis for purpose in self.purposes for basis in purpose.legal_bases}
        bases |= {entry.basis for entry in self.general_legal_bases}
        if any(category.condition is SpecialCondition.explicit_consent for category in self.data_categories) or any(
            recipient.disclosure is not None and recipient.disclosure.kind is DisclosureKind.consent
            for recipient in self.recipients
        ):
            bases.add(LegalBasis.consent)
        return frozenset(bases)

    @model_validator(mode="wrap")
    @classmethod
    def _in_the_statements_language(
        cls, data: Any, handler: ModelWrapValidatorHandler[Manifest], info: ValidationInfo
    ) -> Manifest:
        # Free text given per language reads, as a string, in the statement's own language.
        statement = data.get("statement") if isinstance(data, dict) else None
        language = statement.get("language") if isinstance(statement, dict) else None
        with preferring(language if isinstance(language, str) else None) as reading:
            if isinstance(info.context, dict) and CONSUME_ENTRIES in info.context and isinstance(data, dict):
                info.context[CONSUME_ENTRIES] = _validate_entries_in_place(data)
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


#: The key of a validation context (a dict) that lets Manifest validate its long lists entry by entry
#: in the data it is given, each entry replaced by its model, so that a manifest of hundreds of
#: thousands of entries never holds every entry's data and model at once. The context's value
#: becomes whether any entry was replaced: the data is then no longer the document's.
CONSUME_ENTRIES = "consume entries"
LONG_LIST = 1_000  # entries: shorter lists are validated with the manifest, as they are written


def _entry_models() -> dict[str, type[Model]]:
    """The list fields of a manifest whose entries are models, with the model."""
    models = {}
    for name, field in Manifest.model_fields.items():
        entry = getattr(field.annotation, "__args__", (None,))[0]
        if field.default_factory is _no_entries and isinstance(entry, type) and issubclass(entry, Model):
            models[name] = entry
    return models


def _validate_entries_in_place(data: dict[str, Any]) -> bool:
    """Replace each entry of the long lists of ``data`` by its model, until one is invalid (the manifest's
    own validation then says what is wrong, and where). Whether any entry was replaced."""
    replaced = False
    for name, model in _ENTRY_MODELS.items():
        entries = data.get(name)
        if type(entries) is not list or len(entries) < LONG_LIST:
            continue
        for index, entry in enumerate(entries):
            try:
                entries[index] = model.model_validate(entry)
            except ValidationError:
                return True
            replaced = True
    return replaced


def _read_from_class(models: list[type[Model]]) -> None:
    """Each field with a plain default (or an empty list) gets it as a class attribute, read where an
    entry leaves the field out. Done once every model is defined: pydantic would take a class
    attribute seen while it defines a subclass for that subclass's field."""
    for model in models:
        for name, field in model.model_fields.items():
            if field.default_factory is _no_entries:
                setattr(model, name, _NO_ITEMS)
            elif field.default_factory is None and not field.is_required():
                setattr(model, name, field.default)
        _DEFAULTS[model] = frozenset(name for name in model.model_fields if name in vars(model))


_read_from_class([model for model in list(globals().values()) if isinstance(model, type) and issubclass(model, Model)])
_ENTRY_MODELS = _entry_models()
