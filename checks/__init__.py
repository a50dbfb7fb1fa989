"""privlint's built-in checks: one module per rule, registered as ``privlint.checks`` entry points."""
