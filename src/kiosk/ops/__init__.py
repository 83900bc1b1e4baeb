"""Running unattended: settings-driven lock-down, operator access, content updates, health and opening hours.

The pure parts here (PIN hashes, schedules, bundles, notify datagrams) never import Qt.
"""
