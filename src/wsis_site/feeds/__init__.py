"""Feeds: the iCalendar feeds and the Atom feed of each language."""
