"""How a figure is qualified: hedged ('about', 'at least'), its level (previous, additional,
total, each, projected, demanded) and whether it is a projection."""
from __future__ import annotations

import re

from ..knowledge import Knowledge, fold
from .text import CURRENCY_SIGNS, Sentence, Token


def _hedge_patterns(kn: Knowledge) -> list[tuple[str, re.Pattern]]:
    return kn.derived("hedge_patterns", lambda: [
        (kind, re.compile(r"\b(?:" + "|".join(re.escape(p) for p in kn.hedges.get(kind, [])) +
                          r")(?:(?: have| has| had)? (?!(?:" + "|".join(sorted(kn.time_units)) +
                          r")s? )[a-z]+ to)? $"))
        for kind in ("upper", "lower", "approx") if kn.hedges.get(kind)])


def hedge_of(before: str, kn: Knowledge) -> str | None:
    """'approx', 'upper' or 'lower' when the words right before a figure hedge it ('about a
    dozen' as 'about 12')."""
    tail = " " + fold(before[-60:])[-40:] + " "
    if tail.endswith((" a ", " an ")):
        tail = tail[:tail.rstrip().rfind(" ") + 1]
    for kind, pattern in _hedge_patterns(kn):
        m = pattern.search(tail)
        if m and not _particle_of_verb(tail[:m.start()], tail[m.start():], kn):
            return kind
    return None


def _particle_of_verb(before: str, hedge: str, kn: Knowledge) -> bool:
    """True for 'up' of a verb that goes up ('sped up to 1.4%', 'climbed up to 40%'): the
    words are a verb's, not a bound on the figure."""
    if not hedge.startswith("up "):
        return False
    words = before.split()
    return bool(words) and (words[-1] in kn.direction_of or words[-1] in kn.past_verbs
                            or words[-1].endswith(kn.past_endings))


TALLY_MEASURE = "share counted"  # the measure of 'with 94.4% of the votes counted'
TALLY_REACH = 7  # words after a share where the count it is a share of is said to be made


def tally_share(sentence: Sentence, end: int, kn: Knowledge) -> bool:
    """True for the share of a count made so far ('94.4% of the votes counted', '90% of votes
    were tallied', '100 percent of precincts reporting')."""
    words = [t.folded for t in sentence.after(end, TALLY_REACH)]
    if not words or words[0] != "of":
        return False
    i = 1
    if i < len(words) and words[i] in ("the", "all"):
        i += 1
    noun = next((n for n in (2, 1) if " ".join(words[i:i + n]) in kn.tally_nouns), 0)
    if not noun:
        return False
    i += noun
    while i < len(words) and words[i] in ("were", "was", "have", "has", "had", "been"):
        i += 1
    return i < len(words) and words[i] in kn.tally_verbs


HEDGE_WORDS_MAX = 4  # words a hedge may take before a figure ('as high as', 'more than')


def hedge_start(sentence: Sentence, start: int, kn: Knowledge) -> int | None:
    """Where the words hedging a figure begin ('over' in 'rose by over 8%'), so that the claim
    quotes 'over 8%' as the source wrote it; None when no words right before it hedge it."""
    before = sentence.before(start, HEDGE_WORDS_MAX)
    for k in range(1, len(before) + 1):
        words = before[-k:]
        if any(not t.text[:1].isalpha() for t in words):
            return None
        tail = " " + " ".join(t.folded for t in words) + " "
        for _, pattern in _hedge_patterns(kn):
            m = pattern.search(tail)
            if m and m.start() <= 1:
                return words[0].start
    return None


CHANGE_REACH = 3  # words before 'to' where the verb of a change that came to a level stands


def came_by(sentence: Sentence, start: int, kn: Knowledge) -> str | None:
    """'fall' or 'rise' for a level a change came to ('winds had decreased to 130 mph', 'weakened
    slightly to Category 4'): the figure is the level after the change, not before it."""
    before = sentence.before(start, CHANGE_REACH + 4)
    while before and before[-1].folded in kn.hedge_words and before[-1].folded not in kn.level_words:
        before = before[:-1]
    if not before or before[-1].folded not in kn.level_words:
        return None
    lo, _ = sentence.clause_bounds(start)
    for t in reversed(before[-CHANGE_REACH - 1:-1]):
        if t.start < lo:
            break
        if t.folded in kn.direction_of:
            return kn.direction_of[t.folded]
    return None


