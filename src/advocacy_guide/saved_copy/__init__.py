"""The saved copy: what a phone needs to keep one language of the guide and read it offline.

`write_saved_copy` is the build step; the browser side is `overrides/saved-copy-worker.js` (the
service worker), `overrides/assets/saved-copy.js` (the control, tiny, on every page) and
`overrides/assets/saved-copy-app.js` (loaded only when a reader saves, or has saved).
"""

from advocacy_guide.saved_copy.build import SavedCopyReport, write_saved_copy

__all__ = ["SavedCopyReport", "write_saved_copy"]
