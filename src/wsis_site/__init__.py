"""Data, validation and rendering core of the WSIS Forum information pages."""

__version__ = "0.1.0"
