"""Dates: absolute, month-day, parts of months, weekdays resolved against the publication date."""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from ..knowledge import Knowledge, fold
from ..types import Article, Claim, Qualifiers
from .common import PersonIndex, Sentence, Slot, Spans, make_claim
from .events import FIGURE, event_of


def _patterns(kn: Knowledge) -> dict[str, re.Pattern]:
    names = sorted({m.capitalize() for m in kn.months} | {a.capitalize() for a in kn.month_abbr},
                   key=len, reverse=True)
    mon = rf"(?P<month>{'|'.join(names)})\.?"
    year = r"(?:,?\s(?P<year>(?:19|20)\d\d)\b)?"
    weekdays = "|".join(d.capitalize() for d in kn.weekdays)
    return {
        "range": re.compile(rf"\b{mon}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s?(?:-|–|to|through|until)\s?"
                            rf"(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b{year}"),
        "month_day": re.compile(rf"\b{mon}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s?(?:%|percent|,\d))(?!:){year}"),
        "day_month": re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s(?:of\s)?{mon}\b{year}"),
        "iso": re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
        "part": re.compile(rf"\b(?P<part>(?i:{_words(kn.month_parts)}))[\s-]{mon}\b{year}"),
        "month": re.compile(rf"\b(?P<prep>(?i:in|since|until|by|during|from|last|next|this))\s{mon}\b{year}"),
        "weekday": re.compile(rf"\b(?:(?P<rel>(?i:last|this|next|on|since|by|until))\s)?(?P<wd>{weekdays})\b"),
        "relative": re.compile(rf"\b(?P<rd>(?i:{'|'.join(map(re.escape, sorted(kn.relative_days))) or '(?!)'}))\b"),
        "any": re.compile(rf"\b(?:{'|'.join(names)}|{weekdays})\b|\b(?:19|20)\d\d-|"
                          rf"\b(?i:{'|'.join(map(re.escape, sorted(kn.relative_days))) or '(?!)'})\b"),
    }


def _words(words, escape: bool = True) -> str:
    """An alternation of words (longest first), or a pattern that matches nothing."""
    items = sorted({re.escape(w) if escape else w for w in words}, key=len, reverse=True)
    return "|".join(w.replace(r"\ ", r"\s").replace("'", "['’]") for w in items) or "(?!)"


def _language_patterns(kn: Knowledge) -> dict[str, re.Pattern]:
    """Date patterns of another language, from its pack's date words and CLDR's names:
    '9. Juni 2025', 'le 9 juin', 'el 9 de junio de 2025', 'Anfang Juni', 'lundi dernier'."""
    w = kn.lang_words
    mon = rf"(?P<month>(?i:{_words(w.get('months', []))}))\.?"
    suffix = rf"(?:{_words(w.get('day_suffixes', []))})?"
    link = rf"(?:(?i:{_words(w.get('day_links', []))})\s)?"
    ylink = rf"(?:(?i:{_words(w.get('year_links', []))})\s)?"
    year = rf"(?:,?\s{ylink}(?P<year>(?:19|20)\d\d)\b)"
    weekdays = _words(kn.weekdays)
    relative = _words(kn.relative_days)
    relative = relative if kn.nouns_capitalised else f"(?i:{relative})"
    return {
        "range": re.compile(rf"\b(?P<day>\d{{1,2}}){suffix}\s?(?i:{_words(w.get('range_words', []))})\s?"
                            rf"(?P<day2>\d{{1,2}}){suffix}\s{link}{mon}(?!\w){year}?"),
        "month_day": re.compile("(?!)"),
        "day_month": re.compile(rf"\b(?P<day>\d{{1,2}}){suffix}\s{link}{mon}(?!\w){year}?"),
        "iso": re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
        "part": re.compile(rf"\b(?P<part>(?i:{_words(w.get('parts', {}))}))[\s-]{link}{mon}(?!\w){year}?"),
        "month": re.compile(rf"\b(?:(?P<prep>(?i:{_words(w.get('month_preps', {}))}))\s)?{mon}(?!\w){year}?"),
        "weekday": re.compile(rf"\b(?:(?P<rel>(?i:{_words(w.get('weekday_before', {}))}))\s)?(?P<wd>(?i:{weekdays}))"
                              rf"(?:{_words(w.get('weekday_suffixes', []))})?\b"
                              rf"(?:\s(?P<rel2>(?i:{_words(w.get('weekday_after', {}))}))\b)?"),
        "relative": re.compile(rf"\b(?P<rd>{relative})(?!\w)"),
        "any": re.compile(rf"(?i:\b(?:{_words(w.get('months', []))}|(?:{weekdays})(?:{_words(w.get('weekday_suffixes', []))})?)\b)"
                          rf"|\b(?:19|20)\d\d-|"
                          rf"\b(?:{relative})(?!\w)"),
    }


def patterns(kn: Knowledge) -> dict[str, re.Pattern]:
    """Compiled date patterns for a knowledge base (cached)."""
    return kn.derived("date_patterns", lambda: _patterns(kn) if kn.lang == "en" else _language_patterns(kn))


