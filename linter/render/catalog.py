"""The message catalogues: the fixed wording of rendered statements, per language (gettext, via Babel).

Message ids are the English wording; ``locale/<language>/LC_MESSAGES/privlint.po``
holds each other language's translations. The catalogues are read as ``.po``
files (Babel compiles them in memory), so there is no compiled file to keep in
step. ``python -m privlint.render.catalog`` extracts the messages from the
templates and ``labels.py`` and updates every ``.po`` file: new messages are added
untranslated, for a translator to fill in; a test fails while any is.
"""

from __future__ import annotations

import gettext
import io
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LOCALE_DIR = HERE / "locale"
DOMAIN = "privlint"
SOURCE_LANGUAGE = "en"  # the message ids are English


def languages() -> tuple[str, ...]:
    """The languages statements can be rendered in: English, and each language with a catalogue."""
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return (SOURCE_LANGUAGE, *found)


def catalog_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=8)
def translations(language: str) -> gettext.NullTranslations:
    """The translations of the fixed wording into ``language`` (KeyError for a language without a catalogue)."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    if language not in languages():
        raise KeyError(language)
    from babel.messages.mofile import write_mo

    compiled = io.BytesIO()
    write_mo(compiled, read_catalog(language), use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def read_catalog(language: str) -> Any:
    from babel.messages.pofile import read_po

    with open(catalog_path(language), "rb") as stream:
        return read_po(stream, locale=language, domain=DOMAIN)


def extract() -> Any:
    """Every message of the templates, the labels and the sentences of statement.py, as a Babel catalogue template."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    template = Catalog(domain=DOMAIN, project="privlint", charset="utf-8")
    method_map = [("labels.py", "python"), ("statement.py", "python"), ("templates/**.j2", "jinja2")]
    options = {"templates/**.j2": {"extensions": "jinja2.ext.i18n"}}
    for filename, line, message, comments, context in extract_from_dir(
        HERE, method_map, options, keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)}
    ):
        template.add(message, locations=[(filename, line)], auto_comments=comments, context=context)
    return template


def problems(language: str) -> list[str]:
    """What is wrong with a catalogue: messages untranslated, fuzzy, or no longer used."""
    catalog = read_catalog(language)
    wanted = {message.id for message in extract() if message.id}
    found = []
    for message in catalog:
        if not message.id:
            continue
        shown = message.id if isinstance(message.id, str) else message.id[0]
        if message.id not in wanted:
            found.append(f"no longer used: {shown!r}")
        elif message.fuzzy or not (all(message.string) if isinstance(message.string, tuple) else message.string):
            found.append(f"not translated: {shown!r}")
    known = {message.id for message in catalog if message.id}
    found += [f"missing: {message_id if isinstance(message_id, str) else message_id[0]!r}" for message_id in sorted(wanted - known, key=str)]
    return found


def update() -> None:
    """Bring every catalogue up to date with the messages in use (``python -m privlint.render.catalog``)."""
    from babel.messages.pofile import write_po

    template = extract()
    for language in languages()[1:]:
        catalog = read_catalog(language)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        with open(catalog_path(language), "wb") as stream:
            write_po(stream, catalog, omit_header=True, no_location=True, sort_output=True, width=100)
        for problem in problems(language):
            print(f"{language}: {problem}", file=sys.stderr)


if __name__ == "__main__":
    update()
