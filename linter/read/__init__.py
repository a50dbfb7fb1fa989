"""Read: a manifest file's bytes (size and type checks, decoding), file discovery, paths, and the previous version from git."""
