"""PyInstaller runtime hook: settings the frozen exhibit needs before any import of ours."""

import os

# pyqtgraph must use PySide6 (the only Qt binding in the bundle), whatever the environment says.
os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
