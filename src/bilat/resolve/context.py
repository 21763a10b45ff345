"""What the whole article says, used to pick among an alias's candidates.

An alias can name several actors: "Santiago" (Chile's capital, or Santiago de Cuba),
"Castro" (Raúl or Fidel), "the island" (Cuba, Jamaica, ...). The article decides: the
countries it names unambiguously, and the persons it names in full, in text order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from bilat.models import ParsedDoc
from bilat.resolve.gazetteer import VIA_ORDER, GazetteerEntry
from bilat.resolve.matcher import KeySeq, Match

# A description ("the island") refers back only after a definite determiner.
DEFINITE = frozenset(
    "the this that these those el la los las este esta estos estas ese esa dicho dicha "
    "aquel aquella".split()
)
PERSON_LABELS = frozenset({"PERSON", "PER"})
_SAME_LANGUAGE_VIAS = frozenset({"demonym", "descriptor"})
_COUNTED_VIAS = frozenset({"alias", "state", "capital", "place", "demonym"})


@dataclass
class ArticleContext:
    """Countries the article names (with counts) and full-name person mentions."""

    language: str | None
    countries: Counter[str] = field(default_factory=Counter)
    persons: list[tuple[int, str]] = field(default_factory=list)  # (token, actor_id)

    @classmethod
    def build(
        cls, matches: Sequence[Match[GazetteerEntry]], seq: KeySeq, language: str | None
    ) -> ArticleContext:
        ctx = cls(language)
        for m in matches:
            entries = [
                e for e in m.payloads if e.via not in _SAME_LANGUAGE_VIAS or e.fits(language)
            ]
            countries = {e.country for e in entries}
            only = next(iter(countries)) if len(countries) == 1 else None
            if only is not None and all(e.via in _COUNTED_VIAS for e in entries):
                ctx.countries[only] += 1
            for e in entries:
                if e.kind == "person" and e.via == "alias":
                    ctx.persons.append((seq.token[m.start], e.actor_id))
        return ctx

    def mentions(self, country: str | None) -> int:
        return self.countries[country] if country else 0


def choose_entry(
    match: Match[GazetteerEntry],
    seq: KeySeq,
    doc: ParsedDoc,
    ctx: ArticleContext,
    is_title: Callable[[int], bool],
) -> GazetteerEntry | None:
    """The entry a match stands for in this article, or None when the article does not
    settle it (an unknown "Castro", "the island" in an article that never names Cuba).
    `is_title` tells whether a token is a role noun ("President"), not part of a name."""
    # Names cross languages ("La Habana" in English text); common words do not ("china").
    entries = [e for e in match.payloads if e.fits(ctx.language)] or [
        e for e in match.payloads if e.via not in _SAME_LANGUAGE_VIAS
    ]
    first_token = seq.token[match.start]
    if not _after_definite(doc, first_token):
        entries = [e for e in entries if e.via != "descriptor"]
    if len({e.via == "surname" for e in entries}) > 1:
        entries = [e for e in entries if e.via != "surname"]
    if len({e.via == "descriptor" for e in entries}) > 1:
        entries = [e for e in entries if e.via != "descriptor"]
    if not entries:
        return None
    if entries[0].via == "surname":
        end = seq.token[match.end - 1] + 1
        if _inside_other_name(doc, first_token, end, is_title):
            return None
        return _choose_person(entries, first_token, ctx)
    if entries[0].via == "descriptor":
        best = max(entries, key=lambda e: ctx.mentions(e.country))
        return best if ctx.mentions(best.country) else None
    if len({e.country for e in entries}) > 1:
        return min(entries, key=lambda e: (ctx.mentions(e.country) == 0, VIA_ORDER.index(e.via)))
    return min(entries, key=lambda e: VIA_ORDER.index(e.via))


def _after_definite(doc: ParsedDoc, token: int) -> bool:
    return token > 0 and doc.tokens[token - 1].text.lower() in DEFINITE


def _choose_person(
    entries: list[GazetteerEntry], token: int, ctx: ArticleContext
) -> GazetteerEntry | None:
    owners = {e.actor_id for e in entries}
    earlier = [actor for at, actor in ctx.persons if at < token and actor in owners]
    if earlier:
        return next(e for e in entries if e.actor_id == earlier[-1])
    return entries[0] if len(owners) == 1 else None


def _inside_other_name(
    doc: ParsedDoc, start: int, end: int, is_title: Callable[[int], bool]
) -> bool:
    """A surname inside a longer person name ("Gustavo Rodríguez") is someone else's: the
    full names the gazetteer knows would have matched as a whole."""
    for ent in doc.entities:
        if ent.label not in PERSON_LABELS or not (
            ent.token_start <= start and end <= ent.token_end
        ):
            continue
        before = doc.tokens[ent.token_start : start]
        if any(t.text[:1].isupper() and t.pos == "PROPN" and not is_title(t.i) for t in before):
            return True
    return False
