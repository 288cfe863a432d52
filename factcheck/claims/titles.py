"""People with titles: 'former U.S. President Donald Trump', 'Kevin Hassett, director of the NEC'."""
from __future__ import annotations

from dataclasses import dataclass

from ..knowledge import Knowledge, fold
from ..types import Article, Claim, Qualifiers
from .common import Sentence, Slot, Token, make_claim
from .person_names import NAME_STOP, closed_appositive, name_after, name_before

_ARTICLES = {"a", "an", "the", "its", "his", "her", "their"}


@dataclass(frozen=True)
class Office:
    """A title read canonically: role, portfolio or body, country, affiliation, time qualifier."""

    role: str
    portfolio: str | None
    country: str | None
    qualifier: str | None

    def label(self) -> str:
        """Readable canonical form, e.g. 'former president [united states]'."""
        text = self.role + (f" of {self.portfolio}" if self.portfolio else "")
        if self.qualifier:
            text = f"{self.qualifier} {text}"
        return text + (f" [{self.country}]" if self.country else "")


def _role_at(tokens: list[Token], i: int, kn: Knowledge) -> int:
    firsts = kn.derived("role_first_words", lambda: frozenset(r.split()[0] for r in kn.roles))
    if tokens[i].folded not in firsts:
        return 0
    for n in (3, 2, 1):
        if i + n <= len(tokens) and " ".join(t.folded for t in tokens[i:i + n]) in kn.roles:
            return n
    return 0


def _language_portfolio_after(tokens: list[Token], j: int, kn: Knowledge) -> list[Token]:
    """The portfolio or body after a title in another language ('ministre de l'Économie',
    'présidente de la Commission européenne', 'ministro de Economía'): capitalised words after a
    link word of the pack, and a lower-case word that completes a known body ('européenne')."""
    links = kn.lang_words.get("portfolio_links", ())
    if j >= len(tokens) or tokens[j].folded not in links:
        return []
    k = j + 1
    if k < len(tokens) and tokens[k].folded in kn.pp_articles and tokens[k].folded not in links:
        k += 1
    out: list[Token] = []
    while k < len(tokens):
        t = tokens[k]
        longer = fold(" ".join(x.text for x in out + [t]))
        if not (t.is_capitalised or (out and (longer in kn.body_of or longer in kn.portfolio_canon))):
            break
        out.append(t)
        k += 1
    return out


def _portfolio_after(tokens: list[Token], j: int, kn: Knowledge | None = None) -> list[Token]:
    if kn is not None and kn.lang != "en":
        return _language_portfolio_after(tokens, j, kn)
    if j >= len(tokens) or tokens[j].folded not in ("of", "for"):
        return []
    out: list[Token] = []
    k = j + 1
    if k < len(tokens) and tokens[k].folded == "the":
        k += 1
    while k < len(tokens) and (tokens[k].is_capitalised or (out and tokens[k].folded in ("of", "and", "for"))):
        out.append(tokens[k])
        k += 1
    while out and out[-1].folded in ("of", "and", "for"):
        out.pop()
    return out


def _left_modifiers(tokens: list[Token], i: int, kn: Knowledge, lowercase_ok: bool) -> list[Token]:
    left: list[Token] = []
    k = i - 1
    while k >= 0:
        t = tokens[k]
        f = t.folded
        if f in kn.qualifier_of or t.text.lower().rstrip("-") in ("then", "ex"):
            left.insert(0, t)
            k -= 1
            continue
        if t.is_capitalised and f not in NAME_STOP and f not in kn.weekdays and f not in kn.months \
                and not (kn.lang != "en" and f in kn.stopwords) and not (kn.nouns_capitalised and not _office_word(t, kn)):
            if _role_at(tokens, k, kn) and k + _role_at(tokens, k, kn) <= i and f not in kn.ranks:
                break
            left.insert(0, t)
            if t.text.endswith(("'s", "’s")):
                break
            k -= 1
            continue
        if f == "of" and left and k > 0 and tokens[k - 1].is_capitalised:
            left.insert(0, t)
            k -= 1
            continue
        if f == "and" and left and k > 0 and _known_portfolio(tokens[k - 1:k + 1] + left, kn):
            left.insert(0, t)
            k -= 1
            continue
        if (lowercase_ok or f in kn.ranks) and f[:1].isalpha() and f not in kn.stopwords and f not in _ARTICLES \
                and len(left) < 3 and t.text.islower() and not _role_at(tokens, k, kn) \
                and not (f.endswith("ed") and f not in kn.ranks):
            left.insert(0, t)
            k -= 1
            continue
        break
    while left and left[0].folded == "of":
        left.pop(0)
    return left


