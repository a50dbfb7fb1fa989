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


def test_the_seeds_agree_with_their_published_texts(cli):
    result = cli("--no-cache", "--select", "PL8", "seeds", cwd=ROOT)
    assert result.output == "All checks passed: no findings in 5 files.\n"
    assert result.exit_code == 0


def test_an_edited_copy_of_a_seed_text_is_drift(cli, tmp_path):
    import shutil

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    text = tmp_path / "seeds" / "texts" / "optimore.txt"
    original = text.read_text(encoding="utf-8")
    edited = (
        original.replace("1 juni 2023", "1 juli 2023")
        .replace("KvK: 70075735", "KvK: 70075736")
        .replace("worden voor dit doel 7 jaar bewaard", "worden voor dit doel 10 jaar bewaard")
        .replace("kunnen wij het gesprek opnemen voor trainings- en kwaliteitsdoeleinden",
                 "nemen wij het gesprek op voor trainingsdoeleinden")
    )
    assert edited.count("\n") == original.count("\n") and edited != original
    text.write_text(edited, encoding="utf-8")
    result = cli("--no-cache", "--select", "PL8", "seeds/optimore.privacy.yaml", cwd=tmp_path)
    rules = [line.split()[2] for line in result.output.splitlines() if line.startswith("seeds/")]
    assert sorted(rules) == [
        "controller-not-in-text", "last-changed-not-in-text", "quote-not-in-text", "quote-not-in-text"
    ]
    assert "closest passage (line 77): 'Indien u belt met onze klantenservice nemen wij het gesprek op" in result.output
    assert "closest passage (line 155): 'Op basis van belastingwetgeving bewaren we sommige gegevens 7 jaar." in result.output
