"""The subcommands of `newstag`, by module: read by the click group and by plain `newstag`."""

from __future__ import annotations

# One module per subcommand, each defining `command`; a module that is absent is skipped so a
# partial install still starts.
SUBCOMMANDS = ("init", "validate", "stats", "index", "search", "export", "importing",
               "import_tags", "agree", "review", "claims", "sentences")
_NAMES = {"importing": "import"}  # module -> command name when it is not the module's own name