def _office_word(t: Token, kn: Knowledge) -> bool:
    """In a language that capitalises every noun, the capitalised words before a title that can
    belong to it: places, bodies, portfolios, ranks and qualifiers (not 'Dienstagabend')."""
    f = t.folded
    return bool(kn.canon_place(t.text) or f in kn.body_of or f in kn.portfolio_canon or f in kn.ranks
                or f in kn.qualifier_of or f in kn.roles)


def _known_portfolio(words: list[Token], kn: Knowledge) -> bool:
    """True when words name a body of the knowledge packs ('Health and Human Services')."""
    return fold(" ".join(t.text for t in words)) in kn.portfolio_canon


def read_office(left: list[Token], role: list[Token], right: list[Token], kn: Knowledge) -> Office:
    """Canonical office from the words before a role, the role and an 'of …' portfolio."""
    qualifier = country = None
    words: list[str] = []
    text_left = " ".join(t.text for t in left)
    for aff in kn.affiliations:
        if aff in text_left:
            text_left = text_left.replace(aff, " ")
    rank: list[str] = []
    kept = [t for t in left if t.text in text_left.split()]
    i = 0
    while i < len(kept):
        two = kn.canon_place(" ".join(t.text for t in kept[i:i + 2])) if i + 1 < len(kept) else None
        if two:
            country = two
            i += 2
            continue
        t = kept[i]
        i += 1
        f = t.folded
        if f in kn.qualifier_of:
            qualifier = kn.qualifier_of[f]
        elif kn.canon_place(t.text):
            country = kn.canon_place(t.text)
        elif f in kn.ranks and not words:
            rank.append(f)
        else:
            words.append(f)
    role_name = " ".join(rank + [t.folded for t in role])
    role_name = kn.role_alias.get(role_name, role_name)
    portfolio_words = [t.folded for t in right] if right else words
    portfolio = kn.canon_portfolio(" ".join(portfolio_words)) if portfolio_words else None
    if portfolio and kn.lang != "en":
        portfolio = kn.body_of.get(portfolio, portfolio)
    if portfolio is None and kn.role_portfolio:
        written = kn.role_portfolio.get(" ".join(t.folded for t in role))
        portfolio = kn.canon_portfolio(written) if written else None
    return Office(role=role_name, portfolio=portfolio or None, country=country, qualifier=qualifier)


def extract(article: Article, sentence: Sentence, kn: Knowledge) -> list[Claim]:
    """Title claims (a person and the office the article gives them) in one sentence."""
    tokens = _split_prefixes(sentence.tokens, kn)
    claims = []
    i = 0
    while i < len(tokens):
        together, skip = _offices_told_together(article, sentence, tokens, i, kn)
        if together:
            claims += together
            i += skip
            continue
        n = _role_at(tokens, i, kn)
        if not n:
            i += 1
            continue
        claim = _title_at(article, sentence, tokens, i, n, kn)
        if claim:
            claims.append(claim)
        i += n
    return claims


def _offices_told_together(article: Article, sentence: Sentence, tokens: list[Token], i: int,
                           kn: Knowledge) -> tuple[list[Claim], int]:
    """Titles of offices told together under a plural role, each name holding the office of its
    own place in the list: 'Treasury and Commerce Secretaries Scott Bessent and Howard Lutnick'.
    Nothing unless there are as many names as offices."""
    firsts = kn.derived("role_plural_first_words", lambda: frozenset(r.split()[0] for r in kn.role_plural))
    if tokens[i].folded not in firsts:
        return [], 0
    n = next((m for m in (2, 1) if " ".join(t.folded for t in tokens[i:i + m]) in kn.role_plural), 0)
    if not n or not tokens[i + n - 1].is_capitalised:
        return [], 0
    offices: list[list[Token]] = [[]]
    k = i - 1
    while k >= 0 and (tokens[k].is_capitalised or tokens[k].folded in ("and", ",")) \
            and (tokens[k].folded == "and" or tokens[k].folded not in NAME_STOP) and not _role_at(tokens, k, kn):
        if tokens[k].folded in ("and", ","):
            if not offices[0]:
                break
            offices.insert(0, [])
        else:
            offices[0].insert(0, tokens[k])
        k -= 1
    offices = [o for o in offices if o]
    names: list[list[Token]] = []
    j = i + n
    while len(names) < len(offices):
        name = name_after(tokens, j, kn)
        if not name:
            break
        names.append(name)
        j = tokens.index(name[-1]) + 1
        while j < len(tokens) and tokens[j].folded in (",", "and"):
            j += 1
    if len(offices) < 2 or len(names) != len(offices):
        return [], 0
    singular = kn.role_plural[" ".join(t.folded for t in tokens[i:i + n])]
    role = [Token(w, tokens[i].start, tokens[i + n - 1].end) for w in singular.split()]
    claims = [_title_claim(article, sentence, words[0].start, name[-1].end, name, read_office(words, role, [], kn), kn)
              for words, name in zip(offices, names)]
    return claims, j - i


