"""How one `mkdocs build` of the guide runs: its languages (`languages`), the one object every
hook shares for the whole build (`context`), and the ordered work done once every language is
built (`finishing`). README.md, "How a build runs", tells the story."""
