from privlint.cli import main

main()
