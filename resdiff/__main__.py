"""``python -m resdiff`` and the ``resdiff`` command's entry point."""

from __future__ import annotations

import os
import signal
import sys


def _before_run(signum, frame) -> None:
    """Ctrl-C after this module is imported and before ``run`` has taken over (the lines of the
    console script between the two): nothing has started, the command ends quietly."""
    sys.exit(130)


# Only where Ctrl-C is Python's to handle: a shell's background job ignores it, and so does resdiff.
if signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _before_run)


def _unraisable(unraisable) -> None:
    """Ctrl-C that lands where Python cannot raise it (a callback run while an import lock is
    released or garbage is collected) would be printed as "Exception ignored … KeyboardInterrupt"
    with a traceback, and the command would go on: it ends the command, as anywhere else."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        os._exit(130)
    sys.__unraisablehook__(unraisable)


def run() -> None:
    """Run the command: ``resdiff diff`` of files with plain options straight away (no
    command-line framework to import), anything else through the command line. Ctrl-C during
    the imports ends quietly too."""
    sys.unraisablehook = _unraisable
    try:
        if signal.getsignal(signal.SIGINT) is _before_run:
            signal.signal(signal.SIGINT, signal.default_int_handler)
        arguments = sys.argv[1:]
        if arguments and not {"--help", "-h", "--version"} & set(arguments):
            # a command that reads documents: its patterns and record classes, compiled before
            from . import codecache, regexcache

            regexcache.load()
            codecache.load()
        if sys.argv[1:2] == ["diff"]:
            from .command import quick_diff

            status = quick_diff(sys.argv[2:])
            if status is not None:
                # Done: what is still alive goes with the process. Frozen, it is not searched
                # for reference cycles again as the interpreter shuts down (a twentieth of a
                # warm run); what shutdown frees and the caches it saves are as before.
                import gc

                gc.freeze()
                sys.exit(status)
        from .cli import main
    except KeyboardInterrupt:
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
