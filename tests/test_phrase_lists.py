"""Every phrase in every phrase list of privlint's rules is found, and a near miss of it is not.

The lists are long (thousands of phrases, most made by ``combine``) and matched by two engines:
``Phrases`` as one stored regular expression (privlint/data/phrase_expressions.json), ``WordPhrases``
on tokens. A phrase the engine cannot find, because the stored expression lags behind its list or a
word is spelled so that it never matches, is a phrase the rule only pretends to know. The near miss
is the phrase glued to a letter, which must not match as the phrase: matching is on whole words.
"""

from __future__ import annotations

import sys

import pytest
from privlint.rules.phrases import Phrases
from privlint.rules.registry import load_rules
from privlint.rules.wording import WordPhrases, tokens


def _phrase_lists() -> dict[str, Phrases | WordPhrases]:
    load_rules()  # imports every check, and the modules with the lists they share
    found = {}
    for module_name, module in sorted(sys.modules.items()):
        if not module_name.startswith("privlint."):
            continue
        for name, value in vars(module).items():
            candidates = value.items() if isinstance(value, dict) else [("", value)]
            for key, candidate in candidates:
                if isinstance(candidate, (Phrases, WordPhrases)):
                    found.setdefault(f"{module_name}.{name}{f'[{key}]' if key else ''}", candidate)
    return found


LISTS = _phrase_lists()


def _phrases(phrase_list: Phrases | WordPhrases) -> list[str]:
    if isinstance(phrase_list, Phrases):
        return sorted(phrase_list._phrases)
    tables = phrase_list._tables
    return sorted({*tables.exact.values(), *(" ".join(stem) for stem in tables.stems)})


def _stems(phrase_list: Phrases | WordPhrases) -> list[list[str]]:
    return [phrase.split() for phrase in _phrases(phrase_list) if "*" in phrase]


def _a_stem_matches(phrase_list: Phrases | WordPhrases, text: str) -> bool:
    """Whether a phrase with a '*' word ('scroll*') matches these words ('scrollenq'): then the glued form is no miss."""
    words = [token.lower for token in tokens(text)]
    for stem in _stems(phrase_list):
        for start in range(len(words) - len(stem) + 1):
            if all(word.startswith(part[:-1]) if part.endswith("*") else word == part
                   for word, part in zip(words[start:], stem)):
                return True
    return False


def test_the_lists_are_all_found():
    assert len(LISTS) > 50  # the retention, consent, transfer, wording and change rules' lists
    assert "privlint.rules.retention.VAGUE_RETENTION" in LISTS and "privlint.checks.implied_consent.IMPLIED_CONSENT" in LISTS


@pytest.mark.parametrize("name", sorted(LISTS))
def test_every_phrase_of_the_list_is_found_as_written(name):
    phrase_list = LISTS[name]
    missed = []
    for phrase in _phrases(phrase_list):
        written = phrase.replace("*", "en")  # 'klik*' stands for 'klikken'
        for text in (f"Qqq {written} qqq.", f"Qqq {written.upper()} qqq."):
            found = phrase_list.find(text)
            if found is None or found.lower() != written.lower():
                missed.append((phrase, text, found))
    assert missed == []


@pytest.mark.parametrize("name", sorted(LISTS))
def test_a_phrase_glued_to_a_letter_is_not_found_as_that_phrase(name):
    phrase_list = LISTS[name]
    matched = []
    for phrase in _phrases(phrase_list):
        written = phrase.replace("*", "en")
        # a letter after the last word; before the first where the phrase ends in a full stop ('bijv.');
        # a phrase with no letter at either end ('(ii)') has no word boundary to miss
        if written[-1].isalnum():
            glued = f"{written}q"
        elif written[0].isalnum():
            glued = f"q{written}"
        else:
            continue
        if phrase.endswith("*") or _a_stem_matches(phrase_list, glued):
            continue
        found = phrase_list.find(f"Qqq {glued} qqq.")
        if found is not None and len(found) >= len(written):
            matched.append((phrase, glued, found))
    assert matched == []
