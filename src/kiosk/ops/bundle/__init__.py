"""Content bundles: zip archives with a sha256 manifest (and optional Ed25519 signature), installed as releases."""
