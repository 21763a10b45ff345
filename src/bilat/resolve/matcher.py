"""Longest-match lookup of aliases over an article's tokens.

Aliases are stored under their key (a tuple of folded words) in one dict, with, for each
first word, the length of the longest alias it starts: at a token the matcher tries that
length and then shorter ones, so a 600-word article costs a few thousand dict lookups, not
one regular expression per alias.

The article is turned into a KeySeq first: one key per word piece, hyphen tokens left out
(so "Díaz - Canel" meets the alias "Díaz-Canel"), a token written with a hyphen cut in
pieces, and a break (None) at every sentence start and whitespace token so that no match
runs across them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from bilat.models import ParsedDoc
from bilat.resolve.names import (
    HYPHENS,
    CaseStyle,
    accepts_case,
    case_style,
    fold,
    split_alias,
    split_possessive,
)

T = TypeVar("T")

HYPHENS_OR_JOINER = HYPHENS | {"_"}


@dataclass(frozen=True, slots=True)
class KeySeq:
    """Word keys of an article: keys[k] (None = break), the text of the piece as written,
    the document token it comes from, and whether it is that token's first/last piece."""

    keys: tuple[str | None, ...]
    written: tuple[str, ...]
    token: tuple[int, ...]
    first: tuple[bool, ...]
    last: tuple[bool, ...]
    possessive: tuple[int, ...]  # characters of "'s" cut off the end of the token

    def __len__(self) -> int:
        return len(self.keys)


def build_keyseq(doc: ParsedDoc) -> KeySeq:
    """The KeySeq of a parsed article."""
    starts = {s.token_start for s in doc.sentences}
    keys: list[str | None] = []
    written: list[str] = []
    token: list[int] = []
    first: list[bool] = []
    last: list[bool] = []
    possessive: list[int] = []

    def push(key: str | None, text: str, i: int, is_first: bool, is_last: bool, cut: int) -> None:
        keys.append(key)
        written.append(text)
        token.append(i)
        first.append(is_first)
        last.append(is_last)
        possessive.append(cut)

    for tok in doc.tokens:
        if tok.i in starts or not tok.text.strip():
            push(None, "", tok.i, True, True, 0)
            if not tok.text.strip():
                continue
        if tok.text in HYPHENS:
            continue
        word, cut = split_possessive(tok.text)
        pieces = split_alias(word) if any(h in word for h in HYPHENS_OR_JOINER) else [word]
        pieces = [p for p in pieces if p != "'s"] or [word]
        for n, piece in enumerate(pieces):
            push(fold(piece), piece, tok.i, n == 0, n == len(pieces) - 1, cut)
    return KeySeq(
        tuple(keys), tuple(written), tuple(token), tuple(first), tuple(last), tuple(possessive)
    )


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    """Keys [start, end) of a KeySeq matched these payloads."""

    start: int
    end: int
    payloads: tuple[T, ...]


class AliasIndex(Generic[T]):
    """Aliases -> payloads, matched longest first, case styles checked per word."""

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[tuple[tuple[CaseStyle, ...], T]]] = {}
        self._longest: dict[str, int] = {}

    def add(self, alias: str, payload: T) -> tuple[str, ...]:
        """Index one alias; returns its key (empty when the alias has no words)."""
        pieces = [p for p in split_alias(alias) if p.strip()]
        if not pieces:
            return ()
        key = tuple(fold(p) for p in pieces)
        styles = tuple(case_style(p) for p in pieces)
        bucket = self._entries.setdefault(key, [])
        if all(existing is not payload and existing != payload for _, existing in bucket):
            bucket.append((styles, payload))
        self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))
        return key

    def __len__(self) -> int:
        return sum(len(v) for v in self._entries.values())

    def get(self, key: tuple[str, ...]) -> list[T]:
        return [payload for _, payload in self._entries.get(key, [])]

    def keys(self) -> Iterable[tuple[str, ...]]:
        return self._entries.keys()

    def match_at(self, seq: KeySeq, k: int, limit: int | None = None) -> Match[T] | None:
        """The longest alias that starts at key k on a token boundary (ending at or before
        key `limit`), with the payloads whose case styles the text satisfies."""
        head = seq.keys[k]
        if head is None or not seq.first[k]:
            return None
        longest = self._longest.get(head, 0)
        n = len(seq.keys)
        end_max = min(n, k + longest, limit if limit is not None else n)
        for end in range(end_max, k, -1):
            if not seq.last[end - 1]:
                continue
            key = seq.keys[k:end]
            if None in key:
                continue
            bucket = self._entries.get(key)  # type: ignore[arg-type]
            if not bucket:
                continue
            written = seq.written[k:end]
            payloads = tuple(
                payload
                for styles, payload in bucket
                if all(accepts_case(s, w) for s, w in zip(styles, written, strict=True))
            )
            if payloads:
                return Match(k, end, payloads)
        return None

    def iter_matches(self, seq: KeySeq) -> Iterator[Match[T]]:
        """Leftmost-longest matches that do not overlap, in text order."""
        k = 0
        n = len(seq.keys)
        while k < n:
            found = self.match_at(seq, k)
            if found is None:
                k += 1
                continue
            yield found
            k = found.end
