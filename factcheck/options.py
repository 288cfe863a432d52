"""A run's settings, resolved: the report formats, the severity threshold, a forced language, the
rule folders and the rule set in force (command line over configuration over the built-in
rules), and the ``generator`` header that records them in every report."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import baseline as baseline_mod
from .config import Config
from .detection import language_code
from .errors import UsageError
from .results import SEVERITY_RANK
from .rules import RuleSet, load_ruleset

DEFAULT_FORMATS = ("md", "json", "csv")
ALL_FORMATS = ("md", "json", "csv", "claimreview", "html")


def package_version() -> str:
    """The installed factcheck's version, from the package metadata ('0+unknown' when not installed)."""
    try:
        return version("factcheck")
    except PackageNotFoundError:
        return "0+unknown"


def parse_severity(value: str, what: str) -> str:
    """A severity threshold (error, warning or info) as given; anything else is a UsageError
    naming ``what`` (the option or key it came from)."""
    if value not in SEVERITY_RANK:
        raise UsageError(f"{what}: '{value}' is not a severity; use error, warning or info")
    return value


def forced_language(lang: str | None, ruleset: RuleSet) -> str | None:
    """A ``--lang`` value as a language code; a UsageError for one factcheck does not read."""
    if not lang:
        return None
    code = language_code(lang)
    known = ruleset.knowledge.languages
    if code not in known:
        raise UsageError(f"--lang: '{lang}' is not a language factcheck reads; use one of {', '.join(known)}")
    return code


def default_rules_dir() -> Path:
    """The built-in rule folder: ./rules when present, else the one shipped beside the package."""
    here = Path("rules")
    if (here / "knowledge").is_dir():
        return here
    return Path(__file__).resolve().parent.parent / "rules"


def rule_folders(rules_dirs: list[Path] | None, config: Config) -> list[Path]:
    """The rule folders of a run: the built-in rules, then the configuration's folders, then the
    command line's (``--rules``); a later folder adds rules and replaces those of the same code."""
    builtin = default_rules_dir()
    extra = [Path(p) for p in config.rules] + list(rules_dirs or [])
    return [builtin] + [f for f in extra if Path(f).resolve() != builtin.resolve()]


def load_rules_for(rules_dirs: list[Path] | None, config: Config, select: list[str] | None = None,
                   ignore: list[str] | None = None) -> RuleSet:
    """The rule set a run uses (folders as rule_folders gives them), filtered by select/ignore."""
    folders = rule_folders(rules_dirs, config)
    chosen, dropped = _selection(config, select, ignore)
    return load_ruleset(folders, chosen, dropped, config.extend_select, config.severity)


def _selection(config: Config, select: list[str] | None, ignore: list[str] | None) -> tuple[list[str], list[str]]:
    return (select or config.select), (ignore if ignore is not None else config.ignore)


def generator_info(ruleset: RuleSet, config: Config, formats: tuple[str, ...] = DEFAULT_FORMATS,
                   select: list[str] | None = None, ignore: list[str] | None = None,
                   baseline: baseline_mod.Baseline | None = None, lang: str | None = None) -> dict:
    """What made a report: factcheck's version, the rule set's hash and the run's options.

    The options are the ones in force (command line over configuration), formats in their
    canonical order, so two runs asked for the same thing in another spelling say the same;
    ``baseline`` is the digest of the baseline's fingerprints (None without one), not its path.
    A forced language (``--lang``) is listed as ``lang``.
    """
    chosen, dropped = _selection(config, select, ignore)
    options = {"formats": [f for f in ALL_FORMATS if f in formats], "select": list(chosen),
               "ignore": list(dropped), "extend_select": list(config.extend_select),
               "severity": dict(sorted(config.severity.items())), "fail_on": config.min_severity,
               "baseline": baseline.digest if baseline else None}
    if lang:
        options["lang"] = lang
    return {"name": "factcheck", "version": package_version(), "rules_hash": ruleset.digest(), "options": options}
