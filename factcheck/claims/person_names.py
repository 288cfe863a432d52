"""Where a person's name begins and ends next to a title: the capitalised run after a role
('President Donald J. Trump'), before it ('Kevin Hassett, director of …'), initials and
particles included, places and sentence words left out."""
from __future__ import annotations

from ..knowledge import Knowledge
from .common import Token

NAME_STOP = {"the", "and", "of", "on", "in", "at", "for", "to", "a", "an", "but", "or", "said", "says", "who",
              "which", "that", "this", "with", "from", "by", "as", "is", "was", "will", "has", "had"}


def is_name_token(t: Token, kn: Knowledge) -> bool:
    f = t.folded
    return (t.is_capitalised and f[:1].isalpha() and f not in NAME_STOP and f not in kn.month_words
            and f not in kn.weekdays and f not in kn.roles and f not in kn.organisation_words
            and not kn.canon_place(t.text))


def name_after(tokens: list[Token], j: int, kn: Knowledge) -> list[Token]:
    """The name right after a title: up to three capitalised words, with particles between them
    ('Abdulaziz bin Salman', 'Ursula von der Leyen')."""
    name: list[Token] = []
    words = 0
    while j + 1 < len(tokens) and tokens[j].folded in kn.honorifics and is_name_token(tokens[j + 1], kn):
        j += 1
        if tokens[j].text == "." and j + 1 < len(tokens):
            j += 1
    while j < len(tokens) and words < 3:
        t = tokens[j]
        if initial_at(tokens, j) and j + 2 < len(tokens) and is_name_token(tokens[j + 2], kn):
            name += tokens[j:j + 2]
            j += 2
            continue
        if name and t.text.islower() and t.folded in kn.name_particles:
            k = j
            while k < len(tokens) and tokens[k].text.islower() and tokens[k].folded in kn.name_particles:
                k += 1
            if k < len(tokens) and is_name_token(tokens[k], kn):
                name += tokens[j:k]
                j = k
                continue
            break
        if not is_name_token(t, kn) or (name and t.folded in kn.name_suffixes):
            if not (not name and place_as_given_name(tokens, j, kn)):
                break
        name.append(t)
        words += t.folded not in kn.name_particles
        if t.text.endswith(("'s", "’s")):
            break
        j += 1
    if name and j < len(tokens) and tokens[j].folded in kn.name_suffixes:
        name.append(tokens[j])
        if j + 1 < len(tokens) and tokens[j + 1].text == "." and tokens[j + 1].start == tokens[j].end:
            name.append(tokens[j + 1])
    return name


def place_as_given_name(tokens: list[Token], j: int, kn: Knowledge) -> bool:
    """A given name that is also a place ('Israel Katz'): a capitalised place word followed
    by a name word that is not a place."""
    t = tokens[j]
    return (t.is_capitalised and bool(kn.canon_place(t.text)) and not t.text.endswith(("'s", "’s"))
            and j + 1 < len(tokens) and is_name_token(tokens[j + 1], kn))


def name_run_at(tokens: list[Token], j: int, kn: Knowledge) -> list[Token]:
    """The name that starts at token j, if any (as after a title: up to three words, with
    initials, particles and a suffix)."""
    if j > 0 and (tokens[j - 1].is_capitalised and tokens[j - 1].text[:1].isalpha()
                  and is_name_token(tokens[j - 1], kn)):
        return []
    return name_after(tokens, j, kn)


def closed_appositive(tokens: list[Token], j: int, kn: Knowledge) -> list[Token]:
    """The name in 'the prime minister, Shigeru Ishiba, said': only when a comma closes it, so
    that 'the prime minister, Trump said' does not name the prime minister."""
    name = name_after(tokens, j, kn)
    end = tokens.index(name[-1]) + 1 if name else 0
    return name if name and end < len(tokens) and tokens[end].text == "," else []


def initial_at(tokens: list[Token], j: int) -> bool:
    """A one-letter initial with its full stop ('F.' in 'Robert F. Kennedy')."""
    t = tokens[j]
    return (len(t.text) == 1 and t.text.isupper() and j + 1 < len(tokens)
            and tokens[j + 1].text == "." and tokens[j + 1].start == t.end)


def name_before(tokens: list[Token], k: int, kn: Knowledge) -> list[Token]:
    name: list[Token] = []
    while k >= 0 and len(name) < 3 and is_name_token(tokens[k], kn):
        name.insert(0, tokens[k])
        k -= 1
    if name and k >= 0 and tokens[k].is_capitalised and tokens[k].folded not in NAME_STOP:
        return []
    return name
