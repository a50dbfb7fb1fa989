"""Run: configuration, the linter that runs the rules over files, worker processes, and the cache of results."""
