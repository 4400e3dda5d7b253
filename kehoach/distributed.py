"""The Dask executor for corpus rebuilds: OCR and extraction on a cluster, writes in the client.

``kehoach ingest --executor dask --scheduler tcp://host:8786`` sends one task per document to an
existing cluster (started with ``dask scheduler`` and ``dask worker tcp://host:8786 --nthreads 1
--nworkers N`` on each machine); without ``--scheduler`` a local cluster of ``workers`` processes is
started. Workers need the same kehoach installation and must see the files at the same paths (a
shared or network file system); they return plain :class:`Document` results and only this process
writes to the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from kehoach.document import Document
from kehoach.errors import InputError, UsageError
from pipeline.options import PipelineOptions

Outcome = Document | InputError
Task = Callable[[Path, str, PipelineOptions], Outcome]


def run_on_dask(
    todo: list[tuple[Path, str]],
    options: PipelineOptions,
    workers: int,
    scheduler: str | None,
    task: Task,
) -> Iterator[tuple[Path, str, Outcome]]:
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError as exc:  # pragma: no cover - distributed is a declared dependency
        raise UsageError("the dask executor needs the 'distributed' package") from exc
    if not todo:
        return
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        futures = {client.submit(task, path, sha, options, pure=False): (path, sha) for path, sha in todo}
        for future in as_completed(futures):
            path, sha = futures.pop(future)
            try:
                outcome = future.result()
            except Exception as exc:  # the worker died or the task raised something unexpected
                outcome = InputError(f"worker failed: {type(exc).__name__}: {exc}")
            future.release()  # let the cluster forget the result: a rebuild may hold 100k documents
            yield path, sha, outcome
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
