"""Bulk import on a real two-node Ray cluster started by the test, with URI inputs and outputs.

`ray start --head` and a second `ray start --address` run on this machine, each with one CPU,
its own resources and its own temporary folder, so the two extraction actors land on different
nodes. The driver (`audit-extractor bulk --address`) runs in its own process; the input and
output are `file://` URIs, read and written through pyarrow by the workers (the code path of
s3:// and gs://). Both nodes must do work, every report must land exactly once, and a rerun
must find nothing to do. The nodes are stopped by ending the processes this test started.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_bulk import TRAIN, read_records, sha256

REPO = Path(__file__).resolve().parent.parent
RAY = Path(sys.executable).with_name("ray")
INPUTS = [
    "bsci_table-01.pdf",
    "bsci_table-02.pdf",
    "sa8000_table-01.pdf",
    "sa8000_table-02.pdf",
    "legacy_numbered-01.pdf",
    "legacy_numbered-02.pdf",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cluster_env(token_path: Path) -> dict[str, str]:
    """Every process of the test cluster, the driver included, shares one fresh auth token."""
    return {**os.environ, "RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN_PATH": str(token_path)}


def start_node(args: list[str], temp_dir: Path, log: Path, env: dict) -> subprocess.Popen:
    """`ray start --block`: the node's processes live as long as this one (own session)."""
    return subprocess.Popen(
        [str(RAY), "start", "--block", "--disable-usage-stats", f"--temp-dir={temp_dir}", *args],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
        env=env,
    )


def stop_node(node: subprocess.Popen) -> None:
    with_group = os.getpgid(node.pid) if node.poll() is None else None
    node.send_signal(signal.SIGTERM)  # `ray start --block` stops its node's processes
    with contextlib.suppress(subprocess.TimeoutExpired):
        node.wait(timeout=30)
    if with_group is not None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(with_group, signal.SIGKILL)


def wait_for_nodes(address: str, count: int, env: dict, seconds: float = 180) -> None:
    probe = (
        "import ray,sys; ray.init(address=sys.argv[1], logging_level='ERROR'); "
        "print(sum(1 for n in ray.nodes() if n['Alive']))"
    )
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = subprocess.run(
            [sys.executable, "-c", probe, address],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        if done.returncode == 0 and done.stdout.strip().splitlines()[-1:] == [str(count)]:
            return
        time.sleep(1)
    raise AssertionError(f"the cluster at {address} never had {count} nodes")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict]]:
    base = tmp_path_factory.mktemp("cluster")
    # Ray's socket paths must stay under 108 bytes: keep its temporary folders short.
    temp = Path(tempfile.mkdtemp(prefix="rayt-", dir="/tmp"))
    token = base / "auth_token"
    token.write_text(secrets.token_hex(32))
    env = cluster_env(token)
    port = free_port()
    address = f"127.0.0.1:{port}"
    head = start_node(
        [
            "--head",
            f"--port={port}",
            "--node-ip-address=127.0.0.1",
            "--num-cpus=1",
            '--resources={"head_slot": 1}',
            "--include-dashboard=false",
        ],
        temp / "h",
        base / "head.log",
        env,
    )
    nodes = [head]
    try:
        time.sleep(2)
        nodes.append(
            start_node(
                [
                    f"--address={address}",
                    "--node-ip-address=127.0.0.1",
                    "--num-cpus=1",
                    '--resources={"second_slot": 1}',
                ],
                temp / "s",
                base / "second.log",
                env,
            )
        )
        wait_for_nodes(address, 2, env)
        yield address, env
    finally:
        for node in reversed(nodes):
            stop_node(node)
        shutil.rmtree(temp, ignore_errors=True)


def test_two_node_cluster_imports_uri_inputs_exactly_once_on_both_nodes(
    cluster: tuple[str, dict], tmp_path: Path
) -> None:
    address, env = cluster
    folder = tmp_path / "in"
    folder.mkdir()
    for name in INPUTS:
        shutil.copy(TRAIN / name, folder / name)
    out = tmp_path / "out"
    command = [
        sys.executable, "-m", "extractor.cli", "bulk", f"file://{folder}", "--out", f"file://{out}",
        "--address", address, "--workers", "2", "--chunk-size", "1",
    ]  # fmt: skip
    first = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO, env=env)
    assert first.returncode == 0, first.stderr[-3000:]

    ids = [r["report_id"] for r in read_records(out)]
    assert sorted(ids) == sorted(sha256(folder / name) for name in INPUTS)
    manifest = json.loads((out / "manifest.json").read_text())
    per_node = manifest["this_run"]["workers"]
    assert len(per_node) == 2 and all(count > 0 for count in per_node.values()), per_node
    assert manifest["all_runs"]["reports"] == len(INPUTS)

    again = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=REPO, env=env)
    assert again.returncode == 0, again.stderr[-3000:]
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["this_run"]["documents"] == 0
    assert manifest["this_run"]["skipped_already_done"] == len(INPUTS)
    assert len(read_records(out)) == len(INPUTS)
