"""The fixed wording of a rendered statement that depends on a value in the manifest.

Each label is an English message id; ``privlint.render.catalog`` translates it.
``N_`` only marks a string for extraction into the catalogue.
"""

from __future__ import annotations

from privlint.model.vocabulary import (
    CookieConsent,
    CookieExemption,
    CookieParty,
    CookiePurpose,
    DisclosureKind,
    ExclusionGround,
    LegalBasis,
    RecipientRole,
    Right,
    Safeguard,
    SpecialCategory,
    SpecialCondition,
)


def N_(message: str) -> str:
    return message


LEGAL_BASES = {
    LegalBasis.consent: N_("your consent (Art. 6(1)(a) GDPR)"),
    LegalBasis.contract: N_("the performance of a contract with you, or steps before entering into one (Art. 6(1)(b) GDPR)"),
    LegalBasis.legal_obligation: N_("a legal obligation we have (Art. 6(1)(c) GDPR)"),
    LegalBasis.vital_interests: N_("protecting your vital interests or those of another person (Art. 6(1)(d) GDPR)"),
    LegalBasis.public_task: N_("a task in the public interest or in the exercise of official authority (Art. 6(1)(e) GDPR)"),
    LegalBasis.legitimate_interests: N_("our legitimate interests (Art. 6(1)(f) GDPR)"),
}

RIGHTS = {
    Right.access: N_("Access: you can ask which personal data we process about you and receive a copy (Art. 15 GDPR)."),
    Right.rectification: N_("Rectification: you can have incorrect or incomplete data corrected (Art. 16 GDPR)."),
    Right.erasure: N_("Erasure: you can ask us to delete your data (Art. 17 GDPR)."),
    Right.restriction: N_("Restriction: you can ask us to process your data only in a limited way for a while (Art. 18 GDPR)."),
    Right.objection: N_("Objection: you can object to processing based on our legitimate interests (Art. 21(1) GDPR)."),
    Right.objection_to_direct_marketing: N_("Objection to direct marketing: you can always object to the use of your data for direct marketing, and we then stop (Art. 21(2)-(3) GDPR)."),
    Right.portability: N_("Data portability: you can receive the data you gave us in a common machine-readable format, or have them sent to another organisation (Art. 20 GDPR)."),
    Right.withdraw_consent: N_("Withdrawing consent: where we process data with your consent, you can withdraw it at any time; this does not affect processing before the withdrawal (Art. 7(3) GDPR)."),
    Right.complaint: N_("Complaint: you can lodge a complaint with a supervisory authority (Art. 77 GDPR)."),
}

SHORT_RIGHTS = {
    Right.access: N_("access"),
    Right.rectification: N_("rectification"),
    Right.erasure: N_("erasure"),
    Right.restriction: N_("restriction of processing"),
    Right.objection: N_("objection"),
    Right.objection_to_direct_marketing: N_("objection to direct marketing"),
    Right.portability: N_("data portability"),
    Right.withdraw_consent: N_("withdrawal of consent"),
    Right.complaint: N_("a complaint to the supervisory authority"),
}

SAFEGUARDS = {
    Safeguard.adequacy_decision: N_("an adequacy decision of the European Commission (Art. 45 GDPR)"),
    Safeguard.standard_contractual_clauses: N_("the standard contractual clauses of the European Commission (Art. 46(2)(c) GDPR)"),
    Safeguard.binding_corporate_rules: N_("binding corporate rules (Art. 47 GDPR)"),
    Safeguard.code_of_conduct: N_("an approved code of conduct (Art. 46(2)(e) GDPR)"),
    Safeguard.certification: N_("an approved certification mechanism (Art. 46(2)(f) GDPR)"),
    Safeguard.ad_hoc_contractual_clauses: N_("contractual clauses authorised by a supervisory authority (Art. 46(3)(a) GDPR)"),
    Safeguard.derogation: N_("a derogation for a specific situation (Art. 49 GDPR)"),
}

ROLES = {
    RecipientRole.processor: N_("processor, working on our instructions"),
    RecipientRole.controller: N_("independent controller"),
    RecipientRole.joint_controller: N_("joint controller with us"),
    RecipientRole.authority: N_("public authority"),
    RecipientRole.group_company: N_("company of our group"),
}

SPECIAL_CATEGORIES = {
    SpecialCategory.racial_or_ethnic_origin: N_("racial or ethnic origin"),
    SpecialCategory.political_opinions: N_("political opinions"),
    SpecialCategory.religious_or_philosophical_beliefs: N_("religious or philosophical beliefs"),
    SpecialCategory.trade_union_membership: N_("trade union membership"),
    SpecialCategory.genetic: N_("genetic data"),
    SpecialCategory.biometric: N_("biometric data"),
    SpecialCategory.health: N_("health data"),
    SpecialCategory.sex_life_or_sexual_orientation: N_("sex life or sexual orientation"),
}

