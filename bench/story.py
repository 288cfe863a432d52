"""One story told by many outlets: every article a variant of the same invented flood.

    python -m bench.corpus OUT N --mode story --seed S [--outliers K]

Where the cluster mode (bench.corpus) writes thousands of small stories, this mode writes one:
the same country, town, prime minister and minister in every article, the same figures told
by hundreds or thousands of sources, each article in its own wording (sentence variants,
attributions, order, optional facts). For each fact a few articles (``outliers``, 3 by
default) give a planted wrong value: a toll, a weekday, "former" for the sitting prime
minister, a misspelt minister, a length of mourning, a sum of aid, a count of rescue workers,
and a change of prices measured month-on-month. Traps repeat one number for two different
things. Counts of rescue workers stay above the numbers that read as years. Deterministic for
a seed; gold.yaml (factcheck.evaluate's format) and sources.yaml are written beside the
articles.
"""
from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from bench.corpus import _USED, FIRST, MONTHS, OUTLETS, PORTFOLIOS, WEEKDAYS, _misspell, _name

STORY_OUTLETS = OUTLETS + ["Valley Herald", "National Wire", "Coast Gazette", "Evening Bulletin", "Metro Daily",
                           "Public Radio", "Capital Observer", "Regional Express"]

FACTS = ("toll", "weekday", "title", "name", "mourning", "aid", "rescuers", "basis")
VERDICTS = {"toll": "contradiction", "weekday": "contradiction", "title": "contradiction",
            "name": "possible_misspelling", "mourning": "contradiction", "aid": "contradiction",
            "rescuers": "contradiction", "basis": "basis_mismatch"}

SAID = ["", ", officials said", ", the civil protection agency said", ", according to local authorities",
        ", rescue officials told reporters", ", the regional governor said"]
COLOUR = [
    "Roads into the valley were still cut off and whole districts had no power.",
    "Residents waded through brown water to reach the few shops that had opened.",
    "Helicopters dropped drinking water on villages that boats could not reach.",
    "Schools across the region stayed shut and were turned into shelters.",
    "Farmers said the water had ruined most of the season's crops.",
    "Engineers were inspecting bridges before traffic could cross them again.",
    "Aid groups warned that clean water was running short in the camps.",
    "Television pictures showed cars piled against the walls of a church.",
]
FURNITURE = [
    ["More on this story", "Landslide blocks mountain pass for {m} days", "Storm leaves {n} without power"],
    ["Read next", "Ferry strike enters week {m}", "Heatwave alert for {n} towns"],
    ["Trending now", "River levels rise by {m} metres", "Power cut hits {n} homes"],
]


class Story:
    """The facts of the one invented flood, and the wrong values that outliers give."""

    def __init__(self, rng: random.Random):
        _USED.clear()
        self.country = _name(rng, 3)
        self.town = _name(rng, 3)
        self.river = _name(rng, 2)
        self.pm = f"{rng.choice(FIRST)} {_name(rng, 3)}"
        self.portfolio = rng.choice(PORTFOLIOS)
        self.minister = f"{rng.choice(FIRST)} {_name(rng, 4)}"
        self.day = date(2025, 3, 3) + timedelta(days=rng.randint(0, 200))
        self.deaths = rng.randint(40, 400)
        self.rescuers = rng.choice([2400, 3000, 3600, 4200])
        self.mourning = rng.choice([2, 3, 5])
        self.aid = rng.choice([60, 80, 150, 220, 350])
        self.prices = round(rng.uniform(2.1, 8.9), 1)
        self.prices_mom = round(rng.uniform(0.2, 1.4), 1)


