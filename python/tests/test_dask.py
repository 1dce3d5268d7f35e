"""whosaid.dask on a LocalCluster and on real scheduler/worker processes on
loopback: the shards must equal the single-process CLI's output."""
import os
import socket
import subprocess
import sys
import time

import pytest

distributed = pytest.importorskip("distributed")

import whosaid  # noqa: E402
import whosaid.dask as wd  # noqa: E402

ROOT = os.environ.get("WHOSAID_SOURCE_DIR",
                      os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
CLI = os.environ.get("WHOSAID_BIN", os.path.join(ROOT, "build", "whosaid"))


@pytest.fixture()
def inputs(tmp_path):
    jsonl = tmp_path / "batch.jsonl"
    lines = [f'{{"id":"d{i}","text":"The official said on day {i} that {i * 7} people left. '
             f'“It is over,” she said."}}' for i in range(40)]
    lines.insert(5, "{broken json")
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    paths = [str(jsonl)]
    for name in sorted(os.listdir(os.path.join(ROOT, "examples"))):
        if name.endswith(".txt"):
            paths.append(os.path.join(ROOT, "examples", name))
    return paths


def cli_lines(paths):
    out = subprocess.run([CLI, "extract", *paths], capture_output=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout.decode("utf-8").splitlines()


def shard_lines(out_dir, n):
    lines = []
    for i in range(n):
        with open(os.path.join(out_dir, f"shard-{i:05d}.jsonl"), encoding="utf-8") as fh:
            lines.extend(fh.read().splitlines())
    return lines


@pytest.mark.skipif(not os.path.exists(CLI), reason="whosaid CLI not built")
def test_local_cluster_matches_cli(inputs, tmp_path):
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    try:
        with distributed.Client(cluster) as client:
            summaries = wd.extract_files(inputs, str(tmp_path / "out"), client=client)
    finally:
        cluster.close()
    assert [s["records"] for s in summaries][0] == 41
    assert summaries[0]["failed"] == 1
    assert shard_lines(tmp_path / "out", len(inputs)) == cli_lines(inputs)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(not os.path.exists(CLI), reason="whosaid CLI not built")
def test_separate_scheduler_and_worker_processes(inputs, tmp_path):
    port = free_port()
    env = dict(os.environ)
    procs = []
    try:
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
             "--port", str(port), "--dashboard-address", ":0", "--no-dashboard"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        address = f"tcp://127.0.0.1:{port}"
        for _ in range(2):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", address,
                 "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)
            wd.extract_files(inputs, str(tmp_path / "out"), client=client)
        assert shard_lines(tmp_path / "out", len(inputs)) == cli_lines(inputs)
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()


def test_extract_bag_one_extractor_per_worker():
    db = pytest.importorskip("dask.bag")
    docs = [f"The minister said {i} schools would close." for i in range(30)]
    bag = wd.extract_bag(db.from_sequence(docs, npartitions=3))
    records = bag.compute(scheduler="synchronous")
    assert len(records) == 30
    assert records == [whosaid.Extractor().extract(d) for d in docs]
    assert len(wd._extractors) == 1


@pytest.mark.skipif(not os.path.exists(CLI), reason="whosaid CLI not built")
def test_cli_dask_subcommand(inputs, tmp_path):
    out = tmp_path / "cli-out"
    proc = subprocess.run([CLI, "dask", "--output", str(out), "--workers", "1", *inputs],
                          capture_output=True, timeout=240)
    assert proc.returncode == 1, proc.stderr[-2000:]  # the broken JSONL line failed
    assert b"records in" in proc.stderr
    assert shard_lines(out, len(inputs)) == cli_lines(inputs)
