"""Checks on people's titles: former vs sitting, different offices, names against the record."""
from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz

from ..knowledge import Knowledge
from ..names import name_tokens, near_spelling, numbered_apart, same_person, spelling_variant
from ..types import Claim, Fact
from .base import CheckContext, Verdict, agreement, majority_and_outliers, sources_of

_CONNECTORS = {"of", "the", "and", "for"}


def role_base(claim: Claim) -> str:
    """The last word of a role ('vice premier' → 'premier')."""
    return claim.qualifiers.role.split()[-1]


def role_rank(claim: Claim) -> str:
    """The words of a role before its base ('vice premier' → 'vice')."""
    return " ".join(claim.qualifiers.role.split()[:-1])


def portfolios_compatible(p: str | None, q: str | None, kn: Knowledge) -> bool:
    """True unless two portfolios or bodies are known or seen to be different."""
    if not p or not q:
        return True
    cp, cq = kn.canon_portfolio(p), kn.canon_portfolio(q)
    if frozenset((cp, cq)) in kn.incompatible:
        return False
    if cp == cq:
        return True
    tp, tq = set(cp.split()) - _CONNECTORS, set(cq.split()) - _CONNECTORS
    if tp <= tq or tq <= tp or _initials_of(cp, cq) or _initials_of(cq, cp) or _one_letter_short(cp, cq):
        return True
    return fuzz.ratio(cp, cq) >= 90


SHORT_FORM_LETTERS = 3  # letters a one-word name needs before one with a letter more is read as it


def _one_letter_short(p: str, q: str) -> bool:
    """True when one one-word name is the other less its last letter ('tsm', the ticker, for
    'tsmc'): one body written short."""
    short, long = sorted((p, q), key=len)
    return " " not in long and len(short) >= SHORT_FORM_LETTERS and len(long) == len(short) + 1 \
        and long.startswith(short)


def _initials_of(short: str, long: str) -> bool:
    """True when one name is the other's initials ('rba', 'reserve bank of australia'), or those
    and one more letter, of a country the other leaves out ('rba', 'the Reserve Bank')."""
    words = [w for w in long.split() if w not in _CONNECTORS]
    initials = "".join(w[0] for w in words)
    return " " not in short and len(words) >= 2 and short.startswith(initials) and len(short) - len(initials) <= 1


def portfolios_differ(a: Claim, b: Claim, kn: Knowledge) -> bool:
    """True when two sources give one person portfolios that are different offices: not
    compatible, and each either known to the packs or written as the capitalised name of a
    body ('Employment Minister', 'European Council President'). Lower-case descriptions
    ('chief tariff negotiator', 'trade negotiator') are not evidence of another office:
    outlets word them freely."""
    if role_base(a) in kn.loose_roles:
        return False
    p, q = _with_country(a), _with_country(b)
    if portfolios_compatible(p, q, kn):
        return False
    if frozenset((kn.canon_portfolio(p), kn.canon_portfolio(q))) in kn.incompatible:
        return True
    known = set(kn.portfolio_canon.values())
    return all(kn.canon_portfolio(x) in known or _written_as_name(x, c.text)
               for x, c in ((p, a), (q, b)))


def _with_country(claim: Claim) -> str | None:
    """A portfolio whose country was read apart ('Reserve Bank of' + India) made whole again."""
    p, country = claim.qualifiers.portfolio, claim.qualifiers.country
    if p and country and p.split()[-1] == "of":
        return f"{p} {country}"
    return p


def _written_as_name(portfolio: str, text: str) -> bool:
    words = [w for w in portfolio.split() if w not in _CONNECTORS]
    written = {w.lower().strip("’'s"): w for w in text.split()}
    return bool(words) and all(w in written and written[w][:1].isupper() for w in words)


def _office(c: Claim) -> str:
    return c.value


def _holders_by_token(kn: Knowledge) -> dict[str, list[tuple]]:
    index: dict[str, list[tuple]] = {}
    for i, h in enumerate(kn.holders):
        for t in name_tokens(h.person):
            index.setdefault(t, []).append((i, h))
    return index


def holders_named(person: str, kn: Knowledge) -> list:
    """Office-holders in the record whose name is this one or contains it ('Trump', 'Donald Trump')."""
    index = kn.derived("holders_by_token", lambda: _holders_by_token(kn))
    seen: dict[int, Any] = {}
    for t in name_tokens(person):
        for i, h in index.get(t, ()):
            seen.setdefault(i, h)
    return [h for _, h in sorted(seen.items()) if same_person(person, h.person)]


