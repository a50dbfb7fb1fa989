"""The cache of findings must not outlive an edit of the modules the checks share (found while tuning the text rules)."""

from __future__ import annotations

from pathlib import Path

import privlint.rules.hedges
import privlint.rules.retention
from privlint.run.cache import _source_fingerprint


def test_the_cache_key_covers_the_modules_the_text_rules_share(rules):
    fingerprint = _source_fingerprint(rules)
    for module in (privlint.rules.hedges, privlint.rules.retention):
        assert f"{Path(module.__file__).resolve()}:" in fingerprint, module.__name__
