"""privlint: a policy-as-code compliance linter for GDPR privacy statements."""

__version__ = "0.1.0"
