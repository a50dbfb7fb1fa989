from privlint.cli import run

run()
