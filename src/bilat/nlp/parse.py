"""Parse articles with spaCy into plain ParsedDoc records (no spaCy object leaves here)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from bilat.config import NLPSettings
from bilat.errors import NLPError
from bilat.models import Article, EntitySpan, Failure, ParsedDoc, Sentence, Token
from bilat.nlp.models import choose_model, describe_model, load_model

# Spanish verbs whose infinitive really ends in "-eír"; for any other, the Spanish model's
# rules made a "-eír" lemma out of an "-er" verb it has no entry for ("arremetió" gave
# "arremeteír").
_TRUE_EIR = frozenset({"reír", "sonreír", "freír", "desleír", "engreír", "refreír"})


# English verbs in "-e" that the model reads as a shorter verb ("hopes" -> "hop", "staged"
# -> "stag"); "hops", "hopped" are that shorter verb indeed.
_CUT_E = frozenset({"hop", "stag", "rap"})


def repair_lemma(lemma: str, language: str, text: str = "") -> str:
    """The lemma, with the Spanish model's "-eír" for "-er" verbs and the English model's
    "hop" for "hopes" set right."""
    if language.startswith("es") and lemma.endswith("eír") and lemma not in _TRUE_EIR:
        return lemma[: -len("eír")] + "er"
    cut = language.startswith("en") and lemma in _CUT_E
    if cut and text.lower() in {lemma + "es", lemma + "ed", lemma + "ing"}:
        return lemma + "e"
    return lemma


def convert_doc(article_id: str, language: str, model: str, doc: Any, offset: int = 0) -> ParsedDoc:
    """Turn a spaCy Doc into a ParsedDoc; `offset` shifts character offsets (text pieces)."""
    tokens = tuple(
        Token(
            i=t.i,
            start=t.idx + offset,
            end=t.idx + len(t.text) + offset,
            text=t.text,
            lemma=repair_lemma(t.lemma_, language, t.text),
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
            morph=str(t.morph),
        )
        for t in doc
    )
    sentences = tuple(_convert_sentence(s, offset) for s in doc.sents if s.text.strip())
    entities = tuple(
        EntitySpan(
            start=e.start_char + offset,
            end=e.end_char + offset,
            text=e.text,
            label=e.label_,
            token_start=e.start,
            token_end=e.end,
        )
        for e in doc.ents
    )
    return ParsedDoc(article_id, language, model, tokens, sentences, entities)


LEADING_JUNK = " \t\n\r\u00a0—–-·•|"


def _convert_sentence(span: Any, offset: int) -> Sentence:
    # Evidence is the sentence itself: leading and trailing whitespace (and the newline
    # tokens spaCy keeps inside a sentence) are left out of its character span.
    # A dateline dash ("HAVANA — President ...") is left out too when spaCy splits there.
    raw = span.text
    lead = len(raw) - len(raw.lstrip(LEADING_JUNK))
    text = raw[lead:].rstrip()
    if not text:
        lead, text = len(raw) - len(raw.lstrip()), raw.strip()
    start = span.start_char + lead + offset
    return Sentence(start, start + len(text), text, span.start, span.end)


def join_docs(parts: list[ParsedDoc]) -> ParsedDoc:
    """Concatenate parses of consecutive text pieces, renumbering token indices."""
    if len(parts) == 1:
        return parts[0]
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[EntitySpan] = []
    for part in parts:
        base = len(tokens)
        tokens.extend(
            Token(
                t.i + base,
                t.start,
                t.end,
                t.text,
                t.lemma,
                t.pos,
                t.tag,
                t.dep,
                t.head + base,
                t.ent_type,
                t.morph,
            )
            for t in part.tokens
        )
        sentences.extend(
            Sentence(s.start, s.end, s.text, s.token_start + base, s.token_end + base)
            for s in part.sentences
        )
        entities.extend(
            EntitySpan(e.start, e.end, e.text, e.label, e.token_start + base, e.token_end + base)
            for e in part.entities
        )
    first = parts[0]
    return ParsedDoc(
        first.article_id,
        first.language,
        first.model,
        tuple(tokens),
        tuple(sentences),
        tuple(entities),
    )


def split_text(text: str, max_chars: int) -> list[tuple[int, str]]:
    """Cut a long text at paragraph (or line) breaks into pieces of at most max_chars."""
    if len(text) <= max_chars:
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(start + max_chars, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + 1, end)
            end = cut + 1 if cut > start else end
        pieces.append((start, text[start:end]))
        start = end
    return pieces


class Parser:
    """Parses articles, choosing the model by the article's language."""

    def __init__(self, settings: NLPSettings | None = None) -> None:
        self.settings = settings or NLPSettings()

    def model_for(self, language: str | None) -> str:
        lang = (language or self.settings.default_language).lower()
        return choose_model(lang, self.settings.models, self.settings.default_language)

    def parse(self, article: Article) -> ParsedDoc:
        package = self.model_for(article.language)
        nlp = load_model(package)
        name = describe_model(nlp)
        language = article.language or self.settings.default_language
        try:
            parts = [
                convert_doc(article.id, language, name, nlp(piece), offset)
                for offset, piece in split_text(article.text, self.settings.max_chars)
            ]
        except Exception as exc:  # spaCy raises plain ValueErrors on odd input
            raise NLPError(f"article {article.id}: spaCy failed ({exc})") from exc
        return join_docs(parts)

    def iter_parse(
        self,
        articles: Iterable[Article],
        progress: Callable[[str], None] = lambda item: None,
    ) -> Iterator[ParsedDoc | Failure]:
        """Parse many articles; a failure on one is yielded as a Failure and the rest go on."""
        for article in articles:
            try:
                yield self.parse(article)
            except NLPError as exc:
                yield Failure(stage="nlp", item=article.id, reason=str(exc))
            progress(article.id)
