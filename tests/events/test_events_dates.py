"""Date expressions: tables of English and Spanish cases, publication-date edges, offsets."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.events.dates import DateMention, iter_date_mentions, resolve_date_expression

WED = date(2025, 9, 17)  # a Wednesday
MON = date(2025, 9, 15)


def mentions(sentence: str, language: str, published: date | None = WED) -> list[DateMention]:
    return list(iter_date_mentions(sentence, 0, len(sentence), language, published))


def only(sentence: str, language: str, published: date | None = WED) -> DateMention:
    found = mentions(sentence, language, published)
    assert len(found) == 1, found
    return found[0]


# (sentence, language, published, span text, value, kind)
CASES = [
    # absolute, with and without a year
    (
        "The accord was signed on November 2, 2024 in Moscow.",
        "en",
        WED,
        "November 2, 2024",
        "2024-11-02",
        "absolute",
    ),
    (
        "The accord was signed on 2 November 2024.",
        "en",
        WED,
        "2 November 2024",
        "2024-11-02",
        "absolute",
    ),
    (
        "El acuerdo se firmó el 2 de noviembre de 2024.",
        "es",
        WED,
        "el 2 de noviembre de 2024",
        "2024-11-02",
        "absolute",
    ),
    (
        "The ministers met on November 2 in Havana.",
        "en",
        date(2025, 11, 10),
        "November 2",
        "2025-11-02",
        "absolute",
    ),
    (
        "Los ministros se vieron el 2 de noviembre.",
        "es",
        date(2025, 11, 10),
        "el 2 de noviembre",
        "2025-11-02",
        "absolute",
    ),
    ("Trade between them grew in 2019.", "en", WED, "2019", "2019", "absolute"),
    ("El comercio creció en 2019.", "es", WED, "2019", "2019", "absolute"),
    ("The first plant opened in 1960.", "en", WED, "1960", "1960", "absolute"),
    ("The plant opened in September 2025.", "en", WED, "September 2025", "2025-09", "absolute"),
    (
        "La planta abrió en septiembre de 2025.",
        "es",
        WED,
        "septiembre de 2025",
        "2025-09",
        "absolute",
    ),
    ("Talks resumed in Sept. 2025 after a pause.", "en", WED, "Sept. 2025", "2025-09", "absolute"),
    (
        "The decree is dated 2025-09-14 in the gazette.",
        "en",
        WED,
        "2025-09-14",
        "2025-09-14",
        "absolute",
    ),
    ("El buque atracó el 14/09/2025 en Mariel.", "es", WED, "14/09/2025", "2025-09-14", "absolute"),
    ("El buque atracó el 03/04/2025 en Mariel.", "es", WED, "03/04/2025", "2025-04-03", "absolute"),
    ("The ship docked on 14/09/2025 at Mariel.", "en", WED, "14/09/2025", "2025-09-14", "absolute"),
    ("The ship docked on 09/14/2025 at Mariel.", "en", WED, "09/14/2025", "2025-09-14", "absolute"),
    ("La delegación llegó en septiembre.", "es", WED, "septiembre", "2025-09", "absolute"),
    ("The delegation arrived in September.", "en", WED, "September", "2025-09", "absolute"),
    (
        "La delegación llegó en septiembre.",
        "es",
        date(2025, 3, 1),
        "septiembre",
        "2024-09",
        "absolute",
    ),
    # weekdays
    ("The ministers met on Monday in Havana.", "en", WED, "Monday", "2025-09-15", "weekday"),
    (
        "Los ministros se reunieron el lunes en La Habana.",
        "es",
        WED,
        "el lunes",
        "2025-09-15",
        "weekday",
    ),
    ("The ministers met last Tuesday.", "en", WED, "last Tuesday", "2025-09-16", "weekday"),
    ("Se reunieron el martes pasado.", "es", WED, "el martes pasado", "2025-09-16", "weekday"),
    ("Se reunieron el pasado martes.", "es", WED, "el pasado martes", "2025-09-16", "weekday"),
    ("They will meet again next Monday.", "en", WED, "next Monday", "2025-09-22", "weekday"),
    ("Volverán a verse el próximo lunes.", "es", WED, "el próximo lunes", "2025-09-22", "weekday"),
    ("The two leaders will meet on Friday.", "en", WED, "Friday", "2025-09-19", "weekday"),
    ("Los ministros se reunirán el viernes.", "es", WED, "el viernes", "2025-09-19", "weekday"),
    (
        "The envoy said on Monday that the two sides will sign.",
        "en",
        WED,
        "Monday",
        "2025-09-15",
        "weekday",
    ),
    # relative
    ("The cargo arrived yesterday.", "en", WED, "yesterday", "2025-09-16", "relative"),
    ("La carga llegó ayer.", "es", WED, "ayer", "2025-09-16", "relative"),
    ("The cargo arrives today.", "en", WED, "today", "2025-09-17", "relative"),
    ("La carga llega hoy.", "es", WED, "hoy", "2025-09-17", "relative"),
    ("The talks took place last week.", "en", date(2025, 9, 3), "last week", "2025-08", "relative"),
    (
        "Las conversaciones fueron la semana pasada.",
        "es",
        date(2025, 9, 3),
        "la semana pasada",
        "2025-08",
        "relative",
    ),
    ("The loan was approved last month.", "en", WED, "last month", "2025-08", "relative"),
    ("El préstamo se aprobó el mes pasado.", "es", WED, "el mes pasado", "2025-08", "relative"),
    ("The crop failed last July.", "en", WED, "last July", "2025-07", "relative"),
    ("La cosecha falló en julio pasado.", "es", WED, "julio pasado", "2025-07", "relative"),
    ("La cosecha falló el pasado julio.", "es", WED, "el pasado julio", "2025-07", "relative"),
    ("The crop failed last July.", "en", date(2025, 7, 20), "last July", "2024-07", "relative"),
    ("The line reopened earlier this year.", "en", WED, "earlier this year", "2025", "relative"),
    (
        "La línea reabrió a principios de este año.",
        "es",
        WED,
        "a principios de este año",
        "2025",
        "relative",
    ),
    ("Exports rose this year.", "en", WED, "this year", "2025", "relative"),
    ("The plant opens next year.", "en", WED, "next year", "2026", "relative"),
    ("La planta abrirá el próximo año.", "es", WED, "el próximo año", "2026", "relative"),
    ("The project was shown in recent days.", "en", WED, "recent days", "2025-09", "relative"),
    (
        "El proyecto se presentó en los últimos días.",
        "es",
        WED,
        "los últimos días",
        "2025-09",
        "relative",
    ),
    ("The ministry recently approved it.", "en", WED, "recently", "2025-09", "relative"),
    ("The vessel sailed three days ago.", "en", WED, "three days ago", "2025-09-14", "relative"),
    ("El buque zarpó hace tres días.", "es", WED, "hace tres días", "2025-09-14", "relative"),
    (
        "El acuerdo entrará en vigor el próximo mes.",
        "es",
        WED,
        "el próximo mes",
        "2025-10",
        "relative",
    ),
    ("Talks resume next July in Moscow.", "en", WED, "next July", "2026-07", "relative"),
    ("The line was finished in late 2024.", "en", WED, "late 2024", "2024", "absolute"),
    (
        "La cumbre se celebrará el 2 de septiembre.",
        "es",
        WED,
        "el 2 de septiembre",
        "2026-09-02",
        "absolute",
    ),
    (
        "The summit is scheduled for September 2.",
        "en",
        WED,
        "September 2",
        "2026-09-02",
        "absolute",
    ),
    ("The summit opened on September 2.", "en", WED, "September 2", "2025-09-02", "absolute"),
    # periods and durations
    ("The base was built during the Cold War.", "en", WED, "the Cold War", None, "period"),
    ("La base se construyó durante la Guerra Fría.", "es", WED, "la Guerra Fría", None, "period"),
    ("Trade collapsed in the 1990s.", "en", WED, "the 1990s", None, "period"),
    ("El comercio cayó en los años 90.", "es", WED, "los años 90", None, "period"),
    ("The credit runs for three years.", "en", WED, "for three years", None, "duration"),
    ("El crédito dura durante tres años.", "es", WED, "durante tres años", None, "duration"),
]


@pytest.mark.parametrize(("sentence", "language", "published", "text", "value", "kind"), CASES)
def test_date_expression_resolves(
    sentence: str, language: str, published: date, text: str, value: str | None, kind: str
) -> None:
    found = only(sentence, language, published)
    assert (found.text, found.value, found.kind) == (text, value, kind)
    assert sentence[found.start : found.end] == found.text


# (sentence, language, published, future, before_published)
DIRECTIONS = [
    ("They will meet again next Monday.", "en", WED, True, False),
    ("La planta abrirá el próximo año.", "es", WED, True, False),
    ("The cargo arrived yesterday.", "en", WED, False, True),
    ("The cargo arrives today.", "en", WED, False, None),
    ("The accord was signed on November 2, 2024.", "en", WED, False, True),
    ("Trade collapsed in the 1990s.", "en", WED, False, True),
    ("Trade collapsed in the 1990s.", "en", None, False, None),
    ("The base was built during the Cold War.", "en", None, False, True),
    ("The cargo arrived yesterday.", "en", None, False, True),
    ("The forum opens on November 20.", "en", date(2025, 11, 12), True, False),
]


@pytest.mark.parametrize(("sentence", "language", "published", "future", "before"), DIRECTIONS)
def test_date_direction(
    sentence: str, language: str, published: date | None, future: bool, before: bool | None
) -> None:
    found = only(sentence, language, published)
    assert (found.future, found.before_published) == (future, before)


def test_weekday_on_the_publication_day_is_that_day() -> None:
    assert only("The ministers met on Monday.", "en", MON).value == "2025-09-15"
    assert only("Se reunieron el lunes.", "es", MON).value == "2025-09-15"
    # Documented choice: "last Monday" on a Monday is the same day, not a week before.
    assert only("The ministers met last Monday.", "en", MON).value == "2025-09-15"
    assert only("Se reunieron el lunes pasado.", "es", MON).value == "2025-09-15"
    assert only("They meet next Monday.", "en", MON).value == "2025-09-22"


def test_year_less_date_early_in_january_is_last_year() -> None:
    assert only("They met on December 28.", "en", date(2026, 1, 3)).value == "2025-12-28"
    assert only("Se vieron el 28 de diciembre.", "es", date(2026, 1, 3)).value == "2025-12-28"


def test_pasado_before_a_day_looks_back_and_proximo_ahead() -> None:
    pub = date(2025, 11, 1)
    assert only("Llegó el pasado 2 de noviembre.", "es", pub).value == "2024-11-02"
    assert only("Llegará el próximo 2 de octubre.", "es", pub).value == "2026-10-02"


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("The ministers met on Monday.", "en"),
        ("La carga llegó ayer.", "es"),
        ("The crop failed last July.", "en"),
        ("La delegación llegó en septiembre.", "es"),
        ("They met on December 28.", "en"),
        ("The vessel sailed three days ago.", "en"),
    ],
)
def test_without_publication_date_only_dates_with_a_year_resolve(
    sentence: str, language: str
) -> None:
    assert only(sentence, language, None).value is None


def test_without_publication_date_a_full_date_still_resolves() -> None:
    assert only("It was signed on 2 November 2024.", "en", None).value == "2024-11-02"


@pytest.mark.parametrize(
    "sentence",
    [
        "The ship docked on 03/04/2025 at Mariel.",  # month and day both under 13
        "Officials may visit in spring.",
        "Sigestic is a trade fair.",
        "They will march to the square.",
    ],
)
def test_no_date_is_invented(sentence: str) -> None:
    assert mentions(sentence, "en") == []


def test_several_mentions_come_in_order_with_absolute_offsets() -> None:
    prefix = "Headline.\n"
    sentence = "On Monday the envoy recalled the talks of 2 November 2024 and last month's deal."
    text = prefix + sentence + " Tail."
    found = list(iter_date_mentions(text, len(prefix), len(prefix) + len(sentence), "en", WED))
    assert [m.text for m in found] == ["Monday", "2 November 2024", "last month"]
    for m in found:
        assert text[m.start : m.end] == m.text
        assert len(prefix) <= m.start < m.end <= len(prefix) + len(sentence)


def test_longest_expression_wins_over_its_parts() -> None:
    found = only("Firmaron el lunes 2 de noviembre de 2024.", "es", WED)
    assert (found.text, found.value) == ("el lunes 2 de noviembre de 2024", "2024-11-02")


def test_language_tags_are_normalised_and_unknown_falls_back_to_english() -> None:
    assert only("La carga llegó ayer.", "es-CU").value == "2025-09-16"
    assert only("The cargo arrived yesterday.", "fr").value == "2025-09-16"


@pytest.mark.parametrize(
    ("expr", "language", "published", "value"),
    [
        ("el 2 de noviembre de 2024", "es", None, "2024-11-02"),
        ("last month", "en", WED, "2025-08"),
        ("last month", "en", None, None),
        ("during the Cold War", "en", WED, None),
        ("no date here", "en", WED, None),
    ],
)
def test_resolve_date_expression(
    expr: str, language: str, published: date | None, value: str | None
) -> None:
    assert resolve_date_expression(expr, published, language) == value


FRAGMENTS = st.sampled_from(
    [
        "on Monday",
        "el lunes pasado",
        "last July",
        "in 2019",
        "2 November 2024",
        "ayer",
        "hace dos días",
        "the 1990s",
        "14/09/2025",
        "next year",
        "the envoy",
        "firmó",
        "tons",
        "G20",
        ",",
        "will",
        "en septiembre",
        "Sept. 2025",
        "recently",
        "El",
    ]
)


@given(
    parts=st.lists(FRAGMENTS, max_size=8),
    language=st.sampled_from(["en", "es"]),
    published=st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31)),
    pad=st.text(max_size=5),
)
def test_offsets_hold_on_generated_sentences(
    parts: list[str], language: str, published: date | None, pad: str
) -> None:
    sentence = " ".join(parts)
    text = pad + sentence + pad
    found = list(iter_date_mentions(text, len(pad), len(pad) + len(sentence), language, published))
    assert [m.start for m in found] == sorted(m.start for m in found)
    for m in found:
        assert text[m.start : m.end] == m.text
        assert len(pad) <= m.start < m.end <= len(pad) + len(sentence)
        assert m.value is None or len(m.value) in (4, 7, 10)


@given(st.text(max_size=80), st.sampled_from(["en", "es"]))
def test_arbitrary_text_never_crashes(text: str, language: str) -> None:
    for m in iter_date_mentions(text, 0, len(text), language, WED):
        assert text[m.start : m.end] == m.text


def test_a_past_form_after_a_future_word_dates_the_past() -> None:
    sentence = "A deal under which Lima will buy 20 trains was signed in Quito on Friday."
    (found,) = iter_date_mentions(sentence, 0, len(sentence), "en", date(2024, 3, 14))
    assert (found.text, found.value, found.future) == ("Friday", "2024-03-08", False)


def test_a_future_word_alone_still_points_ahead() -> None:
    sentence = "A deal under which Lima will buy 20 trains will be signed in Quito on Friday."
    (found,) = iter_date_mentions(sentence, 0, len(sentence), "en", date(2024, 3, 14))
    assert (found.value, found.future) == ("2024-03-15", True)
