"""Near-duplicates: MinHash copies, translations by ordered anchors, number normalisation."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bilat.ingest.text import read_text_article
from bilat.link.dedup import (
    BANDS,
    Signature,
    compare,
    estimate_jaccard,
    find_original,
    iter_anchors,
    make_bands,
    make_minhash,
    make_signature,
    parse_number,
)
from bilat.models import Article

# Team-written test stories (invented facts).
STORY = (
    "Norway ships grain to Iceland\n\n"
    "REYKJAVIK — A Norwegian freighter carrying 12,450 tonnes of barley docked in Reykjavik on "
    "Monday, the first of three cargoes that Oslo pledged in March, officials said.\n\n"
    "Harbour master Sigrun Olafsdottir said dock workers would unload the ship over two days "
    "and that the grain would go to farms in the north and the east.\n\n"
    "Trade Minister Henrik Dahl told reporters in Oslo that the second cargo would leave "
    "Bergen within a month and that Norway would also send 300 tractors next spring.\n\n"
    "Iceland lost most of its barley harvest to a cold summer, and feed prices have doubled "
    "since June, according to the farmers' union."
)
REPOST = (
    "Barley from Oslo reaches Reykjavik\n\n"
    + STORY.split("\n\n", 1)[1]
    + "\n\nThe Valley Courier has asked the ministry for the price of the tractors."
)
REWRITE = (
    "Grain aid lands in Iceland\n\n"
    "Oslo's first barley shipment, some 12,000 tonnes, arrived in the Icelandic capital this "
    "week. Farmers in the north hope it will carry their herds through the winter, while "
    "critics in Reykjavik ask why the government waited until feed had run out."
)
TRADUCCION = (
    "Noruega envía grano a Islandia\n\n"
    "REIKIAVIK — Un carguero noruego con 12.450 toneladas de cebada atracó en Reikiavik el "
    "lunes, el primero de tres cargamentos que Oslo prometió en marzo, dijeron funcionarios.\n\n"
    "La capitana de puerto Sigrun Olafsdottir dijo que los estibadores descargarían el barco en "
    "dos días y que el grano iría a granjas del norte y del este.\n\n"
    "El ministro de Comercio, Henrik Dahl, dijo a periodistas en Oslo que el segundo cargamento "
    "saldría de Bergen en un mes y que Noruega enviaría además 300 tractores la próxima "
    "primavera.\n\n"
    "Islandia perdió la mayor parte de su cosecha de cebada por un verano frío, y los precios "
    "del pienso se han duplicado desde junio, según el sindicato de agricultores."
)
RESUMEN = (
    "Llega a Islandia la cebada noruega\n\n"
    "Oslo cumplió su promesa: unas 12.000 toneladas de cebada llegaron a Reikiavik, y Henrik "
    "Dahl anunció 300 tractores. En el norte, los granjeros de Islandia dudan de que alcance."
)


def article(doc: str, text: str, language: str = "en") -> Article:
    return Article(id=doc, text=text, language=language, published=dt.date(2025, 4, 7))


def sign(doc: str, text: str, language: str = "en") -> Signature:
    return make_signature(article(doc, text, language))


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("19,526", 19526),
        ("19.526", 19526),
        ("1.64", 1.64),
        ("1,64", 1.64),
        ("1,640,000", 1_640_000),
        ("2.5", 2.5),
        ("200", 200),
    ],
)
def test_numbers_read_the_same_in_either_convention(written: str, value: float) -> None:
    assert parse_number(written, None) == pytest.approx(value)


def test_scale_words_multiply_in_both_languages() -> None:
    assert list(iter_anchors("15 thousand")) == list(iter_anchors("15,000")) == ["15000"]
    assert list(iter_anchors("700 millones")) == ["7e+08"]
    spanish = "1.200 millones o 1,2 mil millones"
    assert list(iter_anchors("$1.2bn")) == list(iter_anchors(spanish))[:1] == ["1.2e+09"]
    assert list(iter_anchors(spanish))[1:] == ["1.2e+09"]
    # capitalised words fold; lower-case words are no anchors
    assert list(iter_anchors("Borísov met the Borisov family")) == ["borisov", "borisov"]


def test_a_repost_with_a_new_headline_and_a_paragraph_is_a_copy() -> None:
    assert estimate_jaccard(make_minhash(STORY), make_minhash(REPOST)) >= 0.5
    found = compare(sign("b", REPOST), sign("a", STORY))
    assert found is not None and found[0] == "copy"


def test_a_rewrite_of_the_same_facts_is_no_copy() -> None:
    assert estimate_jaccard(make_minhash(STORY), make_minhash(REWRITE)) < 0.2
    assert compare(sign("b", REWRITE), sign("a", STORY)) is None


def test_a_translation_keeps_its_figures_and_names_in_order() -> None:
    found = compare(sign("b", TRADUCCION, "es"), sign("a", STORY))
    assert found is not None and found[0] == "translation"


def test_an_independent_report_in_another_language_is_no_translation() -> None:
    assert compare(sign("b", RESUMEN, "es"), sign("a", STORY)) is None
    # the same language is never a translation, however alike the facts
    assert compare(sign("b", TRADUCCION, "en"), sign("a", STORY)) is None


def test_translations_need_agreeing_facts_when_both_have_them() -> None:
    a = Signature(minhash=(1,), anchors=tuple("abcdefghij"), facts=frozenset({"NOR", "ISL"}))
    b = Signature(minhash=(2,), anchors=tuple("abcdefghij"), facts=frozenset({"CHN", "PER"}))
    spanish = Signature(minhash=b.minhash, anchors=b.anchors, facts=b.facts, language="es")
    english = Signature(minhash=a.minhash, anchors=a.anchors, facts=a.facts, language="en")
    assert compare(spanish, english) is None
    same_facts = Signature(minhash=(2,), anchors=a.anchors, facts=a.facts, language="es")
    assert compare(same_facts, english) == ("translation", 1.0)


def test_find_original_takes_the_best_match_and_ties_go_to_the_lowest_id() -> None:
    story, repost = sign("a", STORY), sign("x", REPOST)
    stored = [("z", story), ("b", sign("b", REWRITE)), ("a", story)]
    found = find_original(repost, stored)
    assert found is not None and (found.original, found.kind) == ("a", "copy")
    assert find_original(repost, [("b", sign("b", REWRITE))]) is None


def test_signature_round_trips_through_json() -> None:
    signature = sign("a", STORY)
    assert Signature.from_json(signature.to_json()) == signature
    assert len(signature.minhash) == 64


def test_bands_are_equal_for_equal_minima_and_differ_by_band() -> None:
    minhash = make_minhash(STORY)
    assert make_bands(minhash) == make_bands(tuple(minhash))
    assert len(set(make_bands(minhash))) == BANDS
    assert make_bands(()) == ()
    # the same minima in two bands give two keys: a key names its band
    same = tuple(7 for _ in minhash)
    assert len(set(make_bands(same))) == BANDS


def test_more_than_half_equal_minima_always_share_a_band() -> None:
    base = make_minhash(STORY)
    # 33 equal minima spread as evenly as possible: one band must hold two of them
    changed = [v if k % 2 == 0 or k == 1 else v + 1 for k, v in enumerate(base)]
    assert sum(a == b for a, b in zip(base, changed, strict=True)) == 33
    assert set(make_bands(base)) & set(make_bands(changed))
    unrelated = make_minhash(REWRITE)
    assert not set(make_bands(base)) & set(make_bands(unrelated))


def test_signature_json_carries_its_bands() -> None:
    signature = make_signature(Article(id="s", text=STORY, language="en"))
    data = json.loads(signature.to_json())
    assert data["bands"] == list(signature.bands) == list(make_bands(signature.minhash))
    assert Signature.from_json(signature.to_json()) == signature


@pytest.mark.parametrize("folder", [Path(__file__).parents[2] / "examples" / "corpus"])
def test_every_copy_in_the_sample_corpus_shares_a_band(folder: Path) -> None:
    """The band index finds what the window scan found: each pair of the sample corpus
    that compare() calls a copy shares a band key (translations are looked up by language)."""
    signatures = [
        make_signature(read_text_article(p.read_text(encoding="utf-8"), str(p)))
        for p in sorted(folder.glob("*.txt"))
    ]
    copies = 0
    for i, new in enumerate(signatures):
        for old in signatures[:i]:
            found = compare(new, old)
            if found is not None and found[0] == "copy":
                copies += 1
                assert set(new.bands) & set(old.bands)
    assert copies >= 1