def _sentences(st: Story, rng: random.Random, plant: str | None, misspelt: str) -> list[tuple]:
    """(fact, text, gold value, weekday or None) for the sentences of one article; the planted
    fact is given wrong. The first sentence gives the toll and the weekday."""
    deaths = st.deaths + rng.choice([-9, 6, 13]) if plant == "toll" else st.deaths
    day = st.day - timedelta(days=1) if plant == "weekday" else st.day
    weekday = WEEKDAYS[day.weekday()]
    title = "Former Prime Minister" if plant == "title" else "Prime Minister"
    minister = misspelt if plant == "name" else st.minister
    mourning = st.mourning + 2 if plant == "mourning" else st.mourning
    aid = st.aid + 25 if plant == "aid" else st.aid
    rescuers = st.rescuers + 900 if plant == "rescuers" else st.rescuers
    said = rng.choice(SAID)
    lead = rng.choice([0, 1, 2] if plant != "toll" else [0, 1])
    out = [("toll", [
        f"Floods that swept through {st.town} in {st.country} on {weekday} killed {deaths} people{said}.",
        f"The floods that hit {st.town} on {weekday} have killed {deaths} people, officials in {st.country} said.",
        f"At least {deaths} people were killed when the {st.river} river burst its banks in {st.town} on {weekday}.",
    ][lead], str(deaths), weekday)]
    optional = []
    if plant in ("title", "mourning") or rng.random() < 0.85:
        optional.append(("title", rng.choice([
            f"{title} {st.pm} declared a {mourning}-day period of national mourning.",
            f"{title} {st.pm} announced {mourning} days of national mourning in a televised address.",
            f"{title} {st.pm} ordered {mourning} days of national mourning after visiting {st.town}.",
        ]), title))
    if plant in ("name", "rescuers") or rng.random() < 0.8:
        optional.append(("name", rng.choice([
            f"{st.portfolio} Minister {minister} said {rescuers:,} rescue workers were searching {st.town}.",
            f"Some {rescuers:,} rescue workers had been sent in, {st.portfolio} Minister {minister} told reporters.",
            f"{st.portfolio} Minister {minister} said {rescuers:,} rescue workers were on the ground in {st.town}.",
        ]), minister))
    if plant == "aid" or rng.random() < 0.7:
        optional.append(("aid", rng.choice([
            f"The government of {st.country} pledged {aid} million euros in emergency aid.",
            f"Officials in {st.country} set aside €{aid} million for emergency aid{said}.",
            f"{st.country} released {aid} million euros of emergency aid for the flooded region.",
        ]), f"{aid} million"))
    if plant == "basis":
        optional.append(("basis", f"Food prices in {st.country} rose {st.prices_mom}% in {MONTHS[st.day.month - 2]} "
                                  f"from the previous month, the statistics office said.", f"{st.prices_mom}%"))
    elif rng.random() < 0.5:
        optional.append(("basis", f"Food prices in {st.country} rose {st.prices}% in {MONTHS[st.day.month - 2]} "
                                  f"from a year earlier, the statistics office said.", f"{st.prices}%"))
    if rng.random() < 0.4:
        trap = rng.choice([f"{st.mourning} nights", f"{st.mourning}-hour shifts"])
        optional.append(("trap", f"Some residents spent {trap} on their roofs in {st.town}." if "nights" in trap
                          else f"Rescue crews in {st.town} worked {trap}.", trap))
    optional += [("colour", c, None) for c in rng.sample(COLOUR, rng.randint(1, 3))]
    rng.shuffle(optional)
    return out + [(fact, text, value, None) for fact, text, value in optional]


