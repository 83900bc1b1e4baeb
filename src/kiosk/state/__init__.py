"""Pure state of the exhibit: navigation, idle tracking and the attract playlist (no Qt)."""
