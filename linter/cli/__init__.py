"""The command line: a thin click layer over the library (privlint.cli.main), and ``privlint init``."""
