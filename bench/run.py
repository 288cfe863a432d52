"""Benchmark: factcheck on generated corpora of growing size (``make bench``).

    python -m bench.run [--sizes 200,1000,2000,10000] [--modes clusters,story] [--jobs N] [--seed S]
                        [--outliers K] [--store-size N]

Two corpus modes (bench.corpus): "clusters", many small stories of 3-8 articles each, and
"story", one story told by every article (the same names everywhere, each fact held by most
sources, a few planted outliers per fact). For each mode and size: articles/s, MB/s, peak RSS,
time per stage, recall/precision against the planted conflicts, and how the time grows from
one size to the next. Then, on 200 articles of each mode, extraction and the whole run
(``--no-store``) against quantulum3 + dateparser's search_dates on the same files, when those
optional packages are installed (pip install -e '.[bench]'). Each run is a process of its
own, so that peak memory is its own.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tabulate import tabulate

ROOT = Path(__file__).resolve().parent.parent


def _one_run(corpus: Path, jobs: int, store: str | None = None, reuse: bool = True) -> dict:
    """Run factcheck on a corpus in this process; return timings, sizes and peak RSS."""
    import resource

    from factcheck import api

    out = Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    started = time.perf_counter()
    report = api.run([corpus], out, rules_dirs=[ROOT / "rules"], jobs=jobs, store_path=Path(store) if store else None,
                     reuse_reports=reuse)
    total = time.perf_counter() - started
    rss = max(_peak_kb(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
    return {"articles": report.counts()["articles"], "bytes": size, "seconds": total, "rss_mb": rss / 1024,
            "timings": report.timings, "conflicts": str(out / "conflicts.json")}


def _peak_kb() -> int:
    """This process's peak resident memory in kB: VmHWM, which starts again at exec (ru_maxrss
    keeps the figure of the bench process this one was started from)."""
    import resource

    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _score(conflicts: str, gold: Path) -> tuple[float, float, int]:
    import yaml

    from factcheck.evaluate import score

    data = json.loads(Path(conflicts).read_text(encoding="utf-8"))
    result = score(data, yaml.safe_load(gold.read_text(encoding="utf-8")))
    return result.recall, result.precision, len(result.trap_hits)


def _baseline(corpus: Path, limit: int) -> dict | None:
    """quantulum3 + dateparser over the same articles, against factcheck's extraction alone."""
    try:
        from dateparser.search import search_dates
        from quantulum3 import parser as qparser
    except ImportError:
        return None
    from factcheck.api import extract_all, read_inputs
    from factcheck.rules import load_ruleset

    files = sorted(corpus.glob("*.txt"))[:limit]
    texts = [p.read_text(encoding="utf-8") for p in files]
    started = time.perf_counter()
    for text in texts:
        qparser.parse(text)
        search_dates(text, languages=["en"])
    theirs = time.perf_counter() - started
    ruleset = load_ruleset([ROOT / "rules"])
    arts, _, _ = read_inputs(files, None, ruleset)
    started = time.perf_counter()
    extract_all(arts, ruleset.knowledge, 1)
    ours = time.perf_counter() - started
    return {"articles": len(texts), "theirs": theirs, "ours": ours}


def _run_child(corpus: Path, jobs: int, store: Path | None = None, reuse: bool = True) -> dict:
    """One run in a fresh interpreter; "wall" is the whole command, interpreter start included."""
    cmd = [sys.executable, "-m", "bench.run", "--one", str(corpus), "--jobs", str(jobs)]
    if store:
        cmd += ["--store", str(store)] + ([] if reuse else ["--no-reuse"])
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr)
    return {**json.loads(proc.stdout.strip().splitlines()[-1]), "wall": wall}


