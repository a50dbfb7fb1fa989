"""--format html: the report over many statements (its rendering in a browser: test_html_browser.py)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from conftest import ROOT


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.links: list[str] = []
        self.resources: list[str] = []
        self.rows: list[list[str]] = []
        self._matrix = False

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "a":
            self.links.append(values.get("href") or "")
        if tag == "link" or any(name in values for name in ("src", "srcset")):
            self.resources.append(tag)
        if tag == "table" and "matrix" in (values.get("class") or ""):
            self._matrix = True
        if self._matrix and tag == "tr":
            self.rows.append([])
        if self._matrix and tag == "td" and "cell" in (values.get("class") or ""):
            self.rows[-1].append(values["class"].split()[1])

    def handle_endtag(self, tag):
        if tag == "table":
            self._matrix = False


def report(cli, *paths, cwd=ROOT):
    result = cli("--today", "2026-11-23", "--ignore", "unbumped-last-changed", "--no-cache", "--format", "html", *paths, cwd=cwd)
    return result.exit_code, result.output


def test_the_report_is_one_self_contained_page_with_a_row_per_statement(cli):
    code, page = report(cli, "examples/complete.privacy.yaml", "examples/rules/missing-right/fail.privacy.yaml",
                        "examples/rules/yaml-syntax/fail.privacy.yaml")
    assert code == 1
    parsed = _Page()
    parsed.feed(page)
    assert parsed.scripts == 1 and parsed.resources == []
    assert all(link.startswith("#") for link in parsed.links)
    matrix = [row for row in parsed.rows if row]
    assert matrix[0] == ["present"] * 14  # complete.privacy.yaml
    assert "missing" in matrix[1] and "not-applicable" in matrix[1]  # a manifest with rights only, no DPO
    assert matrix[2] == ["unknown"] * 14  # not YAML
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_the_report_is_deterministic_and_counts_per_rule(cli):
    first = report(cli, "seeds")[1]
    assert first == report(cli, "seeds")[1]
    golden = (ROOT / "tests" / "golden" / "seeds.txt").read_text(encoding="utf-8")
    vague = golden.count(" vague-language [")
    assert re.search(rf'<a href="#rule-vague-language">vague-language</a></th>\s*<td>PL508</td>\s*<td class="severity-info">info</td>\s*'
                     rf'<td>Art. 12\(1\) \(WP260\)</td>\s*<td data-sort="{vague}">{vague}</td>\s*<td data-sort="5">5</td>', first)
    assert "Why it matters" not in first and "Information must be concise, transparent and intelligible" in first


def test_the_words_a_finding_is_about_are_quoted_and_escaped(cli, tmp_path):
    (tmp_path / "x.privacy.yaml").write_text(
        "privlint: 1\npurposes:\n  - id: p\n    description: \"We may <script>alert(1)</script> use it.\"\n", encoding="utf-8")
    page = report(cli, "x.privacy.yaml", cwd=tmp_path)[1]
    assert page.count("<script") == 1  # privlint's own sorting script
    assert '<blockquote class="quote">We may &lt;script&gt;alert(1)&lt;/script&gt; use it.</blockquote>' in page
