"""Articles and mentions built by hand for the store tests (sentences written for them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bilat.models import ActorRef, Article, Figure, Mention, Place, Span

LIMA = Article(
    id="a-lima",
    title="Chile and Peru sign fishing accord",
    text=(
        "Chile and Peru sign fishing accord\n"
        "Chile and Peru signed a fishing accord in Lima on Tuesday. "
        "Peru will lend Chile two research vessels worth 12 million dollars. "
        "Chilean officials consulted their Peruvian counterparts earlier this year."
    ),
    outlet="Andes Post",
    published=dt.date(2025, 9, 20),
    language="en",
    url="https://andes-post.example/fishing",
)
QUITO = Article(
    id="b-quito",
    title="Acuerdo cafetero",
    text="Ecuador y Colombia firmaron un acuerdo de comercio de café en Quito.",
    outlet="Quito Ledger",
    published=dt.date(2025, 8, 2),
    language="es",
)
DAKAR = Article(
    id="c-dakar",
    text="Senegal gave Mali 40 tonnes of rice. Mali thanked Senegal for the gift.",
    outlet="Sahel Wire",
    published=dt.date(2025, 10, 5),
    language="en",
)
ARTICLES = (LIMA, QUITO, DAKAR)

MentionMaker = Callable[..., Mention]


def make_mention(
    article: Article,
    sentence: str,
    event: str,
    actor: str,
    recipient: str,
    *,
    date: str | None = None,
    coder: str = "rules.v1",
    figures: tuple[Figure, ...] = (),
    n: int = 0,
) -> Mention:
    """A mention whose evidence is `sentence`, found in the article text."""
    start = article.text.index(sentence)
    end = start + len(sentence)
    return Mention(
        id=Mention.make_id(article.id, start, end, event, coder, n),
        doc_id=article.id,
        event=event,
        actor=[ActorRef(text=actor, country=actor, sector="GOV", actor_id=f"state:{actor}")],
        recipient=[ActorRef(text=recipient, country=recipient)],
        date=date,
        event_loc=Place(text="Lima", country="PER") if article is LIMA else None,
        figures=list(figures),
        event_text=sentence,
        text_info=Span(start=start, end=end),
        trigger=Span(start=start, end=start + 1),
        confidence=0.8,
        coder=coder,
        cameo="057" if event == "AGREE" else None,
        goldstein=8.0 if event == "AGREE" else None,
        quad_code=1 if event == "AGREE" else None,
    )


def corpus_mentions() -> dict[str, list[Mention]]:
    """Mentions per article id: dates full, partial (month, year) and missing."""
    vessels = Figure(value=12_000_000, unit="USD", text="12 million dollars", kind="money")
    return {
        LIMA.id: [
            make_mention(
                LIMA,
                "Chile and Peru signed a fishing accord in Lima on Tuesday.",
                "AGREE",
                "CHL",
                "PER",
                date="2025-09-16",
            ),
            make_mention(
                LIMA,
                "Peru will lend Chile two research vessels worth 12 million dollars.",
                "AID",
                "PER",
                "CHL",
                date="2025-09",
                figures=(vessels,),
            ),
            make_mention(
                LIMA,
                "Chilean officials consulted their Peruvian counterparts earlier this year.",
                "CONSULT",
                "CHL",
                "PER",
                date="2025",
            ),
        ],
        QUITO.id: [
            make_mention(QUITO, QUITO.text, "AGREE", "ECU", "COL", date="2025-08-01"),
        ],
        DAKAR.id: [
            make_mention(DAKAR, "Senegal gave Mali 40 tonnes of rice.", "AID", "SEN", "MLI"),
            make_mention(DAKAR, "Mali thanked Senegal for the gift.", "CONSULT", "MLI", "SEN"),
        ],
    }
