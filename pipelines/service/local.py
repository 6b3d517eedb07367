"""Run a real service (`audit-extractor serve`) in a child process on a free local port.

Used by the tests, the benchmark and anyone trying the API on one machine: it starts the same
command a user runs, in its own process group so the whole service (web process, workers and
their extraction processes) can be killed at once, and waits until `/healthz` answers.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy.orm import Session

from pipelines.service.database import make_engine, make_session_factory, upgrade_database
from pipelines.service.keys import load_or_create_secret
from pipelines.service.members import add_member
from pipelines.service.settings import DEFAULT_DATA_DIR, ENV_KEY_SECRET, ServiceSettings

START_TIMEOUT_S = 90.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "extractor.cli", *args]


class LocalService:
    """`audit-extractor serve` in `workdir`, with its embedded store unless told otherwise."""

    def __init__(
        self,
        workdir: Path,
        *,
        workers: int = 1,
        database_url: str | None = None,
        extra_args: tuple[str, ...] = (),
        env: dict[str, str] | None = None,
    ) -> None:
        self.workdir = workdir
        self.workers = workers
        self.database_url = database_url
        self.extra_args = extra_args
        self.env = {**os.environ, **(env or {})}
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.log_path = workdir / "serve.log"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def store_args(self) -> list[str]:
        return ["--database-url", self.database_url] if self.database_url else []

    def start(self, port: int | None = None) -> LocalService:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        command = cli(
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
            "--log-level",
            "warning",
            *self.store_args(),
            *self.extra_args,
        )
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            command, cwd=self.workdir, env=self.env, stdout=log, stderr=log, start_new_session=True
        )
        log.close()
        self._wait_healthy()
        return self

    def _wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"serve exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if json.load(response).get("status") == "ok":
                        return
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"serve did not answer /healthz in time: {self.log_tail()}")

    def members(self, *args: str) -> str:
        """Run `audit-extractor members ARGS` against this service's store; return stdout."""
        result = subprocess.run(
            cli("members", *self.store_args(), *args),
            cwd=self.workdir,
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout

    def add_member(self, name: str, *, via_cli: bool = False) -> str:
        """Add a member; return its API key.

        In this process by default (what `members add` runs, without its start-up time);
        `via_cli` runs the command itself.
        """
        if via_cli:
            return self.members("add", name).strip().splitlines()[-1]
        with self.session() as (session, secret):
            return add_member(session, secret, name)

    @contextlib.contextmanager
    def session(self) -> Iterator[tuple[Session, bytes]]:
        """A transaction on this service's database (migrated), and its key secret."""
        settings = self.settings()
        upgrade_database(settings.database_url)
        secret = load_or_create_secret(settings.key_secret_path(), self.env.get(ENV_KEY_SECRET))
        engine = make_engine(settings.database_url)
        try:
            with make_session_factory(engine).begin() as session:
                yield session, secret
        finally:
            engine.dispose()

    def settings(self) -> ServiceSettings:
        """The settings `serve` uses in `workdir`."""
        data_dir = self.workdir / DEFAULT_DATA_DIR
        return ServiceSettings(
            database_url=self.database_url or f"sqlite:///{(data_dir / 'service.db').resolve()}",
            store_dir=(data_dir / "files").resolve(),
        )

    def kill(self) -> None:
        """SIGKILL the web process, the workers and their extraction processes at once."""
        if self.proc is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self.proc = None

    def interrupt(self, timeout_s: float = 60.0) -> int | None:
        """Press Ctrl-C: SIGINT to the whole process group, as a terminal does; wait for exit."""
        if self.proc is None:
            return None
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            code = self.proc.wait(timeout_s)
        finally:
            self.kill()
        return code

    def stop(self, timeout_s: float = 30.0) -> None:
        """Stop gracefully (SIGTERM), killing whatever is left after `timeout_s`."""
        if self.proc is None:
            return
        self.proc.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout_s)
        self.kill()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def __enter__(self) -> LocalService:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