def _month_number(word: str, kn: Knowledge) -> int:
    w = fold(word)
    w = kn.month_abbr.get(w, w)
    return kn.months.index(w) + 1


def _nearest_year(month: int, day: int, published: date) -> int:
    best = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = date(y, month, min(day, calendar.monthrange(y, month)[1]))
        except ValueError:
            continue
        if best is None or abs((d - published).days) < abs((best - published).days):
            best = d
    return best.year


_PAST_PREPS = {"since", "last"}
_FUTURE_PREPS = {"next", "until", "by"}


def _year_of_month(month: int, published: date, prep: str) -> int:
    """The year of a month named without one: 'since December' looks back, 'next March' ahead,
    'in May' means the nearest May."""
    if prep in _PAST_PREPS:
        return published.year if month <= published.month else published.year - 1
    if prep in _FUTURE_PREPS:
        return published.year if month >= published.month else published.year + 1
    return _nearest_year(month, 15, published)


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def resolve_weekday(weekday: int, published: date, relation: str | None, future: bool) -> date:
    """The date a weekday names, seen from the publication date.

    The most recent such day on or before publication, unless the tense or 'next' says future.
    """
    if relation == "next" or (future and relation != "last"):
        delta = (weekday - published.weekday()) % 7
        if relation == "next" and delta == 0:
            delta = 7
        return published + timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    if relation == "last" and delta == 0:
        delta = 7
    return published - timedelta(days=delta)