def _country_before(tokens: list[Token], i: int, kn: Knowledge) -> bool:
    """True when a possessive country comes just before a role ("Japan's prime minister")."""
    for t in tokens[max(0, i - 3):i]:
        if t.text.endswith(("'s", "’s")) and kn.canon_place(t.text):
            return True
    return False


def _split_portfolio(right: list[Token], kn: Knowledge) -> tuple[list[Token], list[Token]]:
    """Split 'State Marco Rubio' after 'Secretary of' into portfolio ['State'] and name ['Marco', 'Rubio']."""
    for cut in range(len(right) - 1, 0, -1):
        if fold(" ".join(t.text for t in right[:cut])) in kn.portfolio_canon:
            return right[:cut], right[cut:]
    if len(right) >= 2:
        cut = len(right) - (2 if len(right) >= 4 else 1)
        return right[:cut], right[cut:]
    return right, []


def _appositive_name(tokens: list[Token], i: int, left: list[Token], kn: Knowledge) -> list[Token]:
    """The name a role is set after, between commas ('Zhiwei Zhang, chief economist at …'),
    also as the second of two roles ('Zhiwei Zhang, president and chief economist at …')."""
    k = i - len(left) - 1
    if k >= 1 and tokens[k].folded == "and":
        first = next((p for p in range(k - 1, max(-1, k - 5), -1) if p + _role_at(tokens, p, kn) == k), None)
        if first is not None:
            k = first - 1
    while k >= 0 and tokens[k].folded in _ARTICLES:
        k -= 1
    if not (k >= 1 and tokens[k].text == ","):
        return []
    return name_before(tokens, k - 1, kn)


def _starts_role(word: str, kn: Knowledge) -> bool:
    return fold(word) in kn.roles or any(r.split()[0] == fold(word) for r in kn.roles)


def _split_prefixes(tokens: list[Token], kn: Knowledge) -> list[Token]:
    """'ex-President' and 'then-Secretary' read as a qualifier followed by the role;
    'President-elect' as the role with its qualifier read first (a zero-width token)."""
    out = []
    for t in tokens:
        head, sep, rest = t.text.partition("-")
        if kn.lang != "en":
            split = _language_prefix(t, kn)
            if split:
                out += split
                continue
        if sep and rest and fold(head) in kn.qualifier_prefixes and _starts_role(rest, kn):
            cut = t.start + len(head) + 1
            out += [Token(t.text[:len(head) + 1], t.start, cut), Token(rest, cut, t.end)]
        elif sep and rest and fold(rest) in kn.qualifier_suffixes and _starts_role(head, kn):
            out += [Token(rest, t.start, t.start), Token(head, t.start, t.start + len(head))]
        else:
            out.append(t)
    return out


def _language_prefix(t: Token, kn: Knowledge) -> list[Token]:
    """In another language, a place joined to a role ('US-Präsident') reads as the place and the
    role, and a qualifier written as part of the role ('expresidente') as the qualifier and the
    role; else nothing."""
    head, sep, rest = t.text.partition("-")
    if sep and rest and kn.canon_place(head) and _starts_role(rest, kn):
        cut = t.start + len(head) + 1
        return [Token(head, t.start, t.start + len(head)), Token(rest, cut, t.end)]
    low = t.text.lower()
    for prefix in kn.joined_prefixes:
        if low.startswith(prefix) and len(low) > len(prefix) and fold(low[len(prefix):]) in kn.roles:
            cut = t.start + len(prefix)
            return [Token(t.text[:len(prefix)], t.start, cut), Token(t.text[len(prefix):], cut, t.end)]
    return []


_COPULA = ("was", "is")
_OF_WHAT = 4  # lower-case words of 'of the plane' between a role and its copula


