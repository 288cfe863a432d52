"""Command line: parses arguments and calls factcheck.api — nothing else."""
from __future__ import annotations

import contextlib
import json
import os
import sys
import time
import traceback
from dataclasses import replace
from enum import Enum
from pathlib import Path

import typer
from tabulate import tabulate

from . import api
from .config import load_config
from .yamlio import RuleError

RULES_HELP = "Rule folder(s) added to the built-in rules; a rule of a built-in code replaces it."

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Check several reports of the same events against each other.")
_state = {"debug": False}


def _fail(message: str) -> None:
    typer.echo(f"factcheck: {message}", err=True)
    raise typer.Exit(api.EXIT_ERROR)


def _guard(fn):
    try:
        return fn()
    except typer.Exit:
        raise
    except (RuleError, api.UsageError) as exc:
        if _state["debug"]:
            traceback.print_exc()
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted; previous reports left as they were")
    except Exception as exc:
        if _state["debug"]:
            traceback.print_exc()
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {api.package_version()}")
        raise typer.Exit(0)


@app.callback()
def main_options(debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks on errors."),
                 version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                              help="Print factcheck's version and exit.")) -> None:
    """factcheck: source-consistency fact checking."""
    _state["debug"] = debug


class FailOn(str, Enum):
    """The lowest severity of conflict that sets exit 1."""

    error = "error"
    warning = "warning"
    info = "info"


def _split(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


@app.command()
def run(inputs: list[Path] = typer.Argument(None, help="Article files, folders or glob patterns ('seeds/*.txt', "
                                             "'**' for any depth); '-' reads paths from stdin, one a line "
                                             "(default: seeds/)."),
        out: Path = typer.Option(Path("reports"), "--out", help="Folder for report.md, conflicts.json, claims.csv."),
        sources: Path | None = typer.Option(None, "--sources", help="sources.yaml with outlets and dates."),
        rules: list[Path] | None = typer.Option(None, "--rules", help=RULES_HELP),
        fmt: str = typer.Option("md,json,csv", "--format", help="Comma-separated: md, json, csv, claimreview, html."),
        select: list[str] | None = typer.Option(None, "--select", help="Rule codes or prefixes to use."),
        ignore: list[str] | None = typer.Option(None, "--ignore", help="Rule codes or prefixes to skip."),
        jobs: int = typer.Option(0, "--jobs", help="Extraction processes (0: all cores)."),
        store: Path = typer.Option(Path(".factcheck/claims.sqlite"), "--store", envvar="FACTCHECK_STORE",
                                   help="SQLite claim cache (re-runs only extract new articles)."),
        no_store: bool = typer.Option(False, "--no-store", help="Do not read or write the claim cache."),
        engine: str = typer.Option("local", "--engine", help="local (process pool) or dask."),
        scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address, tcp://HOST:PORT "
                                                "(default: a LocalCluster of two workers)."),
        fail_on: FailOn | None = typer.Option(None, "--fail-on",
                                                 help="Lowest severity of conflict that sets exit 1 "
                                                      "(default: min-severity in the configuration, else info: any conflict)."),
        baseline: Path | None = typer.Option(None, "--baseline",
                                                help="Baseline file of reviewed conflicts (`factcheck baseline`, or an "
                                                     "earlier conflicts.json): they are listed as suppressed, not "
                                                     "reported as conflicts, and do not set exit 1."),
        quiet: bool = typer.Option(False, "--quiet", help="Print nothing but errors."),
        lang: str | None = typer.Option(None, "--lang", help="Read every article in this language (en, de, fr, es); "
                                                             "default: as declared, else detected.")) -> None:
    """Extract claims, align them across articles and report the conflicts."""
    formats = tuple(f.strip() for f in fmt.split(",") if f.strip())
    bad = [f for f in formats if f not in api.ALL_FORMATS]
    if bad or not formats:
        _fail(f"unknown format(s): {', '.join(bad) or '(none)'}; use {', '.join(api.ALL_FORMATS)}")
    if engine not in ("local", "dask"):
        _fail(f"unknown engine '{engine}'; use local or dask")
    started = time.perf_counter()
    config = _guard(lambda: load_config(Path.cwd()))
    if fail_on is not None:
        config = replace(config, min_severity=fail_on.value)
    workers = jobs if jobs > 0 else (os.cpu_count() or 1)
    with _progress(quiet) as say:
        report = _guard(lambda: api.run(list(inputs or [Path("seeds")]), out, sources, rules, formats,
                                        _split(select), _split(ignore), config, jobs=workers,
                                        store_path=None if no_store else store, engine=engine, scheduler=scheduler,
                                        progress=say, baseline=baseline, lang=lang))
    for note in report.store_notes:
        if not quiet or "unusable" in note:
            typer.echo(note, err=True)
    for s in report.skipped:
        typer.echo(f"skipped {s.path}: {s.reason}", err=True)
    for warning in report.warnings:
        typer.echo(f"warning: {warning}", err=True)
    counts = report.counts()
    if not counts["articles"]:
        _fail("no article could be checked")
    if not quiet:
        typer.echo(f"{report.describe()} → {out}/ ({time.perf_counter() - started:.2f}s: "
                   + ", ".join(f"{k} {v:.2f}s" for k, v in report.timings.items()) + ")", err=True)
    raise typer.Exit(report.exit_code(config.min_severity))


