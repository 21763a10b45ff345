"""Which project a mention refers to: by name, by "the center" pointing back, or by topic."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bilat.facilities import PROJECT_NOUNS, make_noun_pattern
from bilat.models import KnownProject, Mention


@dataclass(frozen=True, slots=True)
class NamedProject:
    """Where an article names a project (a resolver span of kind `project`)."""

    start: int
    end: int
    project_id: str
    name: str  # as written (a description: the known project's name)
    described: bool = False  # told only as "a tech center" (see iter_descriptions)


# A definite description that points back to a project named earlier ("the center", "this
# project", "el centro"), up to two modifiers between ("the new training center").
BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|el|este|ese|dicho|al|del)\s+(?:[\w-]+\s+){0,2}?"
    rf"({make_noun_pattern(PROJECT_NOUNS | {'project', 'proyecto'})})\b",
    re.IGNORECASE,
)
_SAME_NOUN = dict(  # Spanish and variant spellings of one noun
    pair.split(":")
    for pair in "centre:center centro:center proyecto:project polo:hub parque:park "
    "laboratory:lab laboratorio:lab complejo:complex".split()
)


def _noun(word: str) -> str:
    word = word.casefold()
    word = word[:-1] if word.endswith("s") else word
    return _SAME_NOUN.get(word, word)


def iter_back_references(
    text: str, named: Sequence[NamedProject]
) -> Iterator[tuple[int, int, NamedProject]]:
    """(start, end, project) of each description that refers back to a named project: the
    latest one named before it whose name has the same noun, else the latest one named."""
    for found in BACK_REFERENCE.finditer(text):
        if any(n.start < found.end() and found.start() < n.end for n in named):
            continue  # "the Technological Center ..." is the name itself
        earlier = [n for n in named if n.end <= found.start()]
        if not earlier:
            continue
        noun = _noun(found.group(1))
        alike = [n for n in earlier if noun in _name_nouns((n.name,))]
        yield found.start(), found.end(), max(alike or earlier, key=lambda n: n.start)


# An indefinite description of a project ("a high-tech training center", "un polo
# tecnológico"): up to three modifiers before the facility noun.
DESCRIPTION = re.compile(
    r"\b(?:a|an|un|una)\s+((?:[\w-]+\s+){0,3}?)" rf"({make_noun_pattern(PROJECT_NOUNS)})\b",
    re.IGNORECASE,
)
_STEM = 4  # "tech" fits "technological": a modifier fits a name word sharing this prefix


@lru_cache(maxsize=4096)
def _name_nouns(names: tuple[str, ...]) -> frozenset[str]:
    """The words of project names as _noun reads them: tokenised once per project."""
    return frozenset(_noun(w) for name in names for w in re.findall(r"\w+", name))


def _describes(noun: str, modifiers: set[str], known: KnownProject) -> bool:
    words = _name_nouns(known.names)
    return noun in words and any(
        w[:_STEM] == m[:_STEM] and (w.startswith(m) or m.startswith(w))
        for w in words
        for m in modifiers
    )


def iter_descriptions(
    text: str, named: Sequence[NamedProject], known: Sequence[KnownProject]
) -> Iterator[NamedProject]:
    """Descriptions of a known project in an article that does not name it there ("officials
    pitched a high-tech training center"): the facility noun of one of its names and a
    modifier that begins like another word of them ("tech", "technology" for "Technological
    Center ..."), when exactly one known project fits."""
    for found in DESCRIPTION.finditer(text):
        if any(n.start < found.end() and found.start() < n.end for n in named):
            continue
        modifiers = {w for w in re.split(r"[\s-]+", found.group(1).casefold()) if len(w) >= _STEM}
        fits = {k.project_id: k for k in known if _describes(_noun(found.group(2)), modifiers, k)}
        if len(fits) == 1:
            (only,) = fits.values()
            yield NamedProject(found.start(), found.end(), only.project_id, only.names[0], True)


@dataclass(frozen=True, slots=True)
class ProjectReference:
    """A mention that speaks of a project, and how: by a name or description (`alias`)
    or only by being in an article about it (implicit)."""

    mention: Mention
    project: NamedProject
    alias: str
    implicit: bool = False


def iter_project_references(
    text: str,
    mentions: Iterable[Mention],
    named: Sequence[NamedProject],
    hosts: dict[str, str],
    known: Sequence[KnownProject] = (),
) -> Iterator[ProjectReference]:
    """The projects each mention speaks of: those named, described (`known`: the projects
    to look for, see iter_descriptions) or referred back to inside its evidence; else, in an
    article about one project (see find_topic), that project when the mention is no history
    and involves its host (`hosts`: project id -> country)."""
    described = list(iter_descriptions(text, named, known))
    hosts = {**{k.project_id: k.host for k in known if k.host}, **hosts}
    named = sorted([*named, *described], key=lambda n: n.start)
    refs = [*((n.start, n.end, n) for n in named), *iter_back_references(text, named)]
    topic = find_topic(text, named)
    first = {n.project_id: n for n in reversed(named)}
    for m in mentions:
        parties = {*m.countries("actor"), *m.countries("recipient")}
        # a description is only a guess at the project: it must involve the project's host
        inside = [
            n
            for s, e, n in refs
            if m.text_info.start <= s
            and e <= m.text_info.end
            and (not n.described or hosts.get(n.project_id) in {None, *parties})
        ]
        said = {n.project_id: n.name for n in reversed(inside)}
        for pid, alias in said.items():
            yield ProjectReference(m, first[pid], alias)
        if said or topic is None or m.historical:
            continue
        host = hosts.get(topic.project_id)
        if host is None or host in parties:
            yield ProjectReference(m, first[topic.project_id], topic.name, implicit=True)


def find_topic(text: str, named: Sequence[NamedProject]) -> NamedProject | None:
    """The one project the title or the lead paragraph names, if exactly one: what the
    article is about, the project its other reports of progress speak of."""
    paragraphs = [m.end() for m in re.finditer(r"[^\n]+", text)]
    lead_end = paragraphs[1] if len(paragraphs) > 1 else len(text)
    lead = [n for n in named if n.start < lead_end]
    return lead[0] if len({n.project_id for n in lead}) == 1 else None
