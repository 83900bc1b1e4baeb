"""Content bundles: zip archives with a sha256 manifest (and optional Ed25519 signature), installed as releases.

The exhibit calls :func:`install_bundle` and :func:`check_watch_folder`; operators use ``kiosk bundle ...``.
"""

from .errors import BundleError
from .install import InstallResult, install_bundle
from .releases import current_content_dir, current_version, list_releases, verify_release
from .rollback import rollback
from .signing import parse_public_key
from .watch import WatchResult, check_watch_folder

__all__ = ["BundleError", "InstallResult", "WatchResult", "check_watch_folder", "current_content_dir",
           "current_version", "install_bundle", "list_releases", "parse_public_key", "rollback", "verify_release"]
