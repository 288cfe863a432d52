"""Rules as data: one YAML file per rule under ``rules/<kind>/<CODE>-<slug>.yml``."""
from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .checks import CHECKS, Profile
from .checks.registry import MESSAGE_FIELDS
from .knowledge import Knowledge
from .knowledge_schema import PACKS
from .packs import language_pack_files, load_knowledge
from .yamlio import RuleError, line_of, load_yaml

PREFIX_OF_KIND = {"title": "TTL", "name": "NAM", "percent": "PCT", "money": "MON", "date": "DAT", "count": "CNT"}
VERDICTS = ("contradiction", "basis_mismatch", "rounding", "possible_misspelling")
SEVERITIES = ("error", "warning", "info")
REQUIRED = ("code", "name", "kind", "check", "verdict", "severity", "message", "explanation", "examples")
OPTIONAL = ("params",)
_CODE = re.compile(r"^[A-Z]{3}\d{3}$")
_TEMPLATE_FIELDS = set(MESSAGE_FIELDS)


@dataclass(frozen=True)
class Example:
    """A short multi-source case a rule must (conflict) or must not (ok) flag."""

    expect: str  # "conflict" or "ok"
    articles: tuple[tuple[str, str | None], ...]  # (text, published ISO date)
    line: int | None


@dataclass
class Rule:
    """One check made readable: code, explanation, message template, parameters, examples."""

    code: str
    name: str
    kind: str
    check: str
    verdict: str
    severity: str
    message: str
    explanation: str
    params: dict = field(default_factory=dict)
    examples: list[Example] = field(default_factory=list)
    path: str = ""

    def setting(self, name: str):
        """A parameter of the rule's check: the rule's value, or the check's default."""
        return self.params.get(name, CHECKS[self.check].all_params()[name].default)

    def render(self, **fields) -> str:
        """The rule's message filled with a finding's values."""
        return self.message.format_map({k: fields.get(k, "") for k in _TEMPLATE_FIELDS})


@dataclass
class RuleSet:
    """The knowledge packs and the rules in force, and the knowledge files they were read from."""

    knowledge: Knowledge
    rules: list[Rule]
    knowledge_files: list[Path] = field(default_factory=list)

    def digest(self) -> str:
        """sha256 over the sorted contents of the rule files in force and the knowledge packs loaded.

        It depends on what the files say, not on where they are, so a report made from the same
        rules on another machine or in another folder carries the same hash.
        """
        files = [Path(r.path) for r in self.rules if r.path] + list(self.knowledge_files)
        contents = sorted(hashlib.sha256(path.read_bytes()).hexdigest() for path in files)
        return hashlib.sha256("\n".join(contents).encode()).hexdigest()

    def by_check(self) -> dict[str, Rule]:
        """The first rule in force of each check."""
        out: dict[str, Rule] = {}
        for r in self.rules:
            out.setdefault(r.check, r)
        return out

    def profiles(self) -> tuple[Profile, ...]:
        """The runs of the checks the rules in force need: one, plus one more for each further rule
        that configures an already configured check (with other parameters, under another code)."""
        of_check: dict[str, list[Rule]] = {}
        for r in self.rules:
            of_check.setdefault(r.check, []).append(r)
        runs = max((len(rs) for rs in of_check.values()), default=1)
        return tuple(Profile({c: rs[min(i, len(rs) - 1)].params for c, rs in of_check.items()},
                             {c: rs[i].code for c, rs in of_check.items() if i < len(rs)})
                     for i in range(runs))

    def get(self, code: str) -> Rule | None:
        """A rule by code."""
        return next((r for r in self.rules if r.code == code), None)


