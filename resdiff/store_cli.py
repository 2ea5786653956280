"""Version-store commands (add, log, blame, history), registered on the CLI app."""

from __future__ import annotations
