"""``python -m resdiff``: the same as the ``resdiff`` command."""

from .cli import main

if __name__ == "__main__":
    main()
