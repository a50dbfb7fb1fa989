from privlint.cli.main import run

run()
