"""Figures: money, counts, quantities, percentages in English and Spanish; what is not one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilat.events.figures import extract_figures, parse_number, parse_spelled
from bilat.models import Figure


def figures(sentence: str, language: str) -> list[Figure]:
    found = extract_figures(sentence, 0, len(sentence), language)
    for f in found:
        assert f.span is not None
        assert sentence[f.span.start : f.span.end] == f.text
    return found


# (sentence, language, value, unit, kind, qualifier, text)
CASES = [
    # money
    (
        "Madrid approved a 38-million-euro loan for the port.",
        "en",
        38e6,
        "EUR",
        "money",
        None,
        "38-million-euro",
    ),
    ("The fund holds $1.2bn for the grid.", "en", 1.2e9, "USD", "money", None, "$1.2bn"),
    (
        "The bank lent 1.2 billion dollars to the utility.",
        "en",
        1.2e9,
        "USD",
        "money",
        None,
        "1.2 billion dollars",
    ),
    (
        "A credit line of US$50 million was opened.",
        "en",
        50e6,
        "USD",
        "money",
        None,
        "US$50 million",
    ),
    ("Brussels pledged €15 million for schools.", "en", 15e6, "EUR", "money", None, "€15 million"),
    (
        "Pekín donó 700 millones de yuanes a la isla.",
        "es",
        7e8,
        "CNY",
        "money",
        None,
        "700 millones de yuanes",
    ),
    (
        "El banco aportó 2 mil millones de dólares al plan.",
        "es",
        2e9,
        "USD",
        "money",
        None,
        "2 mil millones de dólares",
    ),
    (
        "Moscow lent 500 million rubles to Havana.",
        "en",
        5e8,
        "RUB",
        "money",
        None,
        "500 million rubles",
    ),
    (
        "Moscú prestó 300 millones de rublos.",
        "es",
        3e8,
        "RUB",
        "money",
        None,
        "300 millones de rublos",
    ),
    (
        "La obra costó 1.500 millones de pesos cubanos.",
        "es",
        1.5e9,
        "CUP",
        "money",
        None,
        "1.500 millones de pesos cubanos",
    ),
    (
        "The works cost 40 million Cuban pesos.",
        "en",
        40e6,
        "CUP",
        "money",
        None,
        "40 million Cuban pesos",
    ),
    ("London offered £3 million in grants.", "en", 3e6, "GBP", "money", None, "£3 million"),
    (
        "The firm invested a million dollars there.",
        "en",
        1e6,
        "USD",
        "money",
        None,
        "a million dollars",
    ),
    (
        "Se invirtieron 1,5 millones de euros.",
        "es",
        1.5e6,
        "EUR",
        "money",
        None,
        "1,5 millones de euros",
    ),
    # quantities
    (
        "Llegaron 19.526 toneladas de trigo al puerto.",
        "es",
        19526,
        "tonnes",
        "quantity",
        None,
        "19.526 toneladas",
    ),
    (
        "The ship carried 19,526 tons of wheat.",
        "en",
        19526,
        "tonnes",
        "quantity",
        None,
        "19,526 tons",
    ),
    ("The ship carried 19.5 tons of wheat.", "en", 19.5, "tonnes", "quantity", None, "19.5 tons"),
    (
        "They delivered some 200 tons of rice.",
        "en",
        200,
        "tonnes",
        "quantity",
        "about",
        "some 200 tons",
    ),
    (
        "Russia will ship 1.5 million barrels of oil.",
        "en",
        1.5e6,
        "barrels",
        "quantity",
        None,
        "1.5 million barrels",
    ),
    ("A new 200-ton crane was installed.", "en", 200, "tonnes", "quantity", None, "200-ton"),
    ("The park will produce 50 MW of power.", "en", 50, "MW", "quantity", None, "50 MW"),
    # counts and qualifiers
    (
        "The district will house up to 15 thousand residents.",
        "en",
        15000,
        "residents",
        "count",
        "up to",
        "up to 15 thousand residents",
    ),
    (
        "The district will house over 15,000 residents.",
        "en",
        15000,
        "residents",
        "count",
        "over",
        "over 15,000 residents",
    ),
    (
        "More than 300 doctors arrived in the capital.",
        "en",
        300,
        "doctors",
        "count",
        "over",
        "More than 300 doctors",
    ),
    (
        "Llegaron más de 300 médicos a la capital.",
        "es",
        300,
        "médicos",
        "count",
        "over",
        "más de 300 médicos",
    ),
    (
        "Almost 40 engineers joined the team.",
        "en",
        40,
        "engineers",
        "count",
        "almost",
        "Almost 40 engineers",
    ),
    (
        "Casi 40 ingenieros se sumaron.",
        "es",
        40,
        "ingenieros",
        "count",
        "almost",
        "Casi 40 ingenieros",
    ),
    (
        "The yard delivered nearly 12 buses.",
        "en",
        12,
        "buses",
        "count",
        "almost",
        "nearly 12 buses",
    ),
    (
        "At least 5 plants will be upgraded.",
        "en",
        5,
        "plants",
        "count",
        "at least",
        "At least 5 plants",
    ),
    (
        "Se modernizarán al menos 5 plantas.",
        "es",
        5,
        "plantas",
        "count",
        "at least",
        "al menos 5 plantas",
    ),
    ("Around 60 students enrolled.", "en", 60, "students", "count", "about", "Around 60 students"),
    ("About 60 students enrolled.", "en", 60, "students", "count", "about", "About 60 students"),
    ("Llegaron unos 200 camiones.", "es", 200, "camiones", "count", "about", "unos 200 camiones"),
    (
        "Viajaron alrededor de 90 técnicos.",
        "es",
        90,
        "técnicos",
        "count",
        "about",
        "alrededor de 90 técnicos",
    ),
    (
        "Asistieron cerca de 1.000 personas.",
        "es",
        1000,
        "personas",
        "count",
        "about",
        "cerca de 1.000 personas",
    ),
    (
        "The two sides signed three agreements.",
        "en",
        3,
        "agreements",
        "count",
        None,
        "three agreements",
    ),
    ("Las partes firmaron tres acuerdos.", "es", 3, "acuerdos", "count", None, "tres acuerdos"),
    (
        "The partners signed three new agreements.",
        "en",
        3,
        "agreements",
        "count",
        None,
        "three new agreements",
    ),
    ("Ya trabajan doce médicos allí.", "es", 12, "médicos", "count", None, "doce médicos"),
    (
        "They opened two hundred classrooms.",
        "en",
        200,
        "classrooms",
        "count",
        None,
        "two hundred classrooms",
    ),
    ("Llegaron 200 médicos cubanos.", "es", 200, "médicos", "count", None, "200 médicos"),
    (
        "Some 200 Cuban doctors arrived.",
        "en",
        200,
        "doctors",
        "count",
        "about",
        "Some 200 Cuban doctors",
    ),
    (
        "Se beneficiarán 3 millones de personas.",
        "es",
        3e6,
        "personas",
        "count",
        None,
        "3 millones de personas",
    ),
    # percentages
    ("Trade grew 25% in the period.", "en", 25, "%", "percent", None, "25%"),
    ("Trade grew 25 per cent in the period.", "en", 25, "%", "percent", None, "25 per cent"),
    ("Trade grew 25 percent in the period.", "en", 25, "%", "percent", None, "25 percent"),
    ("El comercio creció un 25 por ciento.", "es", 25, "%", "percent", None, "25 por ciento"),
    ("El comercio creció un 12,5 %.", "es", 12.5, "%", "percent", None, "12,5 %"),
]


@pytest.mark.parametrize(
    ("sentence", "language", "value", "unit", "kind", "qualifier", "text"), CASES
)
def test_figure_is_read(
    sentence: str,
    language: str,
    value: float,
    unit: str,
    kind: str,
    qualifier: str | None,
    text: str,
) -> None:
    found = figures(sentence, language)
    assert len(found) == 1, found
    f = found[0]
    assert f.value == pytest.approx(value)
    assert (f.unit, f.kind, f.qualifier, f.text) == (unit, kind, qualifier, text)


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("Trade between them grew in 2019.", "en"),
        ("El comercio creció en 2019.", "es"),
        ("The delegation attended Sigestic 2025 in Varadero.", "en"),
        ("La delegación asistió a Sigestic 2025 en Varadero.", "es"),
        ("The G20 met in Rio.", "en"),
        ("The talks took place on 25 September.", "en"),
        ("Las conversaciones fueron el 25 de septiembre.", "es"),
        ("The talks took place on September 25.", "en"),
        ("The talks took place on Sept. 25, 2025.", "en"),
        ("The second batch arrived at 10:30.", "en"),
        ("It was the 1st shipment of the year.", "en"),
        ("The decree is dated 14/09/2025.", "en"),
        ("The order came on 2025-09-14.", "en"),
        ("The credit runs for three years.", "en"),
        ("El crédito vence en 10 años.", "es"),
        ("Resolution No. 5 was adopted.", "en"),
        ("Article 12 of the treaty applies.", "en"),
        ("One of the ministers spoke.", "en"),
        ("The Su-35 jets flew over Havana.", "en"),
        ("Once again the ministers met.", "en"),
        ("Hasta 2025 hubo cambios.", "es"),
        ("The two sides met in Havana.", "en"),
        ("Los dos países firmaron.", "es"),
    ],
)
def test_not_a_figure(sentence: str, language: str) -> None:
    assert figures(sentence, language) == []


def test_several_figures_keep_order_and_absolute_spans() -> None:
    prefix = "Headline here.\n"
    sentence = "Moscow lent €15 million and sent 200 tons of rice to 3 provinces."
    text = prefix + sentence + " More text with 40 doctors."
    found = extract_figures(text, len(prefix), len(prefix) + len(sentence), "en")
    assert [f.text for f in found] == ["€15 million", "200 tons", "3 provinces"]
    for f in found:
        assert f.span is not None
        assert text[f.span.start : f.span.end] == f.text
        assert len(prefix) <= f.span.start < f.span.end <= len(prefix) + len(sentence)


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [
        ("19.526", "es", "19526"),
        ("19.526", "en", "19.526"),
        ("19,526", "en", "19526"),
        ("19,526", "es", "19.526"),
        ("1.5", "es", "1.5"),
        ("1.234.567,5", "es", "1234567.5"),
        ("1,234,567.5", "en", "1234567.5"),
        ("15\u00a0000", "es", "15000"),
    ],
)
def test_parse_number_follows_the_language(raw: str, language: str, value: str) -> None:
    assert str(parse_number(raw, language)) == value


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [
        ("twenty-five", "en", 25),
        ("two hundred", "en", 200),
        ("tres mil", "es", 3000),
        ("treinta y cinco", "es", 35),
        ("cien", "es", 100),
    ],
)
def test_parse_spelled(raw: str, language: str, value: int) -> None:
    assert parse_spelled(raw, language) == value


QUALIFIER = st.sampled_from(["", "some ", "over ", "up to ", "más de ", "unos ", "at least "])
SIGN = st.sampled_from(["", "$", "US$", "€"])
SCALE = st.sampled_from(["", " million", " millones", "bn", " mil millones", " thousand"])
TAIL = st.sampled_from(["", " tons", " toneladas", " euros", " de dólares", " residents", "%"])
FILLER = st.sampled_from(["Russia", "sent", "in 2019", "on 25 September", "G20", ",", "and"])


@given(
    words=st.lists(
        st.tuples(FILLER, QUALIFIER, SIGN, st.integers(0, 10**7), SCALE, TAIL), max_size=5
    ),
    language=st.sampled_from(["en", "es"]),
    pad=st.text(max_size=4),
)
def test_offsets_hold_on_generated_sentences(
    words: list[tuple[str, str, str, int, str, str]], language: str, pad: str
) -> None:
    sep = "," if language == "en" else "."
    pieces = [
        f"{filler} {qual}{sign}{number:,}".replace(",", sep) + f"{scale}{tail}"
        for filler, qual, sign, number, scale, tail in words
    ]
    sentence = " ".join(pieces) + "."
    text = pad + sentence + pad
    found = extract_figures(text, len(pad), len(pad) + len(sentence), language)
    last_end = len(pad)
    for f in found:
        assert f.span is not None
        assert text[f.span.start : f.span.end] == f.text
        assert last_end <= f.span.start < f.span.end <= len(pad) + len(sentence)
        last_end = f.span.end


@given(st.integers(2101, 10**9), st.sampled_from(["en", "es"]))
def test_generated_quantities_read_back_exactly(number: int, language: str) -> None:
    written = f"{number:,}".replace(",", "," if language == "en" else ".")
    sentence = f"The port received {written} tons of grain."
    (f,) = figures(sentence, language)
    assert (f.value, f.unit, f.kind) == (number, "tonnes", "quantity")


@given(st.text(max_size=80), st.sampled_from(["en", "es"]))
def test_arbitrary_text_never_crashes(text: str, language: str) -> None:
    for f in extract_figures(text, 0, len(text), language):
        assert f.span is not None
        assert text[f.span.start : f.span.end] == f.text


@pytest.mark.parametrize(
    ("sentence", "unit", "text"),
    [
        ("Moscow had equipped two capital schools.", "schools", "two capital schools"),
        ("Russia donated 20 medical oxygen plants.", "plants", "20 medical oxygen plants"),
        ("One delegation visited Havana.", "delegation", "One delegation"),
        ("They built 3 glass buildings.", "buildings", "3 glass buildings"),
        ("Both sides signed 3 agreements yesterday.", "agreements", "3 agreements"),
    ],
)
def test_english_count_takes_the_plural_head_noun(sentence: str, unit: str, text: str) -> None:
    (f,) = figures(sentence, "en")
    assert (f.unit, f.text) == (unit, text)


@pytest.mark.parametrize(
    ("sentence", "language", "value", "unit"),
    [
        ("The ministry will lend Luanda 45 million euros for trams.", "en", 45e6, "EUR"),
        ("Tokyo promised Manila 300 million dollars in credit.", "en", 3e8, "USD"),
        ("Pekín entregará a Laos 500 millones de yuanes.", "es", 5e8, "CNY"),
        (
            "El buque dejó en el puerto de Cienfuegos 12.480 toneladas de maíz.",
            "es",
            12480,
            "tonnes",
        ),
        ("Lisbon gave Luanda 30% of the shares.", "en", 30, "%"),
    ],
)
def test_an_amount_after_a_name_is_not_a_label(
    sentence: str, language: str, value: float, unit: str
) -> None:
    found = figures(sentence, language)
    assert [(f.value, f.unit) for f in found] == [(value, unit)]
