"""Readers for the package data tables (data/*.tsv) and the country names of pycountry.

Each reader yields plain rows; the gazetteer decides what they mean. Lines starting with
"#" are comments, the first other line is the header, "|" separates several values in a
cell and "*" in a language column means every language.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import pycountry

from bilat.errors import ConfigError
from bilat.resolve.names import inflect_spanish_adjective, pluralize_phrase

ANY_LANGUAGE = "*"


@dataclass(frozen=True, slots=True)
class NameRow:
    """A name of a place or state: country (ISO-3, "" for a region), language, alias, and
    the canonical name (the first name on its table row)."""

    country: str
    language: str
    alias: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class ActorRow:
    actor_id: str
    kind: str
    country: str
    sector: str
    language: str
    name: str
    aliases: tuple[str, ...]
    surnames: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AgentRow:
    """An agent noun form: `plural` says the form names many (a group)."""

    language: str
    phrase: str
    sector: str
    kind: str
    plural: bool


@dataclass(frozen=True, slots=True)
class GroupRow:
    """A group of states under one name: its names, the adjectives that name it before an
    agent noun (every Spanish form derived) and its members (ISO-3)."""

    language: str
    names: tuple[str, ...]
    modifiers: tuple[str, ...]
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DescriptorRow:
    language: str
    phrase: str
    candidates: tuple[str, ...]


def iter_table(name: str) -> Iterator[dict[str, str]]:
    """Rows of data/<name> as dicts keyed by the header; ConfigError if it is missing."""
    try:
        text = resources.files("bilat.resolve").joinpath("data", name).read_text("utf-8")
    except FileNotFoundError as exc:
        raise ConfigError(
            f"resolver data file {name} is missing: reinstall bilat (package data)"
        ) from exc
    yield from iter_rows(text)


def iter_rows(text: str) -> Iterator[dict[str, str]]:
    """Rows of a table's text (comments and blank lines skipped) as dicts by the header."""
    header: list[str] | None = None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        cells += [""] * (len(header) - len(cells))
        yield dict(zip(header, (c.strip() for c in cells), strict=False))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


def iter_country_names() -> Iterator[NameRow]:
    """ISO names, official and common names from pycountry in English and Spanish, then the
    curated short forms of countries.tsv."""
    spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    for country in pycountry.countries:
        names = {country.name}
        names.update(
            getattr(country, attr)
            for attr in ("official_name", "common_name")
            if hasattr(country, attr)
        )
        for name in sorted(names):
            for language, text in (("en", name), ("es", spanish.gettext(name))):
                plain = text.split(" (")[0].strip()
                # "Korea, Republic of" is an index form, never written in running text.
                if plain and "," not in plain:
                    yield NameRow(country.alpha_3, language, plain)
    for row in iter_table("countries.tsv"):
        for alias in _split(row["aliases"]):
            yield NameRow(row["iso3"], row["language"], alias)


def iter_name_rows(name: str) -> Iterator[NameRow]:
    """capitals.tsv and places.tsv: iso3, language, names."""
    for row in iter_table(name):
        names = _split(row["names"])
        for alias in names:
            yield NameRow(row["iso3"], row["language"], alias, names[0])


def iter_demonyms() -> Iterator[NameRow]:
    """demonyms.tsv with the Spanish gender and number forms derived."""
    for row in iter_table("demonyms.tsv"):
        for form in _split(row["forms"]):
            forms = inflect_spanish_adjective(form) if row["language"] == "es" else [form]
            for word in forms:
                yield NameRow(row["iso3"], row["language"], word)


def iter_actors() -> Iterator[ActorRow]:
    for row in iter_table("actors.tsv"):
        yield ActorRow(
            actor_id=row["actor_id"],
            kind=row["kind"],
            country=row["country"],
            sector=row["sector"],
            language=row["language"] or ANY_LANGUAGE,
            name=row["name"],
            aliases=_split(row["aliases"]),
            surnames=_split(row["surnames"]),
        )


def iter_agents() -> Iterator[AgentRow]:
    """Curated agent nouns first, then the Phoenix-derived ones; every form once, the first
    row of a phrase wins."""
    seen: set[tuple[str, str]] = set()
    for table in ("agents.tsv", "agents_phoenix.tsv"):
        for row in iter_table(table):
            language, phrase = row["language"], row["phrase"]
            if (language, phrase.lower()) in seen:
                continue
            seen.add((language, phrase.lower()))
            kind = row["kind"] or "group"
            yield AgentRow(language, phrase, row["sector"], kind, plural=False)
            plurals = row["plurals"]
            if plurals == "-":
                continue
            forms = _split(plurals) if plurals else (pluralize_phrase(phrase, language),)
            for form in forms:
                yield AgentRow(language, form, row["sector"], "group", plural=True)


def iter_descriptors() -> Iterator[DescriptorRow]:
    for row in iter_table("descriptors.tsv"):
        yield DescriptorRow(row["language"], row["phrase"], _split(row["candidates"]))


def iter_groups() -> Iterator[GroupRow]:
    """groups.tsv: names for several states at once ("the Baltic states")."""
    for row in iter_table("groups.tsv"):
        language = row["language"]
        modifiers: list[str] = []
        for form in _split(row["modifiers"]):
            modifiers += inflect_spanish_adjective(form) if language == "es" else [form]
        yield GroupRow(language, _split(row["names"]), tuple(modifiers), _split(row["members"]))
