"""Parse: YAML text into plain data with the position of every node."""
