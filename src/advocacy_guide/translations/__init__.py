"""The translator workflow: which translations are up to date, outdated, missing or broken.

- `structure.py` / `compare.py`: what must be identical in every language, and the differences.
- `stamp.py`: the hash of the English source a translation records in its front matter.
- `history.py`: dates and past English versions from git (for `diff` and reader notices).
- `status.py`: the status of each page, and the `stamp` and `diff` actions.
- `cli.py`: `advocacy-guide translations`.
"""
