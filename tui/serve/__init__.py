"""`newstag serve`: the TUI in a browser tab through textual-serve, nothing fetched off-host."""
