"""The domain: where things stand in time, dates and words per language, entries and changes."""
