"""whosaid on Dask distributed: extract a crawl too large for one machine.

    from distributed import Client
    import whosaid.dask as wd
    client = Client("tcp://scheduler:8786")
    wd.extract_files(["a.jsonl", "b.jsonl"], "out/", client=client)   # JSONL shards
    bag = wd.extract_bag(db.from_sequence(docs, npartitions=8))          # a dask.bag of records

Workers need the `whosaid` package importable (installed with `cmake --install`, or on
PYTHONPATH) and the model files (bundled in the package). Each worker process builds ONE
Extractor per set of options and reuses it for every record and task (`_worker_extractor`).
Output is deterministic: the same records as `whosaid extract` on the same input, in the same
order within each shard.

Command line:  python3 -m whosaid.dask --scheduler tcp://HOST:8786 --output DIR INPUTS...
"""
import argparse
import json
import os
import sys
import threading
from typing import Any, Dict, Iterable, List, Optional

import whosaid

_lock = threading.Lock()
_extractors: Dict[str, "whosaid.Extractor"] = {}


def _worker_extractor(options: Dict[str, Any]) -> "whosaid.Extractor":
    """One Extractor per worker process and option set (not per record)."""
    key = json.dumps(options, sort_keys=True)
    with _lock:
        ex = _extractors.get(key)
        if ex is None:
            ex = whosaid.Extractor(**options)
            _extractors[key] = ex
        return ex


def _extract_docs(docs: Iterable[Dict[str, Any]], options: Dict[str, Any]) -> List[Dict[str, Any]]:
    ex = _worker_extractor(options)
    return [ex.extract(doc, errors="record") for doc in docs]


def _extract_file_to_shard(path: str, shard: str, options: Dict[str, Any]) -> Dict[str, Any]:
    # The engine reads the file exactly as the CLI does, so a shard holds the
    # CLI's records byte for byte (ids are the paths as given to the worker).
    lines = _worker_extractor(options).extract_file_lines(path)
    tmp = shard + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line + "\n")
    os.replace(tmp, shard)  # a shard appears whole or not at all
    failed = sum(1 for line in lines if '"error":' in line and "error" in json.loads(line))
    return {"input": path, "shard": shard, "records": len(lines), "failed": failed}


def extract_files(paths: List[str], output_dir: str, client=None,
                  **options: Any) -> List[Dict[str, Any]]:
    """Extracts each input file on the cluster into OUTPUT_DIR/shard-NNNNN.jsonl
    (one shard per input, in input order). Returns one summary per shard."""
    from distributed import Client, get_client

    if client is None:
        try:
            client = get_client()
        except ValueError:
            client = Client(processes=True)
    os.makedirs(output_dir, exist_ok=True)
    futures = [client.submit(_extract_file_to_shard, p,
                             os.path.abspath(os.path.join(output_dir, f"shard-{i:05d}.jsonl")),
                             options, pure=False)
               for i, p in enumerate(paths)]
    return client.gather(futures)


def extract_bag(bag, **options: Any):
    """A dask.bag of documents (str or dict) -> a dask.bag of records, one
    Extractor per worker process."""
    return bag.map_partitions(lambda part: _extract_docs(
        [d if isinstance(d, dict) else {"text": d} for d in part], options))


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m whosaid.dask",
                                 description="Extract inputs on a Dask cluster into JSONL shards")
    ap.add_argument("inputs", nargs="+", help="text or JSONL files")
    ap.add_argument("--scheduler", help="scheduler address, e.g. tcp://10.0.0.1:8786 "
                    "(default: a LocalCluster on this machine)")
    ap.add_argument("--output", "-o", required=True, help="directory for the JSONL shards")
    ap.add_argument("--no-clean", action="store_true")
    ap.add_argument("--workers", type=int, default=0, help="LocalCluster workers (no --scheduler)")
    args = ap.parse_args(argv)
    from distributed import Client, LocalCluster

    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers or None, threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    # Under `python3 -m`, this file runs as __main__, whose functions would be
    # pickled by value; ship the importable module's functions instead.
    from whosaid import dask as module

    try:
        summaries = module.extract_files(args.inputs, args.output, client=client,
                                         clean=not args.no_clean)
    finally:
        client.close()
    failed = sum(s["failed"] for s in summaries)
    total = sum(s["records"] for s in summaries)
    print(f"whosaid.dask: {total} records in {len(summaries)} shards, {failed} failed",
          file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
