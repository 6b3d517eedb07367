"""Start worker processes on this machine and restart any that die.

Workers are separate processes (not threads of the web server), so a worker stuck in native
code or killed by the kernel never takes the HTTP API with it. Each child asks the kernel to
kill it when this process dies, so killing `serve` leaves no orphaned workers; their jobs are
taken over when the leases expire.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import signal
import threading
import time
from multiprocessing.process import BaseProcess

from pipelines.service.settings import ServiceSettings
from pipelines.service.worker import worker_main

log = logging.getLogger(__name__)

CHECK_INTERVAL_S = 1.0
RESTART_DELAY_S = 2.0
STOP_TIMEOUT_S = 15.0


class WorkerPool:
    """`count` worker processes sharing this machine's view of the database and store."""

    def __init__(self, settings: ServiceSettings, count: int) -> None:
        self.settings_json = settings.model_dump_json()
        self.count = count
        self._ctx = mp.get_context("spawn")
        self._procs: list[BaseProcess] = []
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def _spawn(self) -> BaseProcess:
        proc = self._ctx.Process(
            target=worker_main, args=(self.settings_json, os.getpid()), name="audit-worker"
        )
        proc.start()
        return proc

    def start(self) -> None:
        self._procs = [self._spawn() for _ in range(self.count)]

    def check(self) -> None:
        """Restart every worker that has exited."""
        for i, proc in enumerate(self._procs):
            if not proc.is_alive() and not self._stopping.is_set():
                log.warning("worker pid %s exited with %s; restarting", proc.pid, proc.exitcode)
                time.sleep(RESTART_DELAY_S)
                self._procs[i] = self._spawn()

    def supervise_in_background(self) -> None:
        def loop() -> None:
            while not self._stopping.wait(CHECK_INTERVAL_S):
                self.check()

        self._thread = threading.Thread(target=loop, name="worker-supervisor", daemon=True)
        self._thread.start()

    def supervise_until_signalled(self) -> None:
        signal.signal(signal.SIGTERM, lambda *_: self._stopping.set())
        signal.signal(signal.SIGINT, lambda *_: self._stopping.set())
        while not self._stopping.wait(CHECK_INTERVAL_S):
            self.check()

    def pids(self) -> list[int]:
        return [p.pid for p in self._procs if p.pid is not None]

    def stop(self) -> None:
        """Ask every worker to finish its current report and exit; kill those that do not."""
        self._stopping.set()
        for proc in self._procs:
            if proc.is_alive() and proc.pid is not None:
                os.kill(proc.pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        for proc in self._procs:
            proc.join(max(0.0, deadline - time.monotonic()))
            if proc.is_alive():
                proc.kill()
                proc.join()
