"""The library facade: everything the CLI does, as functions (``api.run``, ``api.check_texts``, ...).

The work is done in modules of one job each, whose public names this module gathers:
``inputs`` (files, ids, sources.yaml), ``runner`` (a run, the run cache), ``options`` (a run's
settings and rule set), ``results`` (the Report), ``ruletools`` (rule validation, examples,
explanations), ``reportfiles`` (conflicts.json, baselines and gold files read again) and
``errors`` (UsageError).
"""
from __future__ import annotations

from .errors import UsageError
from .inputs import (
    SourceEntry,
    article_ids,
    collect_inputs,
    expand_stdin,
    find_sources,
    match_sources,
    read_inputs,
    read_sources,
)
from .options import (
    ALL_FORMATS,
    DEFAULT_FORMATS,
    default_rules_dir,
    generator_info,
    load_rules_for,
    package_version,
    parse_severity,
    rule_folders,
)
from .reportfiles import load_baseline, score_report, show_conflict, write_baseline
from .results import (
    CORROBORATING,
    EXIT_CONFLICTS,
    EXIT_ERROR,
    EXIT_OK,
    SEVERITY_RANK,
    CachedReport,
    Report,
    apply_baseline,
)
from .ruletools import example_holds, explain_rule, validate_rules
from .runner import check_articles, check_texts, encoding_notes, extract_all, list_claims, run

__all__ = [
    "ALL_FORMATS", "CORROBORATING", "DEFAULT_FORMATS", "EXIT_CONFLICTS", "EXIT_ERROR", "EXIT_OK", "SEVERITY_RANK",
    "CachedReport", "Report", "SourceEntry", "UsageError",
    "apply_baseline", "article_ids", "check_articles", "check_texts", "collect_inputs", "default_rules_dir",
    "encoding_notes", "example_holds", "expand_stdin", "explain_rule", "extract_all", "find_sources",
    "generator_info", "list_claims", "load_baseline", "load_rules_for", "match_sources", "package_version",
    "parse_severity", "read_inputs", "read_sources", "rule_folders", "run", "score_report", "show_conflict",
    "validate_rules", "write_baseline",
]
