"""`python -m framing` runs the `framing` command."""

from framing.cli import main

if __name__ == "__main__":
    main()