SPECIAL_CONDITIONS = {
    SpecialCondition.explicit_consent: N_("your explicit consent (Art. 9(2)(a) GDPR)"),
    SpecialCondition.employment_and_social_security: N_("obligations in employment and social security law (Art. 9(2)(b) GDPR)"),
    SpecialCondition.vital_interests: N_("protecting vital interests (Art. 9(2)(c) GDPR)"),
    SpecialCondition.not_for_profit_body: N_("the activities of a not-for-profit body (Art. 9(2)(d) GDPR)"),
    SpecialCondition.made_public_by_the_person: N_("data you have made public yourself (Art. 9(2)(e) GDPR)"),
    SpecialCondition.legal_claims: N_("legal claims (Art. 9(2)(f) GDPR)"),
    SpecialCondition.substantial_public_interest: N_("a substantial public interest (Art. 9(2)(g) GDPR)"),
    SpecialCondition.health_or_social_care: N_("health or social care (Art. 9(2)(h) GDPR)"),
    SpecialCondition.public_health: N_("public health (Art. 9(2)(i) GDPR)"),
    SpecialCondition.archiving_research_statistics: N_("archiving, research or statistics (Art. 9(2)(j) GDPR)"),
}

COOKIE_PURPOSES = {
    CookiePurpose.functional: N_("functional: needed for the site or a service you ask for"),
    CookiePurpose.analytics: N_("analytics: measuring visits and use"),
    CookiePurpose.advertising: N_("advertising and marketing"),
    CookiePurpose.social: N_("social media"),
    CookiePurpose.embedded: N_("content from another site built into ours"),
    CookiePurpose.personalisation: N_("personalisation"),
}

COOKIE_PARTIES = {
    CookieParty.first: N_("placed by us"),
    CookieParty.third: N_("placed by another organisation"),
}

COOKIE_CONSENT = {
    CookieConsent.opt_in: N_("only with your consent, asked before it is placed"),
    CookieConsent.opt_out: N_("placed unless you object"),
    CookieConsent.implied: N_("placed when you continue to use the site"),
    CookieConsent.browser_settings: N_("you can refuse it in your browser's settings"),
    CookieConsent.cookie_wall: N_("the site can only be used if you accept it"),
    CookieConsent.not_asked: N_("placed without asking for consent"),
}

COOKIE_EXEMPTIONS = {
    CookieExemption.functional: N_("no consent is needed: it is functional"),
    CookieExemption.low_impact_analytics: N_("no consent is needed: analytics with little or no effect on your privacy"),
    CookieExemption.strictly_necessary: N_("no consent is needed: it is strictly necessary"),
}

DISCLOSURES = {
    DisclosureKind.authority_request: N_("only when an authority, the police or a court asks or orders it"),
    DisclosureKind.legal_obligation: N_("only where the law requires it"),
    DisclosureKind.consent: N_("only when you ask for it or agree"),
    DisclosureKind.event: N_("only on a particular event, such as a takeover or a legal claim"),
}

EXCLUSION_GROUNDS = {
    ExclusionGround.art_11_2: N_("we cannot identify you from the data we hold (Art. 11(2) GDPR)"),
    ExclusionGround.art_17_3: N_("we must keep the data, for a legal obligation, a task in the public interest or legal claims (Art. 17(3) GDPR)"),
    ExclusionGround.art_20_1: N_("none of the processing rests on consent or a contract (Art. 20(1) GDPR)"),
    ExclusionGround.art_20_3: N_("the processing is a task in the public interest (Art. 20(3) GDPR)"),
    ExclusionGround.art_21: N_("none of the processing rests on a public task or legitimate interests, and we do no direct marketing (Art. 21 GDPR)"),
}

#: Every label table, by the vocabulary it labels (a test holds each table to its vocabulary).
TABLES = {
    LegalBasis: LEGAL_BASES,
    Right: RIGHTS,
    Safeguard: SAFEGUARDS,
    RecipientRole: ROLES,
    SpecialCategory: SPECIAL_CATEGORIES,
    SpecialCondition: SPECIAL_CONDITIONS,
    CookiePurpose: COOKIE_PURPOSES,
    CookieParty: COOKIE_PARTIES,
    CookieConsent: COOKIE_CONSENT,
    CookieExemption: COOKIE_EXEMPTIONS,
    DisclosureKind: DISCLOSURES,
    ExclusionGround: EXCLUSION_GROUNDS,
}
