"""Tokens are read a sentence at a time and remembered: the result must be the tokens of the whole text read at once."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from privlint.rules.wording import _TOKEN, tokens


def _read_at_once(text: str) -> list[tuple[str, str, int, int]]:
    return [(m.group(), m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _as_tuples(text: str) -> list[tuple[str, str, int, int]]:
    return [(token.text, token.lower, token.start, token.end) for token in tokens(text)]


@pytest.mark.parametrize("text", [
    "",
    "   ",
    "Wij delen uw gegevens. Wij bewaren ze niet!  Waarom? Daarom.",
    "We delen o.a. uw naam, etc. Wij bewaren bijv. uw e-mailadres.\nZie art. 6 AVG.",
    "Mail privacy@bol.com. Of bel ons. Bol.com. Www.gent.be. 5.000 gegevens.Wij",
    "Optimum POS B.V. Wij zijn b.v. de\tverantwoordelijke.\u00a0De B.V",
    " begint met een spatie. eindigt met een punt. ",
    "Zinnen.Zonder.Spatie. en met kleine letter. E.G. I.E. o.a.\n\nuw",
    "Lang " + "woord " * 150 + ". Kort. " + "x." * 700,
])
def test_tokens_are_those_of_the_whole_text(text):
    assert _as_tuples(text) == _read_at_once(text)
    assert _as_tuples(text) == _read_at_once(text)  # remembered: the same again


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["wij", "O", "a", ".", "!", "?", " ", "\n", "-", "@", "x", "bv", "e", "g", "’", "5",
                                 "B.V", "etc.", "\u00a0", "é", ",", "(", "Wij"]), max_size=60))
def test_any_mix_of_words_stops_and_spaces_gives_the_same_tokens(parts):
    text = "".join(parts)
    assert _as_tuples(text) == _read_at_once(text)
