"""Exhibit content: model, YAML loader and schema (pure Python, no Qt)."""
