"""``privlint render``: the privacy statement, written from its manifest.

The templates (Jinja2, in ``templates/``; a team may override any of them with
``--template DIR``) lay the statement out in layers, as the transparency
guidelines (WP260, para. 35-38) recommend: first a short layer with who is
responsible, what the data are used for and the person's rights, then the
details per purpose and the rest of what Art. 13 and 14 ask for. Fixed wording
comes from the message catalogues (``privlint.render.catalog``); free text from
the manifest in the language asked for (``privlint.render.localize``).

Rendering is deterministic: the same manifest, language, format and templates
give the same bytes. Templates run in Jinja2's sandbox, so a template from a
pull request cannot reach into Python.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privlint.model.manifest import Manifest
from privlint.model.types import Duration, PartialDate
from privlint.render import labels
from privlint.render.catalog import translations
from privlint.render.localize import LanguageProblem, localize

FORMATS = {"md": "statement.md.j2", "html": "statement.html.j2"}


class TemplateProblem(Exception):
    """A template (one of the team's own) that cannot be loaded or fails while rendering."""


@dataclass(frozen=True)
class Rendered:
    text: str | None
    problems: list[LanguageProblem]


def render_statement(manifest: Manifest, language: str, output_format: str, template_dir: Path | None = None) -> Rendered:
    """The statement as text, or the reasons the manifest cannot be rendered in ``language``."""
    localized, problems = localize(manifest, language)
    if localized is None:
        return Rendered(None, problems)
    environment = _environment(language, output_format, template_dir)
    import jinja2

    try:
        template = environment.get_template(FORMATS[output_format])
        text = template.render(**_context(localized, language, environment))
    except jinja2.TemplateError as error:
        filename, line = getattr(error, "filename", None), getattr(error, "lineno", None)
        where = f"{filename}:{line}: " if filename else ""
        raise TemplateProblem(f"{where}{error.message or type(error).__name__}") from None
    return Rendered(_tidy(text, output_format), [])


def _environment(language: str, output_format: str, template_dir: Path | None) -> Any:
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("privlint.render", "templates")]
    if template_dir is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(template_dir)))
    environment = ImmutableSandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        extensions=["jinja2.ext.i18n"],
        lstrip_blocks=True,  # a line holding only a tag leaves an empty line, which _tidy removes
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    gettext = translations(language)
    environment.install_gettext_translations(gettext, newstyle=True)  # type: ignore[attr-defined]  # added by jinja2.ext.i18n at run time
    environment.filters.update(
        md=markdown_text,
        date=lambda value: format_date(value, language),
        duration=lambda value: format_duration(value, gettext.ngettext, gettext.gettext),
        label=lambda value, table: gettext.gettext(getattr(labels, table).get(value, str(value))),
        anchor=anchor,
    )
    return environment


def _context(manifest: Manifest, language: str, environment: Any) -> dict[str, Any]:
    words = _Words(translations(language), language)
    categories = {category.id: category for category in manifest.data_categories}
    recipients = {recipient.id: recipient for recipient in manifest.recipients}
    return {
        "m": manifest,
        "language": language,
        "controller_name": manifest.controller.name if manifest.controller and manifest.controller.name else None,
        "from_others": [category for category in manifest.data_categories if category.from_others],
        "category_text": lambda ids: [words.category(categories[i]) if i in categories else i for i in ids],
        "recipient_names": lambda ids: [str(recipients[i].name or i) if i in recipients else i for i in ids],
        "recipient_text": words.recipient,
        "retention_text": words.retention,
        "service_text": words.service,
        "cookie_text": words.cookie,
        "rights_offered": [right for right in labels.RIGHTS if right in (manifest.rights.offered if manifest.rights else ())],
        "denied": manifest.none,
    }


