"""Suppress: suppression comments, baselines, and the fingerprints baselines match findings by."""