@contextlib.contextmanager
def _progress(quiet: bool):
    """Rich progress bars on stderr when it is a terminal (not with --quiet, not in CI); yields
    the progress callback for api.run, or None."""
    if quiet or os.environ.get("CI") or not sys.stderr.isatty():
        yield None
        return
    # rich (~20 ms to import, with the bars module that uses it) only for a terminal
    from rich.console import Console

    from .progressbar import ProgressBars

    with ProgressBars(Console(stderr=True)) as bars:
        yield bars


@app.command("rules")
def rules_cmd(check: Path | None = typer.Option(None, "--check", help="Validate a rule folder and exit."),
              rules: list[Path] | None = typer.Option(None, "--rules", help=RULES_HELP)) -> None:
    """List every rule (code, kind, severity, name), or validate a folder with --check."""
    if check is not None:
        found = _guard(lambda: api.validate_rules(check))
        typer.echo(f"{check}: {found} {'rule' if found == 1 else 'rules'} valid, every example passes")
        raise typer.Exit(0)
    ruleset = _guard(lambda: api.load_rules_for(rules, load_config(Path.cwd())))
    rows = [[r.code, r.kind, r.severity, r.verdict, r.name] for r in sorted(ruleset.rules, key=lambda r: r.code)]
    typer.echo(tabulate(rows, headers=["Code", "Kind", "Severity", "Verdict", "Name"], tablefmt="simple"))


@app.command("rule")
def rule_cmd(code: str = typer.Argument(..., help="A rule code, e.g. TTL001."),
             rules: list[Path] | None = typer.Option(None, "--rules", help=RULES_HELP)) -> None:
    """Explain one rule: what it flags, why it matters, its examples."""
    ruleset = _guard(lambda: api.load_rules_for(rules, load_config(Path.cwd()), select=["ALL"], ignore=[]))
    rule = ruleset.get(code.upper())
    if rule is None:
        _fail(f"no rule {code}; `factcheck rules` lists them")
    typer.echo(api.explain_rule(rule))


@app.command("claims")
def claims_cmd(files: list[Path] = typer.Argument(..., help="Article files, folders or glob patterns; '-' reads paths from stdin."),
               sources: Path | None = typer.Option(None, "--sources", help="sources.yaml with dates."),
               as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
               rules: list[Path] | None = typer.Option(None, "--rules", help=RULES_HELP),
               lang: str | None = typer.Option(None, "--lang", help="Read every article in this language.")) -> None:
    """Print the claims extracted from articles (what a rule writer needs to see)."""
    skipped: list = []
    warnings: list = []
    rows = _guard(lambda: api.list_claims(files, sources, rules, skipped_out=skipped, warnings_out=warnings,
                                          lang=lang))
    for item in skipped:
        typer.echo(f"skipped {item.path}: {item.reason}", err=True)
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)
    if as_json:
        for row in rows:
            typer.echo(json.dumps(row, ensure_ascii=False))
        return
    typer.echo(tabulate([[r["source"], r["line"], r["type"], r["value"], r["resolved"], r["text"][:60]] for r in rows],
                        headers=["Source", "Line", "Type", "Value", "Resolved", "Quote"], tablefmt="simple"))


@app.command("show")
def show_cmd(conflict_id: str = typer.Argument(..., help="A conflict id from the last report, e.g. DAT001-35220b8f."),
             out: Path = typer.Option(Path("reports"), "--out", help="Folder of the last report.")) -> None:
    """Print one conflict from the last report."""
    text = _guard(lambda: api.show_conflict(out, conflict_id))
    typer.echo(text)


@app.command("baseline")
def baseline_cmd(report: Path = typer.Argument(Path("reports/conflicts.json"),
                                               help="A conflicts.json written by `factcheck run`."),
                 output: Path = typer.Option(..., "--output", "-o", help="The baseline file to write, e.g. reviewed.json."),
                 ids: list[str] | None = typer.Option(None, "--id", help="Only the conflicts whose id starts with "
                                                         "this (repeat the option for more); default: all."),
                 merge: bool = typer.Option(False, "--merge", help="Keep the entries already in the output file "
                                                                   "and add these.")) -> None:
    """Write a baseline of reviewed conflicts for `factcheck run --baseline`."""
    count = _guard(lambda: api.write_baseline(report, output, _split(ids), merge))
    typer.echo(f"{output}: {count} reviewed {'conflict' if count == 1 else 'conflicts'}")


@app.command("score")
def score_cmd(report: Path = typer.Argument(..., help="A conflicts.json written by `factcheck run`."),
              gold: Path = typer.Argument(..., help="A gold file: conflicts, agreements, traps (YAML)."),
              prefix: str = typer.Option("", "--prefix", help="Prepended to reported source names."),
              stretch: bool = typer.Option(False, "--stretch", help="Also score conflicts marked stretch."),
              as_json: bool = typer.Option(False, "--json", help="The whole score as JSON.")) -> None:
    """Score a report against a gold annotation: exit 0 when it is clean, 1 otherwise."""
    result = _guard(lambda: api.score_report(report, gold, prefix, stretch))
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        for key in ("missed", "wrong_verdict", "trap_hits", "agreement_hits", "furniture_hits", "unmatched"):
            for item in getattr(result, key):
                typer.echo(f"{key}: {item}")
        typer.echo(f"found {len(result.found)}/{result.gold_total} (recall {result.recall:.3f}), "
                   f"precision {result.precision:.3f} of {result.reported} reported, "
                   f"trap+agreement hits {len(result.trap_hits) + len(result.agreement_hits)}")
    raise typer.Exit(0 if result.clean else 1)


def main() -> None:
    """Entry point of the `factcheck` command."""
    app()


if __name__ == "__main__":
    main()
