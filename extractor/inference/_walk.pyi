# Type stub for the compiled tree walk (`_walk.c`).
from typing import Any

def walk(
    x: Any,
    single: bool,
    rows: int,
    features: int,
    feature: Any,
    threshold: Any,
    missing_left: Any,
    left: Any,
    right: Any,
    value: Any,
    roots: Any,
    per_iteration: int,
    out: Any,
) -> None: ...
