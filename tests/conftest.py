"""Shared test setup: Qt runs offscreen and pyqtgraph uses PySide6; no test needs a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from hypothesis import HealthCheck, settings

# These machines are shared and noisy: generated examples are checked on what they find, never on how fast they
# were made (a slow minute would otherwise fail a property test with a "too slow" health check).
settings.register_profile(
    "shared-machine", deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
settings.load_profile("shared-machine")
