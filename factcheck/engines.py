"""Where the pipeline's per-article and per-block jobs run: here, in a process pool, or on Dask.

Every engine returns results in input order, so a report does not depend on where it was made.
``map`` calls ``tick(n)`` in this process as n more items are done, for a progress display.
The Dask engine uses an existing cluster at ``scheduler``, else a LocalCluster of two worker
processes; what every job needs (knowledge, check context) is sent to each worker once.
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor

from . import pipeline
from .errors import UsageError

_ITEMS: list = []


def _start_worker(shared, items: list) -> None:
    global _ITEMS
    pipeline.set_shared(shared)
    _ITEMS = items


def _item_at(job: tuple) -> object:
    fn, i = job
    return fn(_ITEMS[i])


def _fork_context():
    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None


class LocalEngine:
    """Jobs in this process, or in a pool of ``jobs`` processes when there is enough to share.

    Where processes can be forked, each map starts its own pool, whose workers inherit the
    items instead of being sent them (only their results travel); elsewhere a pool per shared
    state is kept and items are sent.
    """

    def __init__(self, jobs: int = 1):
        self.jobs = max(1, jobs)
        self._pool = None
        self._pool_shared = None
        self._fork = _fork_context()

    def map(self, fn, items: list, shared, batch: int = 0, tick=None, small: bool = False) -> list:
        """fn over items, in input order; in this process when the work is ``small`` (starting
        workers would cost more than it)."""
        forked = None
        results: Iterable
        if self.jobs <= 1 or len(items) < 2 * self.jobs or small:
            pipeline.set_shared(shared)
            results = (fn(x) for x in items)
        elif self._fork is not None:
            forked = ProcessPoolExecutor(max_workers=self.jobs, mp_context=self._fork, initializer=_start_worker,
                                         initargs=(shared, items))
            chunk = batch or max(1, len(items) // (self.jobs * 8))
            results = forked.map(_item_at, [(fn, i) for i in range(len(items))], chunksize=chunk)
        else:
            pool = self._pool_for(shared)
            chunk = batch or max(1, len(items) // (self.jobs * 8))
            results = pool.map(fn, items, chunksize=chunk)
        try:
            return self._collect(results, tick)
        finally:
            if forked is not None:
                forked.shutdown()

    @staticmethod
    def _collect(results, tick) -> list:
        if tick is None:
            return list(results)
        out = []
        for result in results:
            out.append(result)
            tick(1)
        return out

    def _pool_for(self, shared):
        if self._pool is None or self._pool_shared is not shared:
            self.close()
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, initializer=pipeline.set_shared,
                                             initargs=(shared,))
            self._pool_shared = shared
        return self._pool

    def close(self) -> None:
        """Stop the worker processes, if any."""
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


def _run_batch(fn, shared, batch: list) -> list:
    pipeline.set_shared(shared)
    return [fn(x) for x in batch]


class DaskEngine:
    """Jobs as Dask futures over batches of items, on a cluster."""

    def __init__(self, scheduler: str | None = None):
        try:  # distributed is the optional dask extra (and ~0.3 s to import): only for this engine
            from distributed import Client, LocalCluster
        except ImportError:
            raise UsageError("the Dask engine needs the dask extra: pip install 'factcheck[dask]'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                            dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        self._shared = None
        self._shared_future = None

    def map(self, fn, items: list, shared, batch: int = 64, tick=None, small: bool = False) -> list:
        """fn over items on the cluster (batch items a task), in input order (even ``small`` work:
        the cluster was asked for)."""
        if not items:
            return []
        if self._shared is not shared:
            self._shared_future = self.client.scatter(shared, broadcast=True)
            self._shared = shared
        size = batch or 64
        batches = [items[i:i + size] for i in range(0, len(items), size)]
        futures = self.client.map(_run_batch, [fn] * len(batches), [self._shared_future] * len(batches), batches,
                                  pure=False)
        if tick is not None:
            from distributed import as_completed  # the optional dask extra, as in __init__

            size_of = {f.key: len(b) for f, b in zip(futures, batches)}
            for done in as_completed(futures):
                tick(size_of[done.key])
        return [x for part in self.client.gather(futures) for x in part]

    def close(self) -> None:
        """Disconnect, and stop the local cluster if this engine started one."""
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_engine(engine: str = "local", jobs: int = 1, scheduler: str | None = None):
    """The engine a run asked for: 'local' (``jobs`` processes) or 'dask' (a cluster)."""
    if engine == "dask":
        return DaskEngine(scheduler)
    if engine != "local":
        raise UsageError(f"unknown engine '{engine}' (choose local or dask)")
    return LocalEngine(jobs)
