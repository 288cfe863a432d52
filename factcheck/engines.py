"""Where extraction runs: this process, a process pool (api), or a Dask cluster.

The Dask engine maps article batches over a cluster (an existing one at ``scheduler``, else a
LocalCluster of two worker processes) and gathers results in input order, so the report is
byte-identical to the local engine.
"""
from __future__ import annotations


def _run_batch(fn_name: str, kn, batch: list) -> list:
    from . import api

    api._init_worker(kn)
    fn = getattr(api, fn_name)
    return [fn(x) for x in batch]


def dask_map(fn_name: str, items: list, kn, scheduler: str | None = None, batch: int = 64) -> list:
    """Apply ``factcheck.api.<fn_name>`` to items on a Dask cluster; results in input order."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        from .api import UsageError

        raise UsageError("the Dask engine needs the dask extra: pip install 'factcheck[dask]'") from None
    if not items:
        return []
    cluster = None
    if scheduler:
        client = Client(scheduler, timeout="20s")
    else:
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        shared = client.scatter(kn, broadcast=True)
        batches = [items[i:i + batch] for i in range(0, len(items), batch)]
        futures = client.map(_run_batch, [fn_name] * len(batches), [shared] * len(batches), batches, pure=False)
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return [x for part in results for x in part]
