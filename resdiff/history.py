"""What a committee report records: the reader now lives in ``resdiff.parse.reports``.

Kept so that ``resdiff.history`` goes on naming the same functions and records.
"""

from __future__ import annotations

from .parse.reports import *  # noqa: F403
from .parse.reports import __all__  # noqa: F401
