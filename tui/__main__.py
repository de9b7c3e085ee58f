"""`python -m tui` is the same as the `newstag` command."""

from tui.cli.main import main

if __name__ == "__main__":
    main()
