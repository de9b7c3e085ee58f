"""The `newstag` command line: thin wrappers that parse arguments and call `tui.core`."""
