"""``privlint init``: a first manifest, its schema and a configuration file, never overwriting anything.

The manifest's first line points editors (the YAML language server) at the schema by a relative
path, ``.privlint/privacy-statement.schema.json`` beside it, which ``init`` writes: the editor
checks the manifest offline. ``privlint schema --output`` writes it again after an upgrade.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from privlint.fileio import refuse_links_below_the_working_directory, write_atomic
from privlint.model.schema import SCHEMA_FILE, render_schema
from privlint.read.discovery import DEFAULT_INCLUDE, MANIFEST_SUFFIXES
from privlint.rules import Rule
from privlint.run.config import config_in

MANIFEST = """\
# yaml-language-server: $schema={schema}
# A privlint manifest of one privacy statement. Replace the examples with what the
# statement says, in its own terms; leave out what it does not say, and run `privlint`
# to see what is missing. Editors check it with the schema the first line names; after
# an upgrade of privlint, renew that with (in this folder):
#   privlint schema --output {schema}
privlint: 1

statement:
  title: Privacy statement
  language: en
  url: https://example.com/privacy
  last_changed: {today}             # the date the statement prints: YYYY-MM-DD, or YYYY-MM

controller:
  name: Example Ltd
  country: NL                       # ISO 3166-1 alpha-2
  address: Street 1, 1234 AB Town
  contact:
    email: privacy@example.com

purposes:
  - id: customer-service
    name: Answering questions
    section: "2"                    # where the purpose stands in the statement
    legal_bases: [contract]
    data: [contact]
    retention:
      period: P2Y                   # ISO 8601 duration
      after: the question is answered

data_categories:
  - id: contact
    name: Contact details
    items: [name, e-mail address]

rights:
  offered: [access, rectification, erasure, restriction, objection, portability, complaint]
  how: Send an e-mail to privacy@example.com
  response_time: P1M

supervisory_authority:
  name: Autoriteit Persoonsgegevens
  country: NL
  url: https://autoriteitpersoonsgegevens.nl
"""

CONFIG_HEADER = """\
# privlint configuration (`privlint config` shows the effective values and where they
# come from). It can also live in pyproject.toml, under [tool.privlint].

# Rules, by code, name or code prefix (`privlint rules` lists them).
# select = ["ALL"]
# extend-select = []
# ignore = []
# per-file-ignores = {{ "drafts/**" = ["PL3"] }}
# severity = {{ "missing-recipients" = "error" }}

# Files, as globs relative to this file's directory.
# include = {include}
exclude = []

# today = 2026-01-01              # judge dates as of this day instead of the system date
"""


@dataclass(frozen=True)
class Created:
    path: Path
    created: bool  # False: it was there already, and left alone
    note: str = ""


#: Where init writes the schema, relative to the manifest: the path of its ``$schema`` line.
SCHEMA_PATH = f".privlint/{SCHEMA_FILE}"


def manifest_text(today: dt.date) -> str:
    return MANIFEST.format(schema=SCHEMA_PATH, today=today.isoformat())


def config_text(rules: Sequence[Rule]) -> str:
    lines = [CONFIG_HEADER.format(include=json.dumps(list(DEFAULT_INCLUDE)))]
    options = sorted({(name, rule.name, option) for rule in rules for name, option in rule.options.items()}, key=lambda o: o[0])
    if options:
        lines.append("# Check options.")
        for name, owner, option in options:
            lines.append(f"# {name} = {json.dumps(option.default)}  # {owner}: {option.help}")
    return "\n".join(lines) + "\n"


def manifest_name(name: str) -> str:
    if "/" in name or "\\" in name or not name.strip(". "):
        raise ValueError(f"{name!r} is not a file name")
    return name if name.endswith(MANIFEST_SUFFIXES) else f"{name}{MANIFEST_SUFFIXES[0]}"


def _create(path: Path, text: str) -> bool:
    try:
        write_atomic(path, text, overwrite=False)  # an interrupted init leaves no half-written file
    except FileExistsError:
        return False
    return True


def init(directory: Path, name: str, rules: Sequence[Rule], today: dt.date) -> list[Created]:
    """Create ``NAME.privacy.yaml``, its schema and ``privlint.toml`` in ``directory`` where they do not exist."""
    refuse_links_below_the_working_directory(Path(os.path.abspath(directory)))  # before making folders
    directory.mkdir(parents=True, exist_ok=True)
    manifest = directory / manifest_name(name)
    results = [Created(manifest, _create(manifest, manifest_text(today)))]
    schema = directory / SCHEMA_PATH
    if schema.parent.is_symlink() or (os.path.lexists(schema.parent) and not schema.parent.is_dir()):
        results.append(Created(schema, False, f"{schema.parent.name} is a link or a file, not a folder: nothing is written through it"))
    else:
        schema.parent.mkdir(exist_ok=True)
        results.append(Created(schema, _create(schema, render_schema()), "it exists; privlint schema --output rewrites it"))
    config = config_in(directory)
    if config is not None:
        results.append(Created(config, False, "configuration found"))
    else:
        config = directory / "privlint.toml"
        results.append(Created(config, _create(config, config_text(rules))))
    return results
