"""Quoting a statement's words in a finding: on one line, and shortened when long."""

from __future__ import annotations

QUOTE_LENGTH = 160


def quote(text: str, limit: int = QUOTE_LENGTH) -> str:
    """``text`` in double quotes, its white space folded, cut at ``limit`` characters with '...'."""
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3].rstrip()}..."'
