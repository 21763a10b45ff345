"""Which figures a mention takes and which date an undated sentence takes (attachment.py)."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from bilat.events.attachment import narrative_date, select_figures
from bilat.events.figures import extract_figures
from bilat.events.syntax import DepTree
from bilat.models import Article
from bilat.nlp import Parser


@functools.cache
def _parser() -> Parser:
    return Parser()


def figures_of(sentence: str, trigger: str, language: str = "en") -> list[str]:
    """The figure texts select_figures gives the token `trigger` of a one-sentence text."""
    article = Article(id="t", text=sentence, language=language)
    tree = DepTree(_parser().parse(article))
    token = next(t.i for t in tree.tokens if t.text == trigger)
    found = extract_figures(sentence, 0, len(sentence), language)
    return [f.text for f in select_figures(tree, token, found)]


@pytest.mark.parametrize(
    ("sentence", "trigger", "language", "expected"),
    [
        # the trigger describes the noun the figure counts
        (
            "Porters on Friday finished unloading 31,000 tonnes of maize donated by Mexico.",
            "donated",
            "en",
            ["31,000 tonnes"],
        ),
        (
            "The shipment is part of a gift of 40,000 tons that Brasilia promised in May.",
            "promised",
            "en",
            ["40,000 tons"],
        ),
        (
            "Un carguero con unas 12.000 toneladas de arroz donado por Vietnam llegó el lunes.",
            "donado",
            "es",
            ["unas 12.000 toneladas"],
        ),
    ],
)
def test_a_describing_trigger_takes_the_figures_of_its_noun_phrase(
    sentence: str, trigger: str, language: str, expected: list[str]
) -> None:
    assert figures_of(sentence, trigger, language) == expected


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        (
            "Angola sent 5,000 tonnes of coffee to Portugal, and Brazil lent Peru $40 million.",
            "sent",
            "lent",
        ),
        (
            "Angola shipped 5,000 tonnes of coffee, while Brazil pledged $40 million to Peru.",
            "shipped",
            "pledged",
        ),
    ],
)
def test_figures_of_another_event_in_the_sentence_stay_with_it(
    sentence: str, first: str, second: str
) -> None:
    assert figures_of(sentence, first) == ["5,000 tonnes"]
    assert figures_of(sentence, second) == ["$40 million"]


def test_a_subjectless_adverbial_clause_shares_the_figures() -> None:
    sentence = "A freighter carrying 8,000 tonnes of diesel docked at Luanda, delivering fuel."
    assert figures_of(sentence, "delivering") == ["8,000 tonnes"]


def test_no_figures_give_none() -> None:
    assert figures_of("Angola sent coffee to Portugal.", "sent") == []


def test_the_part_named_beside_a_promised_whole_keeps_its_figure() -> None:
    sentence = (
        "Some 12,000 tonnes of Thai sugar reached Kingston on Monday, the second shipment "
        "of a gift that Bangkok pledged in March."
    )
    assert figures_of(sentence, "pledged") == []
    assert figures_of(sentence, "reached") == ["Some 12,000 tonnes"]


def test_a_figure_of_a_coordinated_predicate_without_an_event_word_joins_the_event() -> None:
    sentence = (
        "According to the plan, the park would become a campus with room to house up to "
        "8 thousand engineers, and would be designed to provide services to firms in Angola."
    )
    assert figures_of(sentence, "provide") == ["up to 8 thousand engineers"]


def test_a_figure_of_a_clause_with_its_own_subject_stays_out() -> None:
    sentence = "The park will house 8,000 engineers, and Brazil will provide loans to Angola."
    assert figures_of(sentence, "provide") == []


def carried_figures(text: str, trigger: str) -> list[str]:
    """The figure texts the trigger's mention takes in a text of several sentences."""
    article = Article(id="t", text=text, language="en")
    tree = DepTree(_parser().parse(article))
    token = next(t.i for t in tree.tokens if t.text == trigger)
    sent = next(s for s in tree.doc.sentences if s.token_start <= token < s.token_end)
    found = extract_figures(text, sent.start, sent.end, "en")
    return [f.text for f in select_figures(tree, token, found)]


def test_a_following_sentence_that_points_back_lends_its_figures() -> None:
    text = (
        "Norway will open a trade office in Lima to promote its seafood.\n\n"
        "Peru will not be the only host of these offices; up to 12 countries will get one."
    )
    assert carried_figures(text, "promote") == ["up to 12 countries"]


def test_a_following_sentence_about_something_else_lends_nothing() -> None:
    text = (
        "Norway will open a trade office in Lima to promote its seafood.\n\n"
        "The Andean Community, with 4 member states, was founded in 1969."
    )
    assert carried_figures(text, "promote") == []


PUBLISHED = dt.date(2024, 3, 14)  # a Thursday
STORY = (
    "Ministers meet in Luanda\n\n"
    "LUANDA — The foreign ministers of Angola and Brazil met on Tuesday in Luanda.\n\n"
    "They agreed to open a consulate in Benguela.\n\n"
    "In 2015, the two countries had signed a visa waiver.\n\n"
    "Both sides also promised to meet again."
)


def test_an_undated_sentence_takes_the_day_the_lead_names() -> None:
    at = STORY.index("They agreed")
    assert narrative_date(STORY, at, "en", PUBLISHED) == "2024-03-12"


def test_background_years_do_not_carry_over() -> None:
    at = STORY.index("Both sides")
    assert narrative_date(STORY, at, "en", PUBLISHED) == "2024-03-12"


def test_before_any_named_day_the_publication_date_holds() -> None:
    at = STORY.index("LUANDA")
    assert narrative_date(STORY, at, "en", PUBLISHED) == "2024-03-14"


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met on 3 January 2024.\nThey agreed to talk again.",  # too old to carry
        "Ministers will meet on Friday.\nThey hope to agree.",  # a day still to come
        "Ministers met last month.\nThey agreed to talk again.",  # not a day
    ],
)
def test_only_recent_past_days_carry_over(text: str) -> None:
    at = text.index("They")
    assert narrative_date(text, at, "en", PUBLISHED) == PUBLISHED.isoformat()


def test_spanish_lead_day_carries_over() -> None:
    text = "Los cancilleres se reunieron el pasado martes en Luanda. Acordaron abrir un consulado."
    assert narrative_date(text, text.index("Acordaron"), "es", PUBLISHED) == "2024-03-12"


def test_a_trigger_merged_into_another_hands_it_the_figures_of_its_clause() -> None:
    # "build" is what the help is for (drop_subsumed keeps only "help"), so the size of
    # what is built belongs to the help, although "build" has a subject of its own
    sentence = "Officials said Japan would help Kenya build a 150-megawatt plant near Mombasa."
    assert figures_of(sentence, "help") == ["150-megawatt"]


def test_a_trigger_that_is_not_merged_keeps_its_clause_figures_to_itself() -> None:
    sentence = "Japan pledged aid to Kenya, and Kenya will build a 150-megawatt plant near Mombasa."
    assert figures_of(sentence, "pledged") == []
    assert figures_of(sentence, "build") == ["150-megawatt"]
