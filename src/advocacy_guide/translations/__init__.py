"""The translator workflow: which translations are up to date, outdated, missing or broken.

- `structure.py` / `compare.py`: what must be identical in every language, and the differences.
- `stamp.py`: the hash of the English source a translation records in its front matter.
- `history.py`: dates and past English versions from git (for `diff` and reader notices).
- `sections.py`: a page cut into sections by heading id, for `diff`.
- `trivial.py` / `skips.py`: which English edits need no translation, and the record of them.
- `sentences.py`: a translation's sentence lengths against its English page's.
- `paths.py`: a page named the way a translator types it.
- `status.py`: the status of each page, and the `stamp`, `skip` and `diff` actions.
- `cli.py`: `advocacy-guide translations`.
"""
