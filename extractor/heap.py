"""Keep what a process loaded once out of Python's cyclic garbage collector.

An extraction process imports its libraries and loads its models once, then extracts for as long
as it lives. Every full collection re-scans all of that: on the eight long text reports of
`benchmarks/long_reports`, the three full collections took 0.26 s of 7.4 s of extraction, nearly
all of it spent on the loaded models and modules. Frozen objects are skipped by every later
collection and still freed by reference counting; the interpreter's collections at exit skip
them too, which took 0.25-0.3 s of the end of every command.
"""

from __future__ import annotations

import gc


def freeze_heap(*, collect: bool = True) -> int:
    """Freeze every object tracked so far; return how many are frozen.

    With `collect` (a process about to work for long), the garbage left by loading is collected
    first, so none of it is kept for the process's life. A process about to exit skips that.
    """
    if collect:
        gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