def _store_table(work: Path, n: int, jobs: int, seed: int) -> list[list]:
    """First run with an empty store, re-runs on the same corpus (reports reused, and rebuilt from
    cached claims), a re-run with 2% new articles; times are whole commands."""
    import shutil

    from bench.corpus import write_corpus

    full = work / f"store-full-{n}"
    write_corpus(full, n, seed)
    early = work / f"store-early-{n}"
    early.mkdir()
    files = sorted(full.glob("*.txt"))
    keep = len(files) - max(1, len(files) // 50)
    for p in files[:keep]:
        shutil.copy(p, early / p.name)
    shutil.copy(full / "sources.yaml", early / "sources.yaml")
    store = work / f"store-{n}.sqlite"
    first = _run_child(early, jobs, store)
    same = _run_child(early, jobs, store)
    rebuilt = _run_child(early, jobs, store, reuse=False)
    more = _run_child(full, jobs, store)
    plain = _run_child(full, jobs)
    early_plain = _run_child(early, jobs)
    identical = (Path(more["conflicts"]).read_bytes() == Path(plain["conflicts"]).read_bytes()
                 and Path(first["conflicts"]).read_bytes() == Path(same["conflicts"]).read_bytes()
                 == Path(rebuilt["conflicts"]).read_bytes() == Path(early_plain["conflicts"]).read_bytes())
    rows = []
    for label, r in (("first run, empty store", first), ("re-run, unchanged: reports reused", same),
                     ("re-run, unchanged: checked again from cached claims", rebuilt),
                     (f"re-run, {len(files) - keep} new articles", more)):
        rows.append([label, r["articles"], f"{r['wall']:.2f}", f"{first['wall'] / r['wall']:.1f}x",
                     f"{r['timings'].get('extract', 0):.2f}"])
    rows.append(["(all articles, no store)", plain["articles"], f"{plain['wall']:.2f}", "",
                 f"{plain['timings'].get('extract', 0):.2f}"])
    rows.append([f"store output identical to no store: {identical}", "", "", "", ""])
    return rows


def _mode_tables(work: Path, mode: str, sizes: list[int], jobs: int, seed: int, outliers: int) -> list[str]:
    """The size table, the stage table and the growth lines of one corpus mode."""
    from bench.corpus import write_mode

    rows, stage_rows, seconds = [], [], []
    for n in sizes:
        corpus = work / f"{mode}-n{n}"
        write_mode(mode, corpus, n, seed, outliers)
        r = _run_child(corpus, jobs)
        recall, precision, traps = _score(r["conflicts"], corpus / "gold.yaml")
        seconds.append(r["seconds"])
        rows.append([f"{n:,}", f"{r['seconds']:.1f}", f"{r['articles'] / r['seconds']:.0f}",
                     f"{r['bytes'] / 1e6 / r['seconds']:.2f}", f"{r['rss_mb']:.0f}", f"{recall:.3f}",
                     f"{precision:.3f}", traps])
        stage_rows.append([f"{n:,}"] + [f"{r['timings'].get(k, 0):.2f}" for k in ("read", "extract", "align", "check",
                                                                                 "report")])
    out = [f"factcheck on generated corpora, mode {mode} ({jobs} jobs)", "",
           tabulate(rows, headers=["articles", "seconds", "articles/s", "MB/s", "peak RSS MB", "recall",
                                   "precision", "traps flagged"], tablefmt="github"), "",
           tabulate(stage_rows, headers=["articles", "read s", "extract s", "align s", "check s", "report s"],
                    tablefmt="github"), ""]
    for i, (a, ta) in enumerate(zip(sizes, seconds)):
        for b, tb in zip(sizes[i + 1:], seconds[i + 1:]):
            out.append(f"{a:,} → {b:,} articles ({b / a:.0f}×): {tb / ta:.1f}× the time")
    return out


def _baseline_rows(work: Path, mode: str, jobs: int, seed: int, outliers: int, limit: int = 200) -> list | None:
    """Extraction and the whole run (``--no-store``) on ``limit`` articles of a mode, against
    quantulum3 + dateparser on the same files."""
    from bench.corpus import write_mode

    corpus = work / f"{mode}-baseline"
    write_mode(mode, corpus, limit, seed, outliers)
    base = _baseline(corpus, limit)
    if base is None:
        return None
    whole = _run_child(corpus, jobs)
    return [mode, base["articles"], f"{base['ours']:.2f}", f"{whole['seconds']:.2f}", f"{whole['wall']:.2f}",
            f"{base['theirs']:.2f}", f"{base['theirs'] / max(base['ours'], 1e-9):.1f}x",
            f"{base['theirs'] / max(whole['seconds'], 1e-9):.1f}x", f"{base['theirs'] / max(whole['wall'], 1e-9):.1f}x"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="200,1000,2000,10000")
    ap.add_argument("--modes", default="clusters,story", help="corpus modes, comma-separated (clusters, story)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--outliers", type=int, default=3, help="planted outliers per fact in the story mode")
    ap.add_argument("--store-size", type=int, default=2000, help="corpus size for the store re-run table (0: skip)")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--store", help=argparse.SUPPRESS)
    ap.add_argument("--no-reuse", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(_one_run(Path(args.one), args.jobs, args.store, not args.no_reuse)))
        return 0
    work = Path(tempfile.mkdtemp(prefix="factcheck-corpus-"))
    sizes = [int(s) for s in args.sizes.split(",")]
    modes = [m for m in args.modes.split(",") if m]
    try:
        for mode in modes:
            print("\n".join(_mode_tables(work, mode, sizes, args.jobs, args.seed, args.outliers)), flush=True)
            print()
        if args.store_size:
            print(tabulate(_store_table(work, args.store_size, args.jobs, args.seed),
                           headers=["claim store", "articles", "command s", "speed-up", "extract s"],
                           tablefmt="github"))
            print()
        base = [row for mode in modes if (row := _baseline_rows(work, mode, args.jobs, args.seed, args.outliers))]
    except RuntimeError as exc:
        print(exc, file=sys.stderr)
        return 1
    if not base:
        print("Baseline: quantulum3 and dateparser are not installed (pip install -e '.[bench]').")
    else:
        print(tabulate(base, headers=["mode", "articles", "factcheck extract s", "whole run s", "command s",
                                      "quantulum3+dateparser s", "vs extract", "vs whole run", "vs command"],
                       tablefmt="github"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
