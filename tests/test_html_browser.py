"""The HTML privlint writes, opened in headless Chromium: it renders with no console errors, loads nothing
from elsewhere, and the report's tables sort. Skipped, with the reason, where Chromium is not installed
(Debian: apt-get install chromium)."""

from __future__ import annotations

import os
from itertools import pairwise

import pytest
from browser import Page, find_chromium
from conftest import ROOT

CHROMIUM = find_chromium()
pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium is not installed (apt-get install chromium)"),
    # CI's pass under a shifted clock: libfaketime breaks Chromium's start and the harness's waits; what a
    # page shows is checked byte for byte under that clock by tests/test_golden_reports.py and test_render.py
    pytest.mark.skipif("FAKETIME" in os.environ, reason="not under libfaketime (Chromium does not run under it)"),
]

RENDERED = sorted((ROOT / "examples" / "rendered").glob("*.html"))


@pytest.fixture(scope="module")
def page():
    with Page(CHROMIUM, width=1200, height=900) as opened:
        yield opened


def test_the_harness_sees_console_errors_and_requests(page, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><img src="https://example.invalid/x.png" alt="">'
                      '<script>console.error("boom"); notDefined();</script></html>', encoding="utf-8")
    page.open(broken)
    complaints = page.complaints()
    assert "console.error: boom" in complaints
    assert any("notDefined is not defined" in complaint for complaint in complaints)
    assert "https://example.invalid/x.png" in page.requests()


@pytest.mark.parametrize("statement", RENDERED, ids=lambda path: path.name)
def test_a_rendered_statement_renders_cleanly_in_a_browser(page, statement):
    assert [path.name for path in RENDERED] == ["complete.en.html", "complete.nl.html"]
    page.open(statement)
    assert page.complaints() == []
    assert page.requests() == [statement.resolve().as_uri()]
    language = statement.name.split(".")[1]
    assert page.evaluate("document.documentElement.lang") == language
    assert page.evaluate("document.scripts.length") == 0
    levels = page.evaluate("[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))")
    assert levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels))
    assert page.evaluate("document.body.innerText").count("Example Energy B.V.") >= 2


def test_the_report_renders_cleanly_and_its_tables_sort(page, cli, tmp_path):
    report = tmp_path / "report.html"
    result = cli("--today", "2026-11-23", "--ignore", "unbumped-last-changed", "--no-cache", "--format", "html",
                 "--output-file", str(report), "seeds", "examples/complete.privacy.yaml",
                 "examples/rules/yaml-syntax/fail.privacy.yaml", cwd=ROOT)
    assert result.exit_code == 1
    page.open(report)
    assert page.complaints() == []
    assert page.requests() == [report.resolve().as_uri()]
    rows = "[...document.querySelectorAll('table.matrix tbody tr')]"
    names = f"{rows}.map(r => r.cells[0].textContent)"
    counts = f"{rows}.map(r => Number(r.cells[r.cells.length - 1].textContent))"
    findings_button = "document.querySelector('table.matrix thead th:last-child button').click()"
    page.evaluate(findings_button)
    ascending = page.evaluate(counts)
    assert ascending == sorted(ascending) and len(ascending) == 7
    assert page.evaluate("document.querySelector('table.matrix thead th:last-child').getAttribute('aria-sort')") == "ascending"
    page.evaluate(findings_button)
    assert page.evaluate(counts) == sorted(ascending, reverse=True)
    page.evaluate("document.querySelector('table.matrix thead th:first-child button').click()")
    assert page.evaluate(names) == sorted(page.evaluate(names))
    cells = page.evaluate("[...document.querySelectorAll('table.matrix td.cell')].map(c => c.className + ' ' + c.innerText)")
    assert any(cell.startswith("cell missing") and "✗" in cell for cell in cells)
    assert any(cell.startswith("cell unknown") and "?" in cell for cell in cells)
