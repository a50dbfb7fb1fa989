"""
## What it does
Reports a `quote` (of a purpose, a retention, a transfer or an automated decision) or a
`statement.changes_quote` that does not occur in the published statement that
`statement.text` names. Case, white space, punctuation, typographic quotes, Markdown and
HTML markup do not count. The message shows the passage of the text most like the quote,
with its line.

## Why it matters
A quote is the manifest's claim about what the published statement says, and the checks
that judge wording (`vague-language`, `implied-consent`, `check-regularly-clause`, the
retention rules) read it in place of the manifest's own description. When the published
text was edited and the quote was not, the manifest vouches for words nobody reads any
more, and the information people actually get (Art. 12(1), 13, 14) goes unchecked.

## Example
The statement says "We send the newsletter once a month" and the manifest quotes an older
version:

```text
purposes:
  - id: newsletter
    quote: We send the newsletter every week.
```

## Use instead
```text
purposes:
  - id: newsletter
    quote: We send the newsletter once a month.
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.texts import describe_path, iter_texts
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.drift import PublishedText, phrase, published_texts

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL802",
    name="quote-not-in-text",
    severity="warning",
    article="Art. 12(1), 13, 14",
    summary="A quote does not occur in the published statement",
    reads=("statement.text", "purposes[].quote", "transfers[].quote", "automated_decisions[].quote", "*.retention.quote",
           "statement.changes_quote"),
)

QUOTE_FIELDS = ("quote", "changes_quote")


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    texts = published_texts(manifest, context)
    if not texts:
        return
    for path, quote in iter_texts(manifest):
        field = path[-2] if isinstance(path[-1], int) else path[-1]  # one of several passages: (..., "quote", 1)
        if field not in QUOTE_FIELDS:
            continue
        for text in texts:
            wording = text.wording(quote)
            if wording is None:
                continue
            words = phrase(wording)
            if words and not text.words.contains(words):
                yield Problem(
                    path,
                    f"{describe_path(path)} does not occur in {text.name}{_closest(text, words)}",
                    hint="quote the published statement word for word, or bring the statement up to date",
                )


def _closest(text: PublishedText, words: tuple[str, ...]) -> str:
    found = text.words.closest(words)
    if found is None:
        return "; no passage of it shares a word with the quote"
    start, end = found
    return f"; closest passage (line {text.words.line(start)}): {text.words.passage(start, end)!r}"