def _examples(data, path: Path) -> list[Example]:
    examples = data["examples"]
    where = line_of(data, "examples")
    if not isinstance(examples, dict) or set(examples) - {"conflict", "ok"}:
        raise RuleError(path, where, "field 'examples' must have 'conflict' and 'ok' lists")
    out = []
    for expect in ("conflict", "ok"):
        cases = examples.get(expect)
        if not isinstance(cases, list) or not cases:
            raise RuleError(path, line_of(examples, expect) or where,
                            f"field 'examples.{expect}' must list at least one case")
        for case in cases:
            line = line_of(case)
            arts = case.get("articles") if isinstance(case, dict) else None
            if not isinstance(arts, list) or not arts:
                raise RuleError(path, line, f"each example in 'examples.{expect}' needs 'articles' (a list)")
            parsed = []
            for art in arts:
                if not isinstance(art, dict) or not isinstance(art.get("text"), str):
                    raise RuleError(path, line_of(art) or line, "each example article needs 'text'")
                pub = art.get("published")
                parsed.append((art["text"], str(pub) if pub is not None else None))
            out.append(Example(expect, tuple(parsed), line))
    return out


def parse_rule(data, path: Path) -> Rule:
    """Validate one rule file's content; raise RuleError naming the file, line and field."""
    if not isinstance(data, dict):
        raise RuleError(path, line_of(data), "a rule file must be a mapping")
    for key in data:
        if key not in REQUIRED + OPTIONAL:
            raise RuleError(path, line_of(data, key), f"unknown field '{key}'")
    for key in REQUIRED:
        if key not in data:
            raise RuleError(path, line_of(data), f"missing field '{key}'")
    code = str(data["code"])
    if not _CODE.match(code):
        raise RuleError(path, line_of(data, "code"), f"field 'code': '{code}' is not three capitals and three digits")
    kind = str(data["kind"])
    if kind not in PREFIX_OF_KIND:
        raise RuleError(path, line_of(data, "kind"), f"field 'kind': '{kind}' is not one of {', '.join(PREFIX_OF_KIND)}")
    if not code.startswith(PREFIX_OF_KIND[kind]):
        raise RuleError(path, line_of(data, "code"), f"field 'code': {kind} rules use the prefix {PREFIX_OF_KIND[kind]}")
    if not path.name.startswith(code + "-"):
        raise RuleError(path, line_of(data, "code"), f"field 'code': the file name must start with '{code}-'")
    _one_of(data, "check", list(CHECKS), path)
    check = CHECKS[data["check"]]
    _one_of(data, "severity", SEVERITIES, path)
    _one_of(data, "verdict", [check.verdict], path, f" (the verdict {check.id} gives)")
    if check.kind != kind:
        raise RuleError(path, line_of(data, "kind"), f"field 'kind': {check.id} is configured by {check.kind} rules")
    for key in ("name", "message", "explanation"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise RuleError(path, line_of(data, key), f"field '{key}' must be non-empty text")
    try:
        data["message"].format_map({k: "" for k in _TEMPLATE_FIELDS})
    except (KeyError, ValueError, IndexError) as exc:
        raise RuleError(path, line_of(data, "message"),
                        f"field 'message': bad template field {exc}; use {', '.join(sorted(_TEMPLATE_FIELDS))}") from None
    return Rule(code=code, name=data["name"], kind=kind, check=check.id, verdict=data["verdict"],
                severity=data["severity"], message=data["message"].strip(), explanation=data["explanation"].strip(),
                params=_params(data, check, path), examples=_examples(data, path), path=str(path))


def _one_of(data: dict, key: str, allowed, path: Path, why: str = "") -> None:
    value = data[key]
    if value in allowed:
        return
    near = difflib.get_close_matches(str(value), [str(a) for a in allowed], n=1, cutoff=0.6)
    hint = f"; did you mean '{near[0]}'?" if near else ""
    raise RuleError(path, line_of(data, key), f"field '{key}': '{value}' is not one of {', '.join(allowed)}{why}{hint}")


def _params(data: dict, check, path: Path) -> dict:
    """A rule's parameters, each known to its check (checks/registry.py) and of its type."""
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise RuleError(path, line_of(data, "params"), "field 'params' must be a mapping")
    known = check.all_params()
    out = {}
    for name, value in params.items():
        where = line_of(params, name) or line_of(data, "params")
        if name not in known:
            near = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise RuleError(path, where, f"params: {check.id} has no parameter '{name}' "
                                         f"(it takes {', '.join(sorted(known))}){hint}")
        try:
            out[str(name)] = known[name].parse(value)
        except ValueError as exc:
            raise RuleError(path, where, f"params: '{name}': {exc}") from None
    return out


def rule_files(folder: Path) -> list[Path]:
    """Rule files in a rule folder (every .yml/.yaml outside knowledge/)."""
    out = []
    for path in sorted(Path(folder).rglob("*")):
        if path.suffix in (".yml", ".yaml") and "knowledge" not in path.relative_to(folder).parts:
            out.append(path)
    return out


def load_rules(folders: list[Path]) -> list[Rule]:
    """Every rule in the folders, validated, in code order.

    Later folders add rules, and a rule whose code an earlier folder defines takes its place (an
    edited copy of the built-in rules replaces them); one folder may not define a code twice.
    Several rules may configure one check, each with its own parameters, severity and code.
    """
    by_code: dict[str, Rule] = {}
    for folder in folders:
        if not Path(folder).is_dir():
            raise RuleError(folder, None, "rule folder not found")
        here: dict[str, str] = {}
        for path in rule_files(Path(folder)):
            rule = parse_rule(load_yaml(path), path)
            if rule.code in here:
                raise RuleError(path, line_of(load_yaml(path), "code"),
                                f"field 'code': {rule.code} is already defined in {here[rule.code]}")
            here[rule.code] = str(path)
            by_code[rule.code] = rule
    return [by_code[c] for c in sorted(by_code)]


def matches(code: str, patterns: list[str]) -> bool:
    """True when a code is named by one of the patterns: 'ALL', a prefix or a full code."""
    return any(p == "ALL" or code.startswith(p) for p in patterns)


def select(rules: list[Rule], select_: list[str] | None, ignore: list[str] | None,
           extend_select: list[str] | None = None) -> list[Rule]:
    """Rules kept by select / extend-select and not dropped by ignore (as ruff does)."""
    chosen = list(select_ or ["ALL"]) + list(extend_select or [])
    for option, patterns in (("select", select_), ("extend-select", extend_select), ("ignore", ignore)):
        for p in patterns or []:
            _check_pattern(p, option, rules)
    return [r for r in rules if matches(r.code, chosen) and not matches(r.code, ignore or [])]


def _check_pattern(pattern: str, option: str, rules: list[Rule]) -> None:
    """A select or ignore pattern names 'ALL', a code or a code prefix of the rules in force;
    anything else is a typo that would silently check nothing (or everything)."""
    if pattern == "ALL" or any(r.code.startswith(pattern) for r in rules):
        return
    codes = sorted({r.code for r in rules} | {r.code[:3] for r in rules})
    near = difflib.get_close_matches(pattern.upper(), codes, n=1, cutoff=0.5)
    hint = f"; did you mean {near[0]}?" if near else f"; codes are {', '.join(sorted({r.code[:3] for r in rules}))}…"
    raise RuleError(f"--{option}", None, f"'{pattern}' names no rule (codes are upper case, e.g. TTL001){hint}")


def load_ruleset(folders: list[Path], select_: list[str] | None = None, ignore: list[str] | None = None,
                 extend_select: list[str] | None = None,
                 severity: dict[str, str] | None = None) -> RuleSet:
    """Knowledge and selected rules from rule folders (the first is the built-in one)."""
    knowledge_dirs = [Path(f) / "knowledge" for f in folders if (Path(f) / "knowledge").is_dir()]
    knowledge_dirs = knowledge_dirs or [Path(folders[0]) / "knowledge"]
    kn = load_knowledge(knowledge_dirs)
    rules = select(load_rules(folders), select_, ignore, extend_select)
    for code, level in (severity or {}).items():
        if level not in SEVERITIES:
            raise RuleError("configuration", None, f"severity for {code}: '{level}' is not one of {', '.join(SEVERITIES)}")
        for r in rules:
            if r.code == code:
                r.severity = level
    return RuleSet(kn, rules, [d / pack for d in knowledge_dirs for pack in PACKS if (d / pack).is_file()]
                   + language_pack_files(knowledge_dirs))
