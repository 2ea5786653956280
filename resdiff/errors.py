"""Errors a user can act on. The CLI prints them as one line and exits with status 2."""

from __future__ import annotations

from .i18n import _


class ResdiffError(Exception):
    """Base of every error resdiff reports to a user.

    The message says what went wrong and, where it helps, what to do about it.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        # the file's name, then the message: "x.txt: no such file", "x.txt：没有此文件" in Chinese
        super().__init__(_("{name}: ").format(name=path) + message if path else message)


class InputError(ResdiffError):
    """A file cannot be read: missing, a directory, empty, binary, undecodable."""


class ParseError(ResdiffError):
    """A file was read but holds no resolution resdiff can recognise."""


class SelectionError(ResdiffError):
    """A --old/--new symbol matches no draft, or more than one."""


class StoreError(ResdiffError):
    """The version store cannot do what was asked."""