def is_previous_level(sentence: Sentence, start: int, end: int, kn: Knowledge) -> bool:
    """True for the old value of a change: '145%' in 'from 145% to 30%', 'to 30% from 145%' and
    'was 74.5%, up from 71.9%', 'accelerated to 1.4% from the first quarter's 0.5% pace',
    'revised down to 3.7% from an earlier 4%'."""
    before = sentence.before(start, 3)
    while len(before) > 1 and before[-1].folded in kn.earlier_value_words:
        before = before[:-1]
    before = before[-1:]
    if before and before[-1].text.endswith(("'s", "’s")):
        back = sentence.before(start, 6)
        k = len(back) - 1
        while k > 0 and back[k].folded != "from" and not back[k].text[:1].isdigit() and back[k].text not in ",;":
            k -= 1
        if back and back[k].folded == "from":
            before = [back[k]]
    if not before or before[-1].folded != "from":
        return False
    lo, hi = sentence.clause_bounds(start)
    tokens = sentence.tokens_between(lo, hi)
    at_from = next((i for i, t in enumerate(tokens) if t.start == before[-1].start), None)
    if at_from and any(t.folded in kn.direction_of for t in tokens[:at_from]):
        return True  # 'up from 71.9%', 'reduced its cash rate from 3.85%'

    figure = [t.text[:1].isdigit() or t.text[:1] in CURRENCY_SIGNS for t in tokens]
    new_value = any(t.folded == "to" and i + 1 < len(tokens) and figure[i + 1] for i, t in enumerate(tokens))
    last = max((i for i, f in enumerate(figure) if f and tokens[i].end <= before[-1].start), default=None)
    # 'was 74.5%, up from 71.9%' is a change; '133 cardinals from 70 countries' is where they came from
    between = tokens[last + 1:at_from] if last is not None and at_from is not None else None
    earlier_figure = between is not None and (
        any(t.folded in kn.direction_of or t.text in ",;" for t in between)
        or all(not t.text.isalpha() or t.folded in kn.scales or t.folded in kn.measure_units for t in between))
    return new_value or earlier_figure


