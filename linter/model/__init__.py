"""Model: the typed view of a manifest (pydantic models), its value types and vocabularies, validation into the model, and the published JSON Schema."""
