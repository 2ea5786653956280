"""``python -m resdiff`` and the ``resdiff`` command's entry point."""

from __future__ import annotations

import sys


def run() -> None:
    """Import the command line and run it; Ctrl-C during the imports ends quietly too."""
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
