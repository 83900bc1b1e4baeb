"""Guangzhou Sci-Tech touchscreen exhibit."""

__version__ = "0.1.0"
