"""Files kept between builds (.cache/: share cards, web versions of photos, the checks' results).

A cache may be shared by builds that run at the same time (the test suite's, on several
processors): each file is written under a name of its own and then moved into place in one
step, so no build ever reads a half-written file, whoever wrote it.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex}.part")
    partial.write_bytes(data)
    partial.replace(path)
