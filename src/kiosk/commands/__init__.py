"""The ``kiosk`` command's sub-commands that are not about showing the exhibit: settings (``config``, ``set-pin``) and
content bundles (``bundle …``), and the command-line side of the settings shared by every command."""
