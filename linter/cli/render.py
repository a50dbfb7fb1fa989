"""``privlint render``: write the privacy statement from a manifest (see privlint.render)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import NoReturn

import click

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


@click.command()
@click.argument("manifest", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", "language", metavar="LANG",
              help="Language of the statement: nl or en [default: the manifest's statement.language].")
@click.option("--format", "output_format", type=click.Choice(["md", "html"]), default="md", show_default=True,
              help="Markdown, or one self-contained HTML page.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE",
              help="Write the statement to FILE instead of standard output.")
@click.option("--template", "template_dir", type=click.Path(file_okay=False, exists=True, path_type=Path), metavar="DIR",
              help="Use the templates in DIR (statement.md.j2, statement.html.j2, statement.css) in place of the built-in ones.")
def render(manifest: Path, language: str | None, output_format: str, output: Path | None, template_dir: Path | None) -> None:
    """Write the privacy statement that MANIFEST describes, in Dutch or English, as Markdown or HTML."""
    from privlint.model.validation import validate
    from privlint.parse.loader import load_document
    from privlint.read.files import LoadError, ReadError, read_text
    from privlint.render.catalog import languages
    from privlint.render.statement import TemplateProblem, render_statement

    shown = manifest.as_posix()
    try:
        document = load_document(read_text(manifest))
    except LoadError as error:
        _report([(shown, problem.line, problem.column, problem.message) for problem in error.problems],
                EXIT_USAGE if isinstance(error, ReadError) else EXIT_PROBLEMS)
    except OSError as error:
        _fail(f"cannot read {shown!r}: {error.strerror or error}")
    model, problems = validate(document.data)
    if model is None:
        document.prepare(problem.pointer for problem in problems)
        _report([(shown, *document.locate(problem.pointer), problem.message) for problem in problems], EXIT_PROBLEMS)
    language = language or _declared(model.statement.language, languages())
    if language not in languages():
        _fail(f"--lang: {language!r} is not a language privlint renders; choose from {', '.join(languages())}")
    try:
        rendered = render_statement(model, language, output_format, template_dir)
    except TemplateProblem as error:
        _fail(f"template: {error}")
    if rendered.text is None:
        document.prepare(_pointer(problem.path) for problem in rendered.problems)
        _report([(shown, *document.locate(_pointer(problem.path)), problem.message) for problem in rendered.problems],
                EXIT_PROBLEMS)
    if output is None:
        click.echo(rendered.text, nl=False)
        return
    from privlint.fileio import write_atomic

    try:
        write_atomic(output, rendered.text)
    except OSError as error:
        _fail(f"cannot write {str(output)!r}: {error.strerror or error}")


def _declared(declared: str | None, known: tuple[str, ...]) -> str:
    primary = (declared or "").lower().split("-")[0]
    if primary in known:
        return primary
    _fail("--lang is needed: " + (f"the manifest's language {declared!r} is not one privlint renders"
                                   if declared else "the manifest does not say its language (statement.language)"))


def _pointer(path: tuple[str | int, ...]) -> str:
    from privlint.parse.pointers import pointer_to

    return pointer_to(path)


def _report(problems: list[tuple[str, int, int, str]], code: int) -> NoReturn:
    for file, line, column, message in problems:
        click.echo(f"{file}:{line}:{column}: {message}", err=True)
    sys.exit(code)


def _fail(message: str) -> NoReturn:
    click.echo(f"privlint: error: {message}", err=True)
    sys.exit(EXIT_USAGE)
