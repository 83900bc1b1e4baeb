"""The settings file: typed model, loading with file:line errors, folders per platform, provenance, set-pin."""
