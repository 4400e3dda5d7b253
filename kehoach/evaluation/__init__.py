"""Measurements behind ``kehoach eval``: OCR, repair and extraction against gold data."""