def is_compared_with(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True for the figure a change is compared with ('an increase of 18% compared to the $64.7
    billion reported last time', 'versus $61.6 billion'): the old level."""
    words = [t.folded for t in sentence.before(start, 4)]
    while words and words[-1] in kn.earlier_value_words:
        words.pop()
    return any(" ".join(words[-n:]) in kn.compared_with_words for n in (1, 2) if len(words) >= n)


EARLIER_OWNER_REACH = 3  # words between 'last year's' and the figure it dates ('results of')


def _of_earlier_period(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True for a figure a few words after a word of an earlier period ("last year's results of
    $39.3 billion", 'the year-ago $21.4 billion'), in its clause."""
    lo, _ = sentence.clause_bounds(start)
    words = [t.text.lower().replace("’", "'") for t in sentence.before(start, EARLIER_OWNER_REACH + 3)
             if t.start >= lo and t.text[:1].isalpha()]
    return any(" ".join(words[i:i + n]) in kn.earlier_period_owners
               for i in range(max(0, len(words) - EARLIER_OWNER_REACH - 3), len(words)) for n in (1, 2, 3)
               if len(words) - (i + n) <= EARLIER_OWNER_REACH)


def of_own_month(sentence: Sentence, end: int, kn: Knowledge) -> bool:
    """True when a month right after a figure is its own ('from 3.34 per cent in March'): an
    old value so dated is that month's level, as another report gives it."""
    after = sentence.after(end, 2)
    return len(after) == 2 and after[0].folded in kn.period_preps and \
        (after[1].folded in kn.months or after[1].folded in kn.month_abbr) and after[1].is_capitalised


def level_of(sentence: Sentence, start: int, end: int, kn: Knowledge) -> str | None:
    """'previous' for the old value of a change, 'additional' for a figure on top of another
    ('two further quarter-point cuts', 'an additional $5 billion'), 'total' for a sum ('a
    cumulative 100 bps cut', 'down 2 points since June'), 'each' for a part of one ('four tranches of 25 bps each'),
    'record' for a record set before ('the record low of 43.8%'), 'target' for what is aimed
    at ('its 2% target'), 'contribution' for a part of a
    change ('services contributed 0.25%'), 'projected' for a figure
    that may come ('could exceed 10,000'), else None."""
    if is_previous_level(sentence, start, end, kn) or _of_earlier_period(sentence, start, kn):
        return "previous"
    if is_compared_with(sentence, start, kn) and not (is_projection(sentence, start, kn)
                                                or projection_noun_after(sentence, end, kn)):
        return "previous"
    before = sentence.before(start, 1)
    if before and before[-1].folded in kn.additional_words:
        return "additional"
    if _record_of(sentence, start, kn):
        return "record"
    near = sentence.before(start, 3)
    if any(t.folded in kn.total_words and not (i + 1 < len(near) and near[i + 1].folded in kn.measure_of)
           for i, t in enumerate(near)):
        return "total"  # not a label of the measure: 'total revenue of $22.5 billion' is the revenue
    if any(t.folded in kn.since_words for t in sentence.after(end, 1)) or is_cumulative(sentence, end, kn):
        return "total"  # 'by 2 percentage points since last June': all the changes of a span
    if any(t.folded in kn.each_words for t in sentence.after(end, 3)):
        return "each"
    if _aimed_at(sentence, start, end, kn):
        return "target"
    lo, _ = sentence.clause_bounds(start)
    if any(t.folded in kn.contribution_words for t in sentence.before(start, PROJECTION_REACH) if t.start >= lo):
        return "contribution"  # 'services contributed about 0.25%, and construction 0.02%, to growth'
    if is_projection(sentence, start, kn) or projection_noun_after(sentence, end, kn):
        return "projected"
    if _demanded(sentence, start, kn):
        return "demanded"
    return None


def _record_of(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True for a figure told as a record set before ('failing to surpass the record low of
    43.8%', 'the previous high of 5%'): a word of record, a low or a high, then 'of', right
    before it; 'fell to a low of 3.4%' is the figure itself."""
    near = [t.folded for t in sentence.before(start, 4)]
    return len(near) >= 2 and near[-1] == "of" and near[-2] in kn.record_window_words \
        and any(w in kn.record_words for w in near[:-1])


CUMULATIVE_REACH = 6  # tokens after a figure where a word of a span up to now bears on it


def is_cumulative(sentence: Sentence, end: int, kn: Knowledge) -> bool:
    """True when a figure sums a span up to now ('97,000 jobs on the year so far', 'to date')."""
    _, hi = sentence.clause_bounds(end)
    words = [t.folded for t in sentence.after(end, CUMULATIVE_REACH) if t.end <= hi]
    return any(" ".join(words[i:i + n]) in kn.cumulative_words for i in range(len(words)) for n in (1, 2, 3))


TARGET_REACH = 3  # tokens before a figure where a noun of aim governs it ('a target of 2%')


def _aimed_at(sentence: Sentence, start: int, end: int, kn: Knowledge) -> bool:
    """'its 2% target', 'the 2 per cent medium-term target', 'a goal of 5%': what is aimed at."""
    lo, _ = sentence.clause_bounds(start)
    return any(t.folded in kn.target_nouns for t in sentence.after(end, 2)) or \
        any(t.folded in kn.target_nouns for t in sentence.before(start, TARGET_REACH) if t.start >= lo)


DEMAND_REACH = 6  # tokens before a figure where a word of demand governs it


def _demanded(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """'the union had demanded 40%', 'sought a 40% raise': what one side asked for, not what
    was offered or agreed."""
    lo, _ = sentence.clause_bounds(start)
    return any(t.folded in kn.demand_words for t in sentence.before(start, DEMAND_REACH) if t.start >= lo)


def projection_noun_after(sentence: Sentence, end: int, kn: Knowledge) -> bool:
    """'the 5% forecast', 'a 2% target': the figure is what was expected, not what happened."""
    after = sentence.after(end, 3)
    if after and (after[0].folded in kn.beat_words or after[0].folded in kn.compared_with_words):
        return False  # '$3.72 topping estimates', '$77.67B versus expectations of $75.55B': the outcome
    if any(t.folded in kn.projection_nouns for t in after[:2]):
        return True
    # 'the $177.8 billion analysts had expected', 'the $32.42 billion analysts had predicted'
    if len(after) == 3 and after[1].folded in _AUXILIARIES and after[2].folded in kn.projection_nouns:
        return True
    foreseen = [t.folded for t in after[1:] if t.folded not in _AUXILIARIES][:1]
    return bool(after) and after[0].folded in kn.analyst_words and bool(foreseen) and \
        (foreseen[0] in kn.projection_words or foreseen[0] in kn.projection_nouns)


_AUXILIARIES = ("had", "have", "has")


def is_projection(sentence: Sentence, start: int, kn: Knowledge) -> bool:
    """True when a word of projection ('could', 'forecast') comes before a figure in its clause,
    with no past-tense verb between them ('the toll could exceed 10,000')."""
    lo, _ = sentence.clause_bounds(start)
    window = [t for t in sentence.before(start, PROJECTION_REACH) if t.start >= lo]
    for i in range(len(window) - 1, -1, -1):
        t = window[i]
        if (t.folded in kn.projection_words or t.folded in kn.projection_nouns) and t.text.islower():
            if i and _ends_figure(window[i - 1], kn):
                return False
            if i and window[i - 1].folded in kn.comparative_links:
                continue  # 'higher than expected at 46 per cent': what the figure is compared with
            if any(w.folded in kn.beat_words for w in sentence.before(t.start, BEAT_REACH) if w.start >= lo) and \
                    _words_between(window[i + 1:], kn):
                continue  # 'exceeded Wall Street expectations, with revenue of $57 billion': what was beaten
            return True
        if i and f"{window[i - 1].folded} {t.folded}" in kn.consequence_words:
            return True
        if i and window[i - 1].folded == "by" and t.folded.endswith("ing"):
            return False  # 'more help than it had forecast, by cutting its rate by 50 bp': what was done
        if t.folded in kn.past_verbs and not (i and window[i - 1].folded in _MODALS):
            return False  # 'would cut' is not a past verb: 'had forecast the bank would cut rates by 25 bp'
    return False


BEAT_REACH = 3  # tokens before a noun of expectation where a verb of beating makes it what was beaten
PROJECTION_REACH = 16  # tokens before a figure where a word of projection governs it
_MODALS = ("would", "will", "could", "should", "might", "may", "to")


def _words_between(tokens: list[Token], kn: Knowledge) -> bool:
    """True when words other than figures and links stand between a noun of expectation and a
    figure, so that the noun is not the figure's: a word before the first figure ('expectations,
    with adjusted revenue of $57 billion') or, after it, a word that is no measure ('estimates of
    $3.67 and revenue rising to $77.67B'; not 'estimates of $75.3 billion in revenue and $3.67')."""
    seen_figure = False
    for t in tokens:
        if t.text[:1].isdigit() or t.folded in kn.currency_of or t.text in CURRENCY_SIGNS:
            seen_figure = True
        elif t.text[:1].isalpha() and t.folded not in kn.stopwords and t.folded not in kn.scales \
                and not (seen_figure and t.folded in kn.measure_of):
            return True
    return False


def _ends_figure(token: Token, kn: Knowledge) -> bool:
    """True for the last word of a figure ('22.64', 'billion', '%'): a word of projection right
    after it ('$22.64 billion expected') is that figure's, not a later one's."""
    return token.text[-1:].isdigit() or token.text == "%" or token.folded in kn.scales


_DASHED_LOW = re.compile(r"(?<![\w.,])(\d[\d,]*(?:\.\d+)?)\s?[-–]\s?$")


def range_low(sentence: Sentence, start: int, kn: Knowledge) -> float | None:
    """The low end of a range whose high end starts at ``start`` ('12-13%', 'between 23 and 25
    people'; the words of a range in numbers.yml), or None."""
    before = sentence.text[max(0, start - sentence.start - 40):start - sentence.start]
    m = _DASHED_LOW.search(before) or next(
        (found for found in (p.search(before) for p in _spelled_ranges(kn)) if found), None)
    if m is None:
        return None
    try:
        return float(m.group(1).replace(",", ""))
    except ValueError:
        return None


def _spelled_ranges(kn: Knowledge) -> list[re.Pattern]:
    return kn.derived("spelled_ranges", lambda: [
        re.compile(rf"\b{re.escape(lead)}\s+(\d[\d,]*(?:\.\d+)?)\s+{re.escape(link)}\s+$", re.IGNORECASE)
        for lead, link in sorted(kn.range_words.items())])
