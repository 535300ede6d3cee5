"""Run `mkdocs build ...` in this process and write its peak memory (MiB) to the file named first.

python bench/_measured_build.py PEAK_FILE build -q -f mkdocs.yml ...
"""

import atexit
import resource
import sys
from pathlib import Path

from mkdocs.__main__ import cli

peak_file = Path(sys.argv.pop(1))
atexit.register(lambda: peak_file.write_text(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
sys.argv[0] = "mkdocs"
cli()