def write_story_corpus(out: Path, n: int, seed: int, outliers: int = 3) -> dict:
    """Write n articles of one story to out; return the gold annotations (also written as gold.yaml)."""
    rng = random.Random(seed)
    st = Story(rng)
    misspelt = st.minister.rsplit(" ", 1)[0] + " " + _misspell(st.minister.rsplit(" ", 1)[1], rng)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("s*.txt"):
        old.unlink()
    per_fact = min(outliers, max(1, n // (2 * len(FACTS))))
    chosen = rng.sample(range(n), min(n, per_fact * len(FACTS)))
    plant_of = {a: FACTS[k // per_fact] for k, a in enumerate(chosen)}
    gold = {"conflicts": [], "agreements": [], "traps": [], "boilerplate": []}
    sources, where = {}, {}
    for i in range(n):
        name = f"s{i:05d}.txt"
        published = st.day + timedelta(days=rng.choice([0, 0, 1]))
        lines = [rng.choice([f"{st.town} floods: death toll climbs", f"Deadly floods hit {st.town}",
                             f"What we know about the {st.town} floods", f"{st.country} mourns flood victims"])]
        facts = {}
        for fact, text, value, weekday in _sentences(st, rng, plant_of.get(i), misspelt):
            lines.append(text)
            facts[fact] = (len(lines), value, text)
            if weekday:
                facts["weekday"] = (len(lines), weekday, text)
            if fact == "title":
                facts["mourning"] = (len(lines), re.search(r"\d+[- ]days?", text).group(0), text)
            if fact == "name":
                facts["rescuers"] = (len(lines), re.search(r"(\d[\d,]*) rescue", text).group(1), text)
        first_furniture = len(lines) + 1
        lines += [f.format(n=st.rescuers, m=st.mourning) for f in rng.choice(FURNITURE)]
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        sources[name] = {"outlet": rng.choice(STORY_OUTLETS), "published": published.isoformat()}
        gold["boilerplate"].append({"source": name, "lines": f"{first_furniture}-{len(lines)}",
                                    "what": "related-article teasers"})
        where[name] = facts
    names = sorted(where)
    for i, plant in sorted(plant_of.items()):
        outlier = names[i]
        partner = _partner(plant, outlier, names, where, sources, plant_of)
        if partner is None or plant not in where[outlier]:
            continue
        claims = [{"source": who, "line": where[who][plant][0], "value": where[who][plant][1]}
                  for who in (outlier, partner)]
        gold["conflicts"].append({"id": f"{outlier[:-4]}-{plant}", "verdict": VERDICTS[plant], "claims": claims})
    _traps(gold, names, where, plant_of)
    (out / "sources.yaml").write_text(yaml.safe_dump(sources, sort_keys=True), encoding="utf-8")
    (out / "gold.yaml").write_text(yaml.safe_dump(gold, sort_keys=False), encoding="utf-8")
    return gold


def _partner(plant: str, outlier: str, names: list[str], where: dict, sources: dict, plant_of: dict) -> str | None:
    """A majority article the gold pairs with an outlier: the first unplanted one giving the fact
    in the same sentence form (the leads tell of different events, the flood and the deaths; a
    sum in euros and one with the euro sign may be taken for two facts) but for a change of
    prices (whose outliers say another basis), published the same day for a toll (a toll a day
    apart is a running count)."""
    planted = {names[i] for i in plant_of}
    for who in names:
        if who in planted or plant not in where[who]:
            continue
        if plant != "basis" and _form(where[who][plant][2]) != _form(where[outlier][plant][2]):
            continue
        if plant == "toll" and sources[who]["published"] != sources[outlier]["published"]:
            continue
        return who
    return None


def _form(text: str) -> tuple[str, ...]:
    """The lower-case words of a sentence without its attribution: what its variant is, whatever
    the names and figures in it."""
    for said in SAID:
        if said and text.endswith(said + "."):
            text = text[:-len(said) - 1]
    return tuple(re.findall(r"\b[a-z]{2,}\b", text))


def _traps(gold: dict, names: list[str], where: dict, plant_of: dict, limit: int = 12) -> None:
    """A few traps: nights on a roof or hours of a shift against the days of mourning, one number.

    No agreements are listed: every fact has planted outliers, and a conflict keeps every claim
    of its fact, the agreeing ones too."""
    planted = {names[i] for i in plant_of}
    clean = [n for n in names if n not in planted]
    traps = [n for n in clean if "trap" in where[n]]
    mourning = [n for n in clean if "title" in where[n]]
    for k, who in enumerate(traps[:limit]):
        other = next((m for m in mourning if m != who), None)
        if other:
            gold["traps"].append({"id": f"trap-{k}", "claims": [
                {"source": who, "line": where[who]["trap"][0], "value": where[who]["trap"][1]},
                {"source": other, "line": where[other]["mourning"][0], "value": where[other]["mourning"][1]}]})
