"""The closed lists of the manifest format: legal bases, rights and the grounds for declaring one not
applicable, special categories and conditions, transfer safeguards, recipient roles and kinds of disclosure.

The models in privlint.model.manifest use them, and so do checks; they are kept apart from the models so
that a check can name them without loading pydantic (a run served from the cache needs no model).
"""

from __future__ import annotations

from enum import Enum


class LegalBasis(str, Enum):
    """The six legal bases of GDPR Art. 6(1)."""

    consent = "consent"
    contract = "contract"
    legal_obligation = "legal_obligation"
    vital_interests = "vital_interests"
    public_task = "public_task"
    legitimate_interests = "legitimate_interests"


class Right(str, Enum):
    """Data-subject rights a statement can offer (Art. 13(2)(b)-(d))."""

    access = "access"
    rectification = "rectification"
    erasure = "erasure"
    restriction = "restriction"
    objection = "objection"
    objection_to_direct_marketing = "objection_to_direct_marketing"
    portability = "portability"
    withdraw_consent = "withdraw_consent"
    complaint = "complaint"


class ExclusionGround(str, Enum):
    """Grounds a statement can give for declaring a right not applicable."""

    art_11_2 = "art_11_2"  # the controller cannot identify the person: Art. 15-20 do not apply
    art_17_3 = "art_17_3"  # erasure: the data are needed for a legal obligation, a public task, legal claims ...
    art_20_1 = "art_20_1"  # portability: nothing rests on consent or contract
    art_20_3 = "art_20_3"  # portability: processing for a public task
    art_21 = "art_21"  # objection: nothing rests on public task or legitimate interests, no direct marketing


class SpecialCategory(str, Enum):
    """The special categories of personal data of Art. 9(1)."""

    racial_or_ethnic_origin = "racial_or_ethnic_origin"
    political_opinions = "political_opinions"
    religious_or_philosophical_beliefs = "religious_or_philosophical_beliefs"
    trade_union_membership = "trade_union_membership"
    genetic = "genetic"
    biometric = "biometric"
    health = "health"
    sex_life_or_sexual_orientation = "sex_life_or_sexual_orientation"


class SpecialCondition(str, Enum):
    """The conditions of Art. 9(2)(a)-(j) that lift the ban on special categories."""

    explicit_consent = "explicit_consent"
    employment_and_social_security = "employment_and_social_security"
    vital_interests = "vital_interests"
    not_for_profit_body = "not_for_profit_body"
    made_public_by_the_person = "made_public_by_the_person"
    legal_claims = "legal_claims"
    substantial_public_interest = "substantial_public_interest"
    health_or_social_care = "health_or_social_care"
    public_health = "public_health"
    archiving_research_statistics = "archiving_research_statistics"


class Safeguard(str, Enum):
    """Grounds for a transfer outside the EEA (Art. 45-49)."""

    adequacy_decision = "adequacy_decision"
    standard_contractual_clauses = "standard_contractual_clauses"
    binding_corporate_rules = "binding_corporate_rules"
    code_of_conduct = "code_of_conduct"
    certification = "certification"
    ad_hoc_contractual_clauses = "ad_hoc_contractual_clauses"
    derogation = "derogation"


class RecipientRole(str, Enum):
    processor = "processor"
    controller = "controller"
    joint_controller = "joint_controller"
    authority = "authority"
    group_company = "group_company"


class FeeGround(str, Enum):
    """The grounds on which the GDPR lets a controller charge for a request about rights."""

    unfounded_or_excessive = "unfounded_or_excessive"  # manifestly unfounded or excessive requests (Art. 12(5))
    further_copies = "further_copies"  # further copies of the data (Art. 15(3))


class SafeguardNamedAs(str, Enum):
    """How the statement names the transfer mechanism it records."""

    stated = "stated"  # "we use the standard contractual clauses"
    example = "example"  # "such as standard contractual clauses", "bijvoorbeeld modelcontracten"
    alternatives = "alternatives"  # a menu: "an adequacy decision or one of the following safeguards ... and/or"