@dataclass(frozen=True)
class _Words:
    """Sentences made of fixed wording and the manifest's values, in one language."""

    gettext: Any
    language: str

    def _(self, message: str, **values: Any) -> str:
        translated: str = self.gettext.gettext(message)
        return translated % values if values else translated

    def category(self, category: Any) -> str:
        name = str(category.name or category.id)
        text = f"{name} ({', '.join(map(str, category.items))})" if category.items else name
        if category.special is not None:
            text += "; " + self._("special category: %(kind)s", kind=self._(labels.SPECIAL_CATEGORIES[category.special]))
            if category.condition is not None:
                text += ", " + self._("processed on the ground of %(condition)s", condition=self._(labels.SPECIAL_CONDITIONS[category.condition]))
        return text

    def recipient(self, recipient: Any) -> str:
        details = [self._(labels.ROLES[recipient.role])] if recipient.role is not None else []
        if recipient.country:
            details.append(recipient.country)
        if recipient.disclosure is not None:
            details.append(self.disclosure(recipient))
        text = str(recipient.name or recipient.id)
        if recipient.description:
            text += f": {recipient.description}"
        if recipient.arrangement:  # a joint controller's arrangement (Art. 26(2)), in the manifest's words
            text += f" {recipient.arrangement}"
        return f"{text} ({'; '.join(details)})" if details else text

    def duration(self, value: Duration) -> str:
        return format_duration(value, self.gettext.ngettext, self.gettext.gettext)

    def retention(self, retention: Any) -> str:
        sentences = []
        duration = self.duration
        if retention.period is not None and retention.after:
            sentences.append(self._("%(period)s after %(event)s.", period=duration(retention.period), event=retention.after))
        elif retention.period is not None:
            sentences.append(self._("%(period)s.", period=duration(retention.period)))
        if retention.minimum is not None:
            sentences.append(self._("At least %(period)s.", period=duration(retention.minimum)))
        if retention.until is not None:
            sentences.append(self._("Until %(date)s.", date=format_date(retention.until, self.language)))
        if retention.end_event:
            sentences.append(_sentence(str(retention.end_event)))
        if retention.criteria:
            sentences.append(_sentence(str(retention.criteria)))
        if retention.maximum is not None:
            sentences.append(self._("Never longer than %(period)s.", period=duration(retention.maximum)))
        if retention.statutory_source:
            sentences.append(self._("The period is set by law: %(law)s.", law=retention.statutory_source))
        for place in getattr(retention, "places", ()):
            sentences.append(self._("In %(place)s: %(retention)s", place=place.place, retention=self.retention(place)))
        return " ".join(sentences)

    def disclosure(self, recipient: Any) -> str:
        disclosure = recipient.disclosure
        parts = [self._(labels.DISCLOSURES[disclosure.kind])] if disclosure.kind is not None else []
        parts += [str(text) for text in (disclosure.condition, disclosure.law) if text]
        return "; ".join(parts)

    def service(self, service: Any) -> str:
        text = str(service.name) + (f" ({service.provider})" if service.provider else "")
        if service.purpose:
            text += f": {service.purpose}"
        details = [self._(labels.ROLES[service.role])] if service.role is not None else []
        if service.country:
            details.append(service.country)
        if service.self_hosted:
            details.append(self._("served from our own servers"))
        return f"{text} ({'; '.join(details)})" if details else text

    def cookie(self, cookie: Any) -> str:
        details = [self._(labels.COOKIE_PURPOSES[cookie.category])] if cookie.category is not None else []
        name = cookie.name or cookie.id
        if cookie.party is not None:
            details.append(self._(labels.COOKIE_PARTIES[cookie.party]) + (f" ({cookie.provider})" if cookie.provider else ""))
        elif cookie.provider:
            details.append(str(cookie.provider))
        if cookie.exemption is not None:
            details.append(self._(labels.COOKIE_EXEMPTIONS[cookie.exemption]))
        if cookie.consent is not None:
            details.append(self._(labels.COOKIE_CONSENT[cookie.consent]))
        if name is not None:
            text = f"{name}: {'; '.join(details)}" if details else str(name)
        else:  # unnamed: what it is for says what it is
            text = "; ".join(details) if details else self._("a cookie")
            text = text[:1].upper() + text[1:]
        return f"{text}. {_sentence(str(cookie.description))}" if cookie.description else text


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.rstrip("\"'”’)").endswith((".", "!", "?")) else text + "."


def format_date(value: PartialDate, language: str) -> str:
    """A date as the language writes it: "15 september 2026", "September 15, 2026"; a month: "oktober 2025"."""
    from babel.dates import format_date as babel_date
    from babel.dates import format_skeleton

    if value.day is None:
        return str(format_skeleton("yMMMM", dt.date(value.year, value.month, 1), locale=language))
    return str(babel_date(dt.date(value.year, value.month, value.day), "long", locale=language))


def format_duration(value: Duration, ngettext: Callable[[str, str, int], str], gettext: Callable[[str], str]) -> str:
    """A period in words: P7Y is "7 years" ("7 jaar"), P1Y6M "1 year and 6 months"."""
    hours, rest = divmod(value.seconds, 3600)
    parts = [
        (value.years, ngettext("%(num)d year", "%(num)d years", value.years)),
        (value.months, ngettext("%(num)d month", "%(num)d months", value.months)),
        (value.weeks, ngettext("%(num)d week", "%(num)d weeks", value.weeks)),
        (value.days, ngettext("%(num)d day", "%(num)d days", value.days)),
        (hours, ngettext("%(num)d hour", "%(num)d hours", hours)),
        (rest // 60, ngettext("%(num)d minute", "%(num)d minutes", rest // 60)),
    ]
    words = [text % {"num": count} for count, text in parts if count]
    if len(words) < 2:
        return words[0] if words else str(value)
    return gettext("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def markdown_text(value: Any) -> str:
    """Free text made safe for Markdown: its punctuation shows as written, never as markup."""
    text = " ".join(str(value).split())
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return re.sub(r"^(\d+)\.(?= )|^([-+])(?= )", lambda m: (m.group(1) or "") + "\\" + ("." if m.group(1) else m.group(2)), text)


def anchor(value: Any) -> str:
    """An id for a heading: lower-case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-") or "section"


def _tidy(text: str, output_format: str) -> str:
    """The output's lines laid out the same way whatever the template's own white space.

    Markdown: one empty line between blocks (a heading or a paragraph is one line in the
    templates), none between the items of a list. HTML: no empty lines.
    """
    lines = [line.rstrip() for line in text.splitlines() if line.strip()]
    if output_format != "md":
        return "\n".join(lines) + "\n"
    laid_out: list[str] = []
    for line in lines:
        if laid_out and not (_is_item(line) and _is_item(laid_out[-1])):
            laid_out.append("")
        laid_out.append(line)
    return "\n".join(laid_out) + "\n"


def _is_item(line: str) -> bool:
    return line.startswith("- ")