def _copula_name(tokens: list[Token], j: int, kn: Knowledge) -> list[Token]:
    """The name in 'the captain (of the plane) was Sumit Sabharwal'."""
    if j < len(tokens) and tokens[j].folded == "of":
        k = j + 1
        while k < len(tokens) and k <= j + _OF_WHAT and tokens[k].text.islower() and tokens[k].folded not in _COPULA:
            k += 1
        j = k
    if j + 1 < len(tokens) and tokens[j].folded in _COPULA:
        return name_after(tokens, j + 1, kn)
    return []


def _title_at(article, sentence, tokens, i, n, kn) -> Claim | None:
    role = tokens[i:i + n]
    capitalised = role[-1].is_capitalised
    j = i + n
    if j < len(tokens) and tokens[j].text == "." and tokens[j].start == role[-1].end:
        j += 1
    placed = []
    if kn.lang != "en" and j < len(tokens) and tokens[j].text.islower() and kn.canon_place(tokens[j].text):
        placed = [tokens[j]]
        j += 1
    right = _portfolio_after(tokens, j, kn)
    skip_the = 1 if right and (tokens[j + 1].folded == "the" or (kn.lang != "en" and tokens[j + 1].start < right[0].start)) else 0
    j_after = j + (len(right) + 1 + skip_the if right else 0)
    name = name_after(tokens, j_after, kn)
    if not name and j_after + 1 < len(tokens) and tokens[j_after].text == "," \
            and not _role_at(tokens, j_after + 1, kn):
        if capitalised or _country_before(tokens, i, kn):
            name = name_after(tokens, j_after + 1, kn)
        elif i > 0 and (tokens[i - 1].folded == "the" or (kn.lang != "en" and tokens[i - 1].folded in kn.pp_articles)):
            name = closed_appositive(tokens, j_after + 1, kn)
    if not name and i > 0 and tokens[i - 1].folded == "the":
        name = _copula_name(tokens, j_after, kn)
    left = _left_modifiers(tokens, i, kn, lowercase_ok=bool(name) and not capitalised and not right)
    appositive = False
    if not name and (capitalised or kn.lang != "en") and len(right) >= 2:
        kept, rest = _split_portfolio(right, kn)
        name = name_after(tokens, tokens.index(rest[0]), kn) if rest else []
        if name:
            right = kept
    if not name:
        left = _left_modifiers(tokens, i, kn, lowercase_ok=not capitalised)
        name = _appositive_name(tokens, i, left, kn)
        appositive = bool(name)
    if not name:
        return None
    if appositive:
        start, end = name[0].start, (right[-1].end if right else role[-1].end)
    else:
        start = left[0].start if left else role[0].start
        end = name[-1].end - (2 if name[-1].text.endswith(("’s", "'s")) else 0)
    return _title_claim(article, sentence, start, end, name, read_office(left + placed, role, right, kn), kn)


def _title_claim(article, sentence, start: int, end: int, name: list[Token], office: Office, kn: Knowledge) -> Claim:
    """The title claim of a person's name (its tokens) and the office read for it."""
    person = _strip_possessive(" ".join(article.text[name[0].start:name[-1].end].split()))
    claim = make_claim(article, "title", start, end, office.label(), None, sentence, display=person)
    claim.qualifiers = Qualifiers(person=kn.canonical_person(person), role=office.role, portfolio=office.portfolio,
                                  country=office.country, qualifier=office.qualifier,
                                  transition=_in_transition(sentence, kn))
    claim.person = fold(kn.canonical_person(person))
    return claim


def _in_transition(sentence: Sentence, kn: Knowledge) -> bool:
    """True when the sentence tells of a change of office ('Foreign Secretary David Lammy was
    moved to…', 'Home Secretary Yvette Cooper replaced him'): a title there may be the one the
    person is leaving, so the record and the former/sitting comparison leave it alone."""
    words = [t.folded for t in sentence.tokens]
    pairs = {f"{a} {b}" for a, b in zip(words, words[1:])}
    return any(w in kn.transition_words for w in words) or bool(pairs & kn.transition_words)


def _strip_possessive(name: str) -> str:
    for suffix in ("’s", "'s"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def person_names(claims: list[Claim]) -> set[str]:
    """Names of the people that title claims speak of."""
    return {c.qualifiers.person for c in claims if c.type == "title"}


__all__ = ["Office", "extract", "person_names", "read_office", "Slot"]