def _former_confirmed(claim: Claim, ctx: CheckContext) -> bool:
    """True when the office-holder record shows a 'former' title to be right on the article's date."""
    day = ctx.published.get(claim.article)
    if day is None:
        return False
    named = [h for h in holders_named(claim.qualifiers.person, ctx.kn)
             if h.role.split()[-1] == role_base(claim)
             and portfolios_compatible(h.portfolio, claim.qualifiers.portfolio, ctx.kn)]
    return bool(named) and not any(h.holds_on(day) for h in named) and any(h.start < day for h in named)


def records_on(claims: list[Claim], ctx: CheckContext) -> list[dict]:
    """The record entries that bear on a cross-source title conflict: the offices of the same
    kind (role) that the record shows the person holding on an involved article's date."""
    cited: list[dict] = []
    for claim in claims:
        day = ctx.published.get(claim.article)
        if day is None or not claim.qualifiers.role:
            continue
        for h in holders_named(claim.qualifiers.person, ctx.kn):
            if h.holds_on(day) and h.role.split()[-1] == role_base(claim) and h.cited() not in cited:
                cited.append(h.cited())
    return cited


def _cross_source(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    kn = ctx.kn
    verdicts: list[Verdict] = []
    former_pairs, office_pairs = [], []
    for i, a in enumerate(fact.claims):
        for b in fact.claims[i + 1:]:
            if a.article == b.article or not a.qualifiers.role or not b.qualifiers.role:
                continue
            if _leaving(a, kn) or _leaving(b, kn):
                continue
            if frozenset((a.qualifiers.role, b.qualifiers.role)) in kn.concurrent_roles:
                continue
            if role_base(a) != role_base(b):
                if frozenset((a.qualifiers.role, b.qualifiers.role)) in kn.exclusive_roles:
                    office_pairs.append((a, b))
                continue
            if _ranks(a, kn) != _ranks(b, kn) or portfolios_differ(a, b, kn):
                office_pairs.append((a, b))
            elif (a.qualifiers.qualifier in kn.past_qualifiers) != (b.qualifiers.qualifier in kn.past_qualifiers):
                former = a if a.qualifiers.qualifier in kn.past_qualifiers else b
                if not _former_confirmed(former, ctx):
                    former_pairs.append((a, b))
    person = fact.label
    if former_pairs:
        evidence = _involved(fact, former_pairs)
        majority, outliers = majority_and_outliers(evidence, lambda c: "former" if c.qualifiers.qualifier in kn.past_qualifiers
                                                   else "sitting")
        verdicts.append(Verdict("title.former_vs_sitting", "contradiction", evidence,
                                f"{person} is called a former office-holder in one source and the sitting one "
                                f"in another", majority, outliers, records=records_on(evidence, ctx)))
    if office_pairs:
        a, b = office_pairs[0]
        evidence = _involved(fact, office_pairs)
        majority, outliers = majority_and_outliers(evidence, _office)
        verdicts.append(Verdict("title.different_office", "contradiction", evidence,
                                f"{person} is given two different offices: {a.value} and {b.value}",
                                majority, outliers, records=records_on(evidence, ctx)))
    verdicts += _spellings(fact)
    return verdicts


def _ranks(claim: Claim, kn: Knowledge) -> set[str]:
    """The ranks of a title that make a different office ('vice', 'deputy'), not descriptive
    ones ('special envoy', 'top negotiator')."""
    return set(role_rank(claim).split()) - kn.descriptive_ranks


def _leaving(claim: Claim, kn: Knowledge) -> bool:
    """A sitting title in a sentence about a change of office: maybe the office being left."""
    return bool(claim.qualifiers.transition) and claim.qualifiers.qualifier not in kn.past_qualifiers


def _involved(fact: Fact, pairs) -> list[Claim]:
    ids = {id(c) for pair in pairs for c in pair}
    return [c for c in fact.claims if id(c) in ids]


def _spellings(fact: Fact) -> list[Verdict]:
    names = sorted({c.qualifiers.person for c in fact.claims})
    for i, x in enumerate(names):
        for y in names[i + 1:]:
            if not same_person(x, y) and (spelling_variant(x, y) or near_spelling(x, y)):
                evidence = [c for c in fact.claims if c.qualifiers.person in (x, y)]
                if len(sources_of(evidence)) < 2:
                    continue
                majority, outliers = majority_and_outliers(evidence, lambda c: c.qualifiers.person)
                return [Verdict("name.spelling_differs", "possible_misspelling", evidence,
                                f"the same person is spelled '{x}' and '{y}'", majority, outliers)]
    return []


def _record(claim: Claim, ctx: CheckContext) -> list[Verdict]:
    kn, day = ctx.kn, ctx.published.get(claim.article)
    if day is None:
        return []
    q = claim.qualifiers
    out: list[Verdict] = []
    if _leaving(claim, kn):
        return out
    named = holders_named(q.person, kn)
    if not q.role:
        return _untitled_against_record(claim, named, day, kn)
    if q.qualifier in kn.past_qualifiers:
        for h in named:
            if h.holds_on(day) and h.role.split()[-1] == role_base(claim) and (
                    not q.country or not h.country or q.country == h.country) and \
                    portfolios_compatible(h.portfolio, q.portfolio, kn):
                out.append(Verdict("title.former_per_record", "contradiction", [claim],
                                   f"{h.person} held the office ({h.role}) on {day.isoformat()}, "
                                   f"the article's date, yet is called former", h.person, [claim.article],
                                   records=[h.cited()]))
                break
        return out
    if named:
        return out + _office_per_record(claim, named, day, kn)
    placed = bool(q.country or q.portfolio)
    min_similarity = float(ctx.param("name.misspelled_holder", "min_similarity"))
    for h in kn.holders_of(q.role, q.portfolio, q.country, day):
        if romanised(q.person, kn) == romanised(h.person, kn) or numbered_apart(q.person, h.person):
            continue
        if spelling_variant(q.person, h.person) or (
                placed and fuzz.ratio(q.person.lower(), h.person.lower()) >= min_similarity
                and len(q.person.split()) == len(h.person.split())):
            out.append(Verdict("name.misspelled_holder", "possible_misspelling", [claim],
                               f"'{q.person}' is close to '{h.person}', who held this office "
                               f"({claim.value}) on {day.isoformat()}", h.person, [claim.article],
                               records=[h.cited()]))
    return out


def romanised(name: str, kn: Knowledge) -> tuple[str, ...]:
    """A name's words with the letters that romanisations write either way read one way
    ('Sergey Lavrov' and 'Sergei Lavrov' alike)."""
    words = []
    for w in name_tokens(name):
        for a, b in kn.romanisations:
            w = w.replace(a, b)
        words.append(w)
    return tuple(words)


def _untitled_against_record(claim: Claim, named: list, day, kn: Knowledge) -> list[Verdict]:
    """A name given without a title that is a near spelling of someone in office that day."""
    if named:
        return []
    person = claim.qualifiers.person
    for h in kn.holders:
        if h.holds_on(day) and spelling_variant(person, h.person) and romanised(person, kn) != romanised(h.person, kn):
            return [Verdict("name.misspelled_holder", "possible_misspelling", [claim],
                            f"'{person}' is close to '{h.person}', who held office ({h.role}"
                            + (f" of {h.portfolio}" if h.portfolio else "") + f") on {day.isoformat()}",
                            h.person, [claim.article], records=[h.cited()])]
    return []


def _office_per_record(claim: Claim, named: list, day, kn: Knowledge) -> list[Verdict]:
    """A known office-holder given an office that the record shows someone else holding then."""
    q = claim.qualifiers
    held = [h for h in named if h.holds_on(day)]
    if not held or any(h.role.split()[-1] == role_base(claim) and portfolios_compatible(h.portfolio, q.portfolio, kn)
                       for h in held):
        return []
    country = q.country or held[0].country
    others = [h for h in kn.holders_of(q.role, q.portfolio, country, day)
              if not same_person(h.person, q.person) and (not country or h.country == country)]
    if not others:
        return []
    mine, theirs = held[0], others[0]
    return [Verdict("title.office_per_record", "contradiction", [claim],
                    f"on {day.isoformat()} the record shows {theirs.person} as {claim.value}, and "
                    f"{mine.person} as {mine.role}" + (f" of {mine.portfolio}" if mine.portfolio else ""),
                    theirs.person, [claim.article], records=[theirs.cited(), mine.cited()])]


def judge(fact: Fact, ctx: CheckContext) -> list[Verdict]:
    """Verdicts on the titles one person is given across (and within) sources."""
    verdicts = _cross_source(fact, ctx)
    covered = {id(c) for v in verdicts for c in v.claims}
    said: dict[tuple, Verdict] = {}
    for claim in fact.claims:
        for v in _record(claim, ctx):
            if v.check in ("title.former_per_record", "title.office_per_record") and id(claim) in covered:
                continue
            key = (v.check, v.detail, claim.article)
            if key in said:
                said[key].claims.append(claim)
                continue
            said[key] = v
            verdicts.append(v)
    on_record = {id(c) for v in verdicts if v.check == "name.misspelled_holder" for c in v.claims}
    verdicts = [v for v in verdicts if not (v.check == "name.spelling_differs"
                                            and any(id(c) in on_record for c in v.claims))]
    if not verdicts and len(sources_of(fact.claims)) >= 2:
        verdicts.append(agreement("title.different_office", fact,
                                  f"{len(sources_of(fact.claims))} sources give compatible titles"))
    return verdicts
