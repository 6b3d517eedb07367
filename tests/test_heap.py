"""`freeze_heap`: what a long-lived extraction process loaded is kept out of later collections,
and the garbage left by loading is not kept with it. Each check runs in a fresh interpreter:
freezing the test process's own heap would keep the whole test session's objects for good."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

CHECK = """
import gc, sys, weakref
from extractor.heap import freeze_heap

class Node:
    pass

kept = Node()
garbage = Node()
garbage.self = garbage  # a reference cycle: only the cyclic collector can free it
dead = weakref.ref(garbage)
del garbage
frozen = freeze_heap(collect=sys.argv[1] == "collect")
gc.collect()
print(frozen, dead() is None, gc.is_tracked(kept), len(gc.get_objects(generation=2)))
"""


def _run(mode: str) -> tuple[int, bool, int]:
    proc = subprocess.run(
        [sys.executable, "-c", CHECK, mode], capture_output=True, text=True, cwd=REPO, check=True
    )
    frozen, freed, tracked, oldest = proc.stdout.split()
    assert tracked == "True"
    return int(frozen), freed == "True", int(oldest)


@pytest.mark.parametrize("mode", ["collect", "no-collect"])
def test_everything_loaded_is_frozen_and_later_collections_skip_it(mode: str) -> None:
    frozen, _freed, oldest = _run(mode)
    assert frozen > 1_000  # the interpreter's own modules and this script's objects
    # A full collection after the freeze leaves the oldest generation almost empty: it no
    # longer holds (and so no longer scans) what was loaded.
    assert oldest < frozen / 100


def test_garbage_left_by_loading_is_collected_before_the_freeze() -> None:
    assert _run("collect")[1] is True


def test_without_collect_garbage_is_frozen_too() -> None:
    # What a process about to exit uses: nothing is collected, the cycle stays.
    assert _run("no-collect")[1] is False
