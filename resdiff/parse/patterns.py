"""Line patterns that more than one parsing stage recognises: symbols, operative numbers and the
marks a printer leaves at a page's head or foot (the layout stage drops them, the identity stage
reads the document's symbol from them)."""

from __future__ import annotations

import re

# A UN document symbol, tolerant of the stray spaces reports print ("A/C. 2/65/L. 56").
_SYMBOL = re.compile(
    r"(?<![A-Za-z0-9/])([A-Z]{1,2}(?:\s?/\s?(?:[A-Z][A-Za-z]{0,3}\.\s?\d+|[A-Z0-9][A-Z0-9\-]*)){2,6})"
    r"(?![A-Za-z0-9])"
)
_OPERATIVE = re.compile(r"^(\d{1,4})\s?[.．]\s*(?=\S)")
_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}\s*(?:\(\w\))?(?:\s+\d{6})?(?:\s+\d+/\d+)?\s*$|^\d{2}-\d{5}\s+\d+/\d+\s*$")
# A page's head or foot as PDF text extraction leaves it: job number, print date, page number,
# barcode and symbol in any order, often glued together ("2/9 23-21227A/C.3/78/L.41").
_FURNITURE_TOKEN = (r"(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?|\d{6}|\d{1,3}\s*/\s*\d{1,3}|\*\d{6,8}\*"
                    r"|Please recycle|[A-Z]{1,2}/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)+)")
_FURNITURE_LINE = re.compile(rf"^(?:{_FURNITURE_TOKEN}\s*)+$")
_GLUED_SYMBOL = re.compile(r"([A-Z]{1,2}/[A-Za-z0-9.\-]+(?:/[A-Za-z0-9.\-]+)+)\s*$")
_BARCODE = re.compile(r"^\*\d{6,8}\*")
_DISTR = re.compile(r"^(?:Distr\.|Original:|Distr\s*[.:：]|分发|Limited$|General$)", re.I)
_TITLE_NUMBER = re.compile(r"^(?:[A-Z]{0,3}-?\d+/\d+\s*[A-Z]?\s*\.|\d+/\d+\s*\.)\s*")
