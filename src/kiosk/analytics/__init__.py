"""Visitor analytics (pure Python, no Qt): what a visit did, kept in a local SQLite database, and the report."""
