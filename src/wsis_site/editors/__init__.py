"""Editors' tools: the change report, the translation record, new editions and languages."""
