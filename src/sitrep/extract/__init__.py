"""Extraction: numbers, dates, casualty claims, sources and incidents."""
