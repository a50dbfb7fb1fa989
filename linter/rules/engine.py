"""Rules the engine reports itself: a file that cannot be read, parsed or validated,
and suppression comments that are unused or give no reason.

The first four cannot be switched off: until a file reads as a well-formed
manifest, no check can say anything about it.
"""

from __future__ import annotations

from privlint.rules import Rule, Severity

IO_ERROR = Rule(
    code="PL000",
    name="io-error",
    severity=Severity.error,
    article="-",
    summary="A path cannot be read",
    doc="""\
## What it does
Reports a path given on the command line that does not exist, a file that cannot be
read (permissions, a broken link, a directory loop), or a file over the size limit.

## Why it matters
A manifest that is never read is never checked. privlint carries on with the other
files and exits with code 2, so CI does not mistake an unreadable file for a clean one.

## Example
```console
$ privlint missing.privacy.yaml
missing.privacy.yaml:1:1: PL000 io-error [error] path does not exist
```

## Use instead
Pass paths that exist and that the user running privlint can read. Raise the size
limit with `--max-file-size` if a manifest really is that large.
""",
)

YAML_SYNTAX = Rule(
    code="PL001",
    name="yaml-syntax",
    severity=Severity.error,
    article="-",
    summary="The file is not one well-formed YAML document",
    doc="""\
## What it does
Reports a manifest that cannot be read as a single YAML document: a syntax error, a tab
used for indentation, a duplicate key, an unsupported tag such as `!!python/object`, an
alias that expands without bound, nesting deeper than 100 levels, invalid UTF-8 or
binary content, or more than one document in the file.

## Why it matters
A file privlint cannot parse cannot be checked against anything. Duplicate keys are
errors rather than "last one wins", because a reviewer reading the first value would be
misled. Tags are refused because privlint never constructs objects from a manifest.

## Example
```yaml
privlint: 1
statement:
	title: Privacy statement   # a tab
purposes: []
purposes: []                # a duplicate key
```

## Use instead
```yaml
privlint: 1
statement:
  title: Privacy statement
purposes: []
```
""",
)

INVALID_MANIFEST = Rule(
    code="PL002",
    name="invalid-manifest",
    severity=Severity.error,
    article="-",
    summary="The manifest does not match the published schema",
    doc="""\
## What it does
Validates the manifest against `schemas/privacy-statement.schema.json` and reports every
violation: an unknown key (with a "did you mean" where a known key is close), a wrong
type, a value outside its list, an impossible date, a malformed duration or country
code, an empty value, or a missing or unsupported `privlint:` format version.

## Why it matters
The checks read the manifest through its typed model. A manifest that is not
well-formed would either be misread or not checked at all. The schema only says what is
well-formed: almost everything is optional there, and what is missing is for the checks
to report.

## Example
```yaml
privlint: 1
statement:
  last_change: 2023-02-30     # unknown key; and no such day
purposes:
  - id: newsletter
    legal_bases: [concent]    # not a legal basis
```

## Use instead
```yaml
privlint: 1
statement:
  last_changed: 2023-02-28
purposes:
  - id: newsletter
    legal_bases: [consent]
```
""",
)

INTERNAL_ERROR = Rule(
    code="PL003",
    name="internal-error",
    severity=Severity.error,
    article="-",
    summary="A check failed with an unexpected error",
    doc="""\
## What it does
Reports a check that raised an exception on a manifest, naming the check and the error.
The other checks and files still run, and privlint exits with code 2.

## Why it matters
A check that crashes has not checked anything; saying so beats a silent pass or a
traceback that hides the other findings.

## Example
```console
statement.privacy.yaml:1:1: PL003 internal-error [error] check 'my-plugin-check' failed: KeyError: 'x'
```

## Use instead
Report the error to the check's author (for built-in checks, to privlint), with the
manifest that triggers it.
""",
)

UNUSED_SUPPRESSION = Rule(
    code="PL004",
    name="unused-suppression",
    severity=Severity.warning,
    article="-",
    summary="A suppression comment suppresses nothing",
    doc="""\
## What it does
Reports a `# privlint: disable=...` or `# privlint: disable-file=...` comment that
suppresses no finding: the rule no longer reports anything there, the comment names no
rule, it is not where it takes effect (a `disable-file` comment below the first line of
content), or it is not a directive privlint understands. A rule that is switched off
by the configuration is not reported as unused.

## Why it matters
A suppression outlives the problem it was written for. Left in place, it would hide
the next, real finding of that rule on that line without anyone deciding so.

## Example
```yaml
purposes:
  # privlint: disable=missing-retention -- the retention table is in the annex
  - id: newsletter
    legal_bases: [consent]
    retention: {period: P2Y}
```

## Use instead
```yaml
purposes:
  - id: newsletter
    legal_bases: [consent]
    retention: {period: P2Y}
```
""",
)

SUPPRESSION_WITHOUT_REASON = Rule(
    code="PL005",
    name="suppression-without-reason",
    severity=Severity.warning,
    article="-",
    summary="A suppression comment gives no reason",
    doc="""\
## What it does
Reports a `# privlint: disable=...` or `# privlint: disable-file=...` comment with no
reason after ` -- `. The suppression still takes effect.

## Why it matters
A finding is a statement that the privacy statement may not tell people what the GDPR
says it must. Switching one off is a decision someone should be able to review later;
the reason is that review's starting point.

## Example
```yaml
# privlint: disable=missing-retention
- id: newsletter
```

## Use instead
```yaml
# privlint: disable=missing-retention -- kept until unsubscribe, see section 4 of the statement
- id: newsletter
```
""",
)

#: Rules reported about suppression comments; unlike the ones above, they can be selected and ignored.
SUPPRESSION_RULES = (UNUSED_SUPPRESSION, SUPPRESSION_WITHOUT_REASON)
#: Rules that can never be switched off, suppressed or baselined.
ALWAYS_ON = (IO_ERROR, YAML_SYNTAX, INVALID_MANIFEST, INTERNAL_ERROR)
ENGINE_RULES = (*ALWAYS_ON, *SUPPRESSION_RULES)
#: Rules whose findings mean the run failed (exit code 2): a file that could not be read, a check that crashed.
RUN_FAILURES = frozenset({IO_ERROR.name, INTERNAL_ERROR.name})
