"""One thread for the native libraries (OpenMP, BLAS) while a report's models run.

`threadpoolctl.threadpool_limits` looks for the loaded libraries anew on every call (3 ms of
CPU, twice per report); they are loaded with the models, so they are looked for once.
"""

from __future__ import annotations

import functools
from contextlib import AbstractContextManager
from typing import Literal

from threadpoolctl import ThreadpoolController


@functools.cache
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


def single_threaded(user_api: Literal["openmp", "blas"]) -> AbstractContextManager[object]:
    """A context manager limiting `user_api`'s libraries to one thread (restored on exit)."""
    controller = _controller()
    if not controller.select(user_api=user_api).lib_controllers:
        # Not loaded when the libraries were first looked for: look again.
        _controller.cache_clear()
        controller = _controller()
    return controller.limit(limits=1, user_api=user_api)
