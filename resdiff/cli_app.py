"""The command-line application every command registers on, and what the commands share:
reading documents (parser warnings on standard error), choosing one of several, and writing
output safely. ``cli`` (parse, diff, the entry point), ``store_cli`` and other command modules
import it; it imports none of them, so commands can live in modules of their own.
"""

from __future__ import annotations

import typer

# The shared helpers live in ``command``, which the quick path of ``resdiff diff`` uses without
# the command-line framework; they are named here too for the command modules.
from .cli_locale import Group
from .command import _state, check_output, read_documents, select, write_output
from .i18n import N_

__all__ = ["_state", "app", "check_output", "read_documents", "select", "write_output"]

# The help of the application and of every command and option is marked N_() and shown in the
# interface language by cli_locale, which writes the help page outside English.
app = typer.Typer(
    name="resdiff",
    cls=Group,
    help=N_("Compare versions of a UN resolution: moved, merged, split, renumbered and reworded paragraphs."),
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
