"""Synthetic news corpus with planted conflicts, traps and page furniture.

    python -m bench.corpus OUT N --seed S [--mode clusters|story]

writes N articles in clusters of 3-8 articles about one invented event, each article in its
own wording, plus sources.yaml and gold.yaml (the format factcheck.evaluate scores).
``--mode story`` writes one story told by N outlets instead (bench.story).
Deterministic for a seed. The invented places and people are not in rules/knowledge, so the
checker sees them as it sees real news it was never tuned to.
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

import yaml

SYLLABLES = ["var", "tel", "mon", "dra", "kes", "lun", "ori", "sab", "nel", "tor", "vik", "ama", "zen", "pol", "ruk",
             "sel", "dan", "mir", "gal", "hod"]
FIRST = ["Anna", "Jonas", "Petra", "Omar", "Lena", "Tomas", "Ines", "Kofi", "Marta", "Eryk", "Sofia", "Davit",
         "Nadia", "Felix", "Rana", "Ivo"]
OUTLETS = ["Wire Service", "Morning Post", "Daily Ledger", "Evening Star", "City Times", "Radio News", "The Courier",
           "Business Daily"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
PORTFOLIOS = ["Interior", "Finance", "Trade", "Energy", "Health", "Transport"]


_USED: set[str] = set()


def _name(rng: random.Random, parts: int = 2) -> str:
    """An invented name, never given twice in one corpus (nor within two letters of another)."""
    while True:
        name = "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()
        if name not in _USED and name[:-1] not in {u[:-1] for u in _USED if len(u) == len(name)}:
            _USED.add(name)
            return name


def _misspell(surname: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(surname) - 1)
    vowel = rng.choice([v for v in "aeiou" if v != surname[i]])
    return surname[:i] + vowel + surname[i + 1:] if surname[i] in "aeiou" else surname[:i] + surname[i] + surname[i:]


class Event:
    """The facts of one invented event, and the wordings articles use for them."""

    def __init__(self, rng: random.Random, day: date):
        self.country = _name(rng, 3)
        self.city = _name(rng, 3)
        self.pm = f"{rng.choice(FIRST)} {_name(rng, 3)}"
        self.portfolio = rng.choice(PORTFOLIOS)
        self.minister = f"{rng.choice(FIRST)} {_name(rng, 4)}"
        self.day = day
        self.deaths = rng.randint(12, 400)
        self.rescuers = rng.choice([600, 800, 1200, 1500, 2000])
        self.mourning = rng.choice([2, 3, 5, 7])
        self.aid = rng.choice([40, 75, 120, 250, 300])
        self.prices = round(rng.uniform(1.5, 9.5), 1)
        self.prices_mom = round(rng.uniform(0.1, 1.2), 1)
        self.round = rng.randint(2, 6)


def _sentences(ev: Event, rng: random.Random, published: date, plant: str | None):
    """(kind, text, value) for each sentence of one article; the planted kind uses a wrong value."""
    pm_title = "Former Prime Minister" if plant == "title" else "Prime Minister"
    minister = ev.minister if plant != "name" else ev.minister.rsplit(" ", 1)[0] + " " + _misspell(
        ev.minister.rsplit(" ", 1)[1], rng)
    deaths = ev.deaths + rng.choice([-7, 5, 11]) if plant == "count" else ev.deaths
    day = ev.day - timedelta(days=1) if plant == "weekday" else ev.day
    weekday = WEEKDAYS[day.weekday()]
    mourning = ev.mourning + 2 if plant == "duration" else ev.mourning
    out = [
        ("date", rng.choice([
            f"A strong earthquake struck {ev.city} in {ev.country} on {weekday}, killing {deaths} people.",
            f"The earthquake that hit {ev.city} on {weekday} has killed {deaths} people, officials in {ev.country} said.",
            f"At least {deaths} people were killed when an earthquake struck {ev.city} on {weekday}.",
        ]), weekday),
        ("pm", rng.choice([
            f"{pm_title} {ev.pm} declared a {mourning}-day period of national mourning.",
            f"{pm_title} {ev.pm} announced {mourning} days of national mourning on state television.",
        ]), pm_title),
        ("minister", rng.choice([
            f"{ev.portfolio} Minister {minister} said {ev.rescuers:,} rescuers were working in {ev.city}.",
            f"About {ev.rescuers:,} rescuers had been deployed, {ev.portfolio} Minister {minister} told reporters in {ev.city}.",
        ]), minister),
        ("aid", rng.choice([
            f"The government of {ev.country} pledged {ev.aid} million euros in emergency aid.",
            f"Officials in {ev.country} set aside €{ev.aid} million for emergency aid.",
        ]), f"{ev.aid} million"),
        ("trap", rng.choice([
            f"Survivors described shaking that lasted {ev.mourning} minutes in parts of {ev.city}.",
            f"Rescue dogs worked {ev.mourning}-hour shifts in {ev.city}.",
        ]), None),
    ]
    if plant == "basis":
        out.append(("prices", f"Consumer prices in {ev.country} rose {ev.prices_mom}% in {MONTHS[ev.day.month - 2]} "
                              f"from the previous month, the statistics office said.", f"{ev.prices_mom}%"))
    elif rng.random() < 0.6:
        out.append(("prices", f"Consumer prices in {ev.country} rose {ev.prices}% in {MONTHS[ev.day.month - 2]} "
                              f"from a year earlier, the statistics office said.", f"{ev.prices}%"))
    rng.shuffle(out[1:])
    return out


FURNITURE = [
    ["Related coverage:", "Storm kills {n} in the south", "Rail strike enters day {m}"],
    ["Read next", "Floods displace {n} families", "Minister resigns after {m} days"],
    ["Most read", "Bridge collapse injures {n}", "Prices up {m}% in capital"],
]


def write_corpus(out: Path, n: int, seed: int) -> dict:
    """Write n articles in clusters to out; return the gold annotations (also written as gold.yaml)."""
    rng = random.Random(seed)
    _USED.clear()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("c*_*.txt"):
        old.unlink()
    gold = {"conflicts": [], "agreements": [], "traps": [], "boilerplate": []}
    sources = {}
    written = cluster_no = 0
    plants = ["count", "weekday", "title", "name", "duration", "basis", None]
    while written < n:
        size = min(rng.randint(3, 8), n - written)
        base = date(2025, 1, 6) + timedelta(days=rng.randint(0, 300))
        ev = Event(rng, base)
        plant = plants[cluster_no % len(plants)] if size >= 3 else None
        outlier = rng.randrange(size)
        lines_of: dict[int, dict[str, tuple[int, str]]] = {}
        names = []
        for i in range(size):
            name = f"c{cluster_no:05d}_{i}.txt"
            names.append(name)
            published = base + timedelta(days=rng.choice([0, 1]))
            sentences = _sentences(ev, rng, published, plant if i == outlier else None)
            lines = [rng.choice([f"{ev.country} quake: death toll rises", f"Deadly earthquake hits {ev.city}",
                                 f"What we know about the {ev.city} earthquake"])]
            where = {}
            for kind, text, value in sentences:
                lines.append(text)
                where[kind] = (len(lines), value)
            furniture = rng.choice(FURNITURE)
            first_furniture = len(lines) + 1
            lines += [f.format(n=ev.deaths, m=ev.mourning) for f in furniture]
            (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            sources[name] = {"outlet": rng.choice(OUTLETS), "published": published.isoformat()}
            gold["boilerplate"].append({"source": name, "lines": f"{first_furniture}-{len(lines)}",
                                        "what": "related-article teasers"})
            lines_of[i] = where
        if plant:
            kind = {"count": "date", "weekday": "date", "title": "pm", "name": "minister", "duration": "pm",
                    "basis": "prices"}[plant]
            others = [i for i in range(size) if i != outlier and kind in lines_of[i]]
            if plant == "count":
                # a toll is a running count: only reports of the same day contradict each other
                others = [i for i in others if not _line_text(out / names[i], lines_of[i][kind][0]).startswith("At least")
                          and sources[names[i]]["published"] == sources[names[outlier]]["published"]]
            if others and kind in lines_of[outlier]:
                j = others[0]
                values = {"count": None, "duration": None}
                claims = []
                for who in (outlier, j):
                    line, value = lines_of[who][kind]
                    if plant == "count":
                        value = None
                    claims.append({"source": names[who], "line": line, "value": value})
                if plant in ("count", "duration"):
                    for c, who in zip(claims, (outlier, j)):
                        c["value"] = _planted_value(out / names[who], c["line"], plant)
                verdict = {"name": "possible_misspelling", "basis": "basis_mismatch"}.get(plant, "contradiction")
                gold["conflicts"].append({"id": f"c{cluster_no:05d}-{plant}", "verdict": verdict, "claims": claims})
                del values
        for i in range(size):
            if "trap" in lines_of[i] and "pm" in lines_of[(i + 1) % size] and size > 1:
                gold["traps"].append({"id": f"c{cluster_no:05d}-trap-{i}", "claims": [
                    {"source": names[i], "line": lines_of[i]["trap"][0], "value": str(ev.mourning)},
                    {"source": names[(i + 1) % size], "line": lines_of[(i + 1) % size]["pm"][0],
                     "value": str(ev.mourning)}]})
                break
        written += size
        cluster_no += 1
    (out / "sources.yaml").write_text(yaml.safe_dump(sources, sort_keys=True), encoding="utf-8")
    (out / "gold.yaml").write_text(yaml.safe_dump(gold, sort_keys=False), encoding="utf-8")
    return gold


MODES = ("clusters", "story")


def write_mode(mode: str, out: Path, n: int, seed: int, outliers: int = 3) -> dict:
    """Write a corpus of one of the MODES: many small stories ("clusters") or one story ("story")."""
    if mode == "story":
        from bench.story import write_story_corpus

        return write_story_corpus(out, n, seed, outliers)
    return write_corpus(out, n, seed)


def _line_text(path: Path, line: int) -> str:
    return path.read_text(encoding="utf-8").splitlines()[line - 1]


def _planted_value(path: Path, line: int, plant: str) -> str:
    """The figure on a planted line that gold claims quote (the death toll or the mourning length)."""
    import re

    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    if plant == "count":
        return re.search(r"(\d[\d,]*) people", text).group(1)
    return re.search(r"(\d+)[- ]day", text).group(1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mode", choices=MODES, default="clusters")
    ap.add_argument("--outliers", type=int, default=3, help="planted outliers per fact (story mode)")
    args = ap.parse_args(argv)
    gold = write_mode(args.mode, args.out, args.n, args.seed, args.outliers)
    print(f"{args.n} articles, {len(gold['conflicts'])} planted conflicts, {len(gold['traps'])} traps → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