class EndedBy(str, Enum):
    """Who brings about the event that ends a retention (``retention.end_event``)."""

    controller = "controller"  # only the controller decides: dissolving the company, ending its own supplier contract
    data_subject = "data_subject"  # only an act of the person: objecting, unsubscribing, paying a debt
    other = "other"  # neither alone: the end of a contract term, a court's decision, a date set by law


class CookiePurpose(str, Enum):
    """What a cookie or similar technology (pixel, local storage, fingerprint) is used for."""

    functional = "functional"  # needed for the site or a service the person asks for: session, cart, language
    analytics = "analytics"  # measuring visits and use
    advertising = "advertising"  # advertising, marketing, retargeting, conversion tracking
    social = "social"  # social-media buttons, share and login plugins
    embedded = "embedded"  # third-party content built into a page: videos, maps, fonts from another server
    personalisation = "personalisation"  # content or offers tailored to behaviour


class CookieParty(str, Enum):
    """Who places or reads the cookie."""

    first = "first"  # the controller's own site
    third = "third"  # another organisation (name it in `provider`)


class CookieConsent(str, Enum):
    """How the statement says consent for a cookie is obtained, if at all."""

    opt_in = "opt_in"  # an affirmative act before the cookie is placed: a button, an unticked box
    opt_out = "opt_out"  # placed unless the person objects
    implied = "implied"  # by continuing to use, scroll or browse the site
    browser_settings = "browser_settings"  # "you can refuse cookies in your browser"
    cookie_wall = "cookie_wall"  # the site cannot be used without accepting
    not_asked = "not_asked"  # the statement says the cookie is placed without consent


class CookieExemption(str, Enum):
    """The exemption from consent a statement relies on for a cookie (ePrivacy Art. 5(3) as each country enacts it)."""

    functional = "functional"  # NL Tw art. 11.7a: functional cookies
    low_impact_analytics = "low_impact_analytics"  # NL Tw art. 11.7a: analytics with little or no impact on privacy
    strictly_necessary = "strictly_necessary"  # BE art. 10/2 Act of 30 July 2018 (and ePrivacy Art. 5(3))


class ConsentMechanism(str, Enum):
    """How the consent a purpose is said to rest on is obtained (Art. 4(11), 7; EDPB Guidelines 05/2020)."""

    opt_in = "opt_in"  # a clear affirmative act: an unticked box, a button, a signed form
    opt_out = "opt_out"  # assumed unless the person says no: "tenzij je hebt aangegeven dat je niet wilt", a pre-ticked box
    implied = "implied"  # inferred from silence, inactivity or going on using a service
    bundled = "bundled"  # given with accepting a contract, the terms or the statement, and not separately refusable


class ServiceKind(str, Enum):
    """What a third-party service does; privlint's registry of services uses the same kinds."""

    analytics = "analytics"  # measuring visits and use: Google Analytics, Matomo, Hotjar
    tag_manager = "tag_manager"  # loads other tags and scripts: Google Tag Manager
    advertising = "advertising"  # pixels, retargeting, conversion tracking: Meta Pixel, Google Ads
    social = "social"  # social networks, their pages and plugins
    maps = "maps"
    fonts = "fonts"
    video = "video"
    audio = "audio"
    captcha = "captcha"
    consent = "consent"  # consent management platforms
    support = "support"  # chat, messaging, help desks
    mailing = "mailing"
    crm = "crm"
    reviews = "reviews"
    scheduling = "scheduling"
    forms = "forms"
    collaboration = "collaboration"
    automation = "automation"
    payments = "payments"
    accounting = "accounting"
    hosting = "hosting"
    cdn = "cdn"


class DisclosureKind(str, Enum):
    """When data are disclosed to a recipient that is not part of a purpose's routine."""

    authority_request = "authority_request"  # the police, a court or an authority asks or orders
    legal_obligation = "legal_obligation"  # the law requires it (reporting to the tax authority)
    consent = "consent"  # only when the person asks for it or agrees
    event = "event"  # an event such as a takeover or a legal claim
