"""The findings on the five real statements, reviewed by hand against the published texts."""

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "seeds.txt"


def test_seed_findings_match_the_reviewed_golden_file(cli, monkeypatch):
    # unbumped-last-changed compares with git HEAD, so it depends on the working tree, not the seeds.
    result = cli("--today", "2026-11-23", "--ignore", "unbumped-last-changed", "seeds", cwd=ROOT)
    assert result.exit_code == 1
    assert result.output == GOLDEN.read_text(encoding="utf-8"), (
        "seed findings changed: review each change against ../shared/seeds/ and then regenerate with "
        "`privlint --today 2026-11-23 --ignore unbumped-last-changed seeds > tests/golden/seeds.txt`"
    )


def test_there_is_one_manifest_per_statement():
    names = sorted(path.name for path in (ROOT / "seeds").glob("*.privacy.yaml"))
    assert names == [
        "netoperator.privacy.yaml",
        "odido.privacy.yaml",
        "optimile.privacy.yaml",
        "optimore.privacy.yaml",
        "optimum-pos.privacy.yaml",
    ]
