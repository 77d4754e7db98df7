"""Legation: publish, search and cite digital archives of historical primary sources."""

__version__ = "0.1.0"
