"""The project's work packages, WP1 to WP10 as the activities document names them: their number is written here only."""

from __future__ import annotations

from .fields import Integer

WORK_PACKAGES = range(1, 11)
FIRST, LAST = WORK_PACKAGES[0], WORK_PACKAGES[-1]

# A work package's number in a data file (an activity's, an output's).
WORK_PACKAGE = Integer(minimum=FIRST, maximum=LAST, expected=f"a work package's number, from {FIRST} to {LAST}")
