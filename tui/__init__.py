"""newstag: a keyboard-first terminal reader and tagger for news, with tags as YAML in git."""

__version__ = "0.1.0"
