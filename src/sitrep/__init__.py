"""sitrep: structured, sourced event data from news reports about armed violence."""

__version__ = "0.1.0"
