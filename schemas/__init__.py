"""The published JSON Schema of the manifest format; a package so that it ships inside the wheel."""
