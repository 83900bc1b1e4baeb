"""Content bundles: zip archives with a sha256 manifest (and optional Ed25519 signature), installed as releases.

The exhibit calls ``install.install_bundle`` and ``watch.check_watch_folder``; operators use ``kiosk bundle ...``
(``cli``). Nothing is imported here, so reading ``releases`` (where the current content is) needs no cryptography.
"""
