"""Search: one index per language, accent-insensitive, with each language's settings."""