def speaks_of_future(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True when the verb governing the words at ``start`` is in a future form.

    Walks back from the date within its clause: a future marker ('will', 'set to', 'could'), a
    present-tense schedule verb ('take effect', 'resume') or a plan in the infinitive ('urged
    both sides to return to talks on Friday') before any past-tense verb means future. The word
    lists are in the english knowledge pack.
    """
    lo, _ = sentence.clause_bounds(start)
    before = [t for t in sentence.before(start, 24) if t.start >= lo]
    following = None
    for t in reversed(before):
        f = t.folded
        if f == "to" and following is not None and following.folded in kn.plan_verbs:
            return True
        if f in kn.past_verbs or (f.endswith(kn.past_endings) and len(f) > 4 and f not in kn.stopwords):
            return False
        if f in kn.future_markers or (f in kn.schedule_verbs and t.text.islower()) \
                or (f.endswith(kn.future_endings) and len(f) > 4 and t.text.islower()):
            return True
        following = t
    if kn.lang != "en":
        return _verb_after_is_future(sentence, start, kn)
    return False


FRONTED_REACH = 4  # tokens after a date where the verb of a clause that begins with it stands


def _verb_after_is_future(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """In another language, a date that opens its clause is followed by its verb ('Am Freitag
    wollen die Minister beraten', 'El próximo lunes se reunirán'): a future marker among the
    next few words, before any past one, means the future."""
    _, hi = sentence.clause_bounds(start)
    for t in sentence.after(start, FRONTED_REACH + 1)[1:]:
        if t.end > hi:
            break
        f = t.folded
        if f in kn.past_verbs or (f.endswith(kn.past_endings) and len(f) > 4 and t.text.islower()):
            return False
        if f in kn.future_markers or (f.endswith(kn.future_endings) and len(f) > 4 and t.text.islower()):
            return True
    return False


# A dateline with neither agency nor dash: 'Hong Kong, Sep 25 The Observatory …' at the start
# of an article's text (a place, a comma, the date, then the first word of the story).
_BARE_DATELINE = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s){0,3}[A-Z][\w.'’-]*,\s*$")
_AFTER_BARE_DATELINE = re.compile(r"(?:,? \d{4})?\s+[A-Z]")


def _first_text(article: Article) -> int:
    """Offset of the first paragraph of an article's text (after its headline, if any)."""
    blocks = [b for b in article.blocks if b.kind == "paragraph"]
    return blocks[0].start if blocks else 0


_DATELINE = re.compile(r"(?:,? \d{4})?\s*(?:\([^()\n]{1,40}\))?\s*(?:-{1,2}|[–—])\s")
def extract(article: Article, sentence: Sentence, kn: Knowledge, people: PersonIndex) -> list[Claim]:
    """Date claims in one sentence, resolved against the article's publication date."""
    pats = patterns(kn)
    claims: list[Claim] = []
    if not pats["any"].search(sentence.text):
        return claims
    taken = Spans()
    for name in ("range", "iso", "month_day", "day_month", "part", "month", "weekday", "relative"):
        for m in pats[name].finditer(sentence.text):
            span = m.span("wd") if name == "weekday" else m.span()
            if taken.overlaps(*span):
                continue
            if _DATELINE.match(sentence.text[m.end():m.end() + 40]) and m.start() < 60:
                continue
            if sentence.start == _first_text(article) and _BARE_DATELINE.match(sentence.text[:m.start()]) \
                    and _AFTER_BARE_DATELINE.match(sentence.text, m.end()):
                continue
            found = _interpret(name, m, sentence, kn, article.published)
            if found is None:
                continue
            lo_date, hi_date, shown, resolved = found
            start, end = sentence.start + span[0], sentence.start + span[1]
            taken.add(*span)
            claims.append(_claim(article, sentence, start, end, lo_date, hi_date, shown, resolved, name, kn, people))
    return _without_named_weekdays(claims, sentence)


def _without_named_weekdays(claims: list[Claim], sentence: Sentence) -> list[Claim]:
    """'Monday, June 2' states one date: the weekday right before an explicit date is its name,
    not a second date to resolve."""
    explicit = {c.start: c for c in claims if c.qualifiers.form != "weekday"}
    out = []
    named = {}
    for c in claims:
        if c.qualifiers.form == "weekday":
            gap = _NAMED_DAY_GAP.match(sentence.text, c.end - sentence.start)
            if gap and sentence.start + gap.end() in explicit:
                named[sentence.start + gap.end()] = c
                continue
        out.append(c)
    for at, weekday in named.items():
        day = explicit[at]
        if day.value and day.value[0] == day.value[1] and weekday.value and \
                date.fromisoformat(day.value[0]).weekday() != date.fromisoformat(weekday.value[0]).weekday():
            day.qualifiers = replace(day.qualifiers, misnamed_day=weekday.text.strip().lower())
    return out


_NAMED_DAY_GAP = re.compile(r",?\s")


def _inside_quote(text: str, at: int) -> bool:
    """True inside quoted speech, where 'today' is the speaker's day, not the article's."""
    before = text[:at]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def _interpret(name: str, m: re.Match, sentence: Sentence, kn: Knowledge, published: date | None):
    """(first day, last day, shown text, resolved text) of a date match, or None when unusable."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    if name == "weekday":
        if published is None:
            return (None, None, g["wd"], f"{g['wd']} (unresolved: no publication date)")
        future = speaks_of_future(sentence, sentence.start + m.start("wd"), kn)
        wd = kn.weekdays.index(fold(g["wd"]))
        relation = (g.get("rel2") or g.get("rel") or "").lower() or None
        day = resolve_weekday(wd, published, kn.weekday_relations.get(fold(relation), relation) if relation else None,
                              future)
        return (day, day, g["wd"], f"{g['wd']} → {day.isoformat()}")
    if name == "relative":
        word = m.group("rd")
        if _inside_quote(sentence.text, m.start()):
            return None
        if published is None:
            return (None, None, word, f"{word} (unresolved: no publication date)")
        day = published + timedelta(days=kn.relative_days[fold(word)])
        return (day, day, word, f"{word} → {day.isoformat()}")
    if name == "iso":
        d = _safe_date(year, int(g["mnum"]), int(g["day"]))
        return (d, d, m.group(), d.isoformat()) if d else None
    if name == "month" and not g.get("prep") and not year:
        return None
    month = _month_number(g["month"], kn)
    if year is None and published is None:
        return (None, None, m.group(), f"{m.group()} (unresolved: no year, no publication date)")
    if name in ("month_day", "day_month", "range"):
        dom = int(g["day"])
        if not 1 <= dom <= 31:
            return None
        y = year or _nearest_year(month, dom, published)
        first = _safe_date(y, month, dom)
        last = _safe_date(y, month, int(g["day2"])) if name == "range" else first
        if not first or not last or last < first:
            return None
        shown = first.isoformat() if first == last else f"{first.isoformat()}/{last.isoformat()}"
        return (first, last, m.group(), shown)
    prep = (g.get("prep") or "").lower()
    y = year or _year_of_month(month, published, kn.lang_words.get("month_preps", {}).get(fold(prep), prep))
    last_day = calendar.monthrange(y, month)[1]
    if name == "part":
        part = g["part"].lower()
        a, b = kn.month_parts[kn.lang_words.get("parts", {}).get(fold(part), part)]
        first, last = date(y, month, a), date(y, month, min(b, last_day))
    else:
        first, last = date(y, month, 1), date(y, month, last_day)
    return (first, last, m.group(), f"{first.isoformat()}/{last.isoformat()}")




def _claim(article, sentence, start, end, lo_date, hi_date, shown, resolved, name, kn, people) -> Claim:
    lo, hi = sentence.clause_bounds(start)
    statistic_period = name == "month" and FIGURE.search(article.norm[lo:hi])
    sentence.tokens_between(lo, hi)
    before = sentence.before(start, 1)
    since = bool(before) and before[0].folded in kn.since_words  # 'heavy rains since Saturday': when it began
    event = None if statistic_period or since else event_of(sentence, start, end, kn, deadlines=True)
    slot = Slot(head=event, mods=frozenset(),
                names=people.names_between(sentence, lo, hi, kn),
                context=sentence.terms(lo, hi, kn), period=None,
                persons=people.persons_between(sentence, lo, hi), clause=article.norm[lo:hi])
    value = None if lo_date is None else (lo_date.isoformat(), hi_date.isoformat())
    granularity = "day" if lo_date == hi_date else "range"
    claim = make_claim(article, "date", start, end, value, slot, sentence, unit=granularity,
                       display=shown, resolved=resolved)
    claim.qualifiers = Qualifiers(form=name, future=speaks_of_future(sentence, start, kn))
    return claim
