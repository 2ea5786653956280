"""``python -m resdiff`` and the ``resdiff`` command's entry point."""

from __future__ import annotations

import sys


def run() -> None:
    """Run the command: ``resdiff diff`` of files with plain options straight away (no
    command-line framework to import), anything else through the command line. Ctrl-C during
    the imports ends quietly too."""
    try:
        from . import regexcache

        regexcache.load()
        if sys.argv[1:2] == ["diff"]:
            from .command import quick_diff

            status = quick_diff(sys.argv[2:])
            if status is not None:
                sys.exit(status)
        from .cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
