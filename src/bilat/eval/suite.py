"""`bilat eval-suite`: code every gold sentence in ../shared and score each set."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bilat.config import Settings
from bilat.errors import EvalError
from bilat.eval.calibration import Bin, bin_reliability, precision_above
from bilat.eval.loaders import (
    OWN_FILE,
    PETR2_FILE,
    PETR_UNIT_FILE,
    PLOVER_FILE,
    CameoRecord,
    PloverRecord,
    load_own,
    load_petr2,
    load_petr_unit,
    load_plover,
)
from bilat.eval.metrics import group_units
from bilat.eval.metrics import ratio as rate
from bilat.eval.own import own_article, score_own
from bilat.eval.petr_dicts import (
    PETR_AGENTS_FILE,
    PETR_CODE_EVENTS,
    PETR_DISCARDS_FILE,
    PETR_VERBS_FILE,
    VerbCodes,
    load_petr_verbs,
    load_petrarch_gazetteer,
    petr_prefix_agents,
)
from bilat.eval.petr_unit import count_petr_unit
from bilat.eval.run import EvalResult, evaluate
from bilat.eval.scores import GoldSentence, Score, score_sentences, top_mention
from bilat.events import get_coder
from bilat.models import Article, Failure, Mention
from bilat.pipeline import Progress, Stages, code_article, no_progress, stages_for
from bilat.resolve import Resolver

SETS = (
    "seeds",
    "plover-test",
    "plover-dev",
    "own-test",
    "own-dev",
    "petr2",
    "petr2-test",
    "petr2-dev",
    "petr-unit",
)
OWN_SETS = ("own-test", "own-dev")  # read from the repository, not from ../shared
SET_FILES = {
    "seeds": "seeds/gold.jsonl",
    "plover-test": f"eval-data/{PLOVER_FILE}",
    "plover-dev": f"eval-data/{PLOVER_FILE}",
    "petr2": f"eval-data/{PETR2_FILE}",
    "petr2-test": f"eval-data/{PETR2_FILE}",
    "petr2-dev": f"eval-data/{PETR2_FILE}",
    "petr-unit": f"eval-data/{PETR_UNIT_FILE}",
}
R = TypeVar("R")


@dataclass
class SuiteResult:
    scores: list[Score] = field(default_factory=list)
    confusion: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)
    reliability: dict[str, list[Bin]] = field(default_factory=dict)
    sets: list[str] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def value(self, set_name: str, measure: str) -> float | None:
        for s in self.scores:
            if s.set == set_name and s.measure == measure:
                return s.value
        return None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sets": self.sets,
            "seconds": round(self.seconds, 1),
            "scores": [asdict(s) for s in self.scores],
            "confusion": {
                name: [{"gold": g, "predicted": p, "n": n} for (g, p), n in sorted(c.items())]
                for name, c in self.confusion.items()
            },
            "reliability": {
                name: [{"bin": b.label, "count": b.count, "precision": b.precision} for b in bins]
                for name, bins in self.reliability.items()
            },
            "failures": [f.model_dump() for f in self.failures],
        }


def score_plover(
    name: str, records: Sequence[PloverRecord], predicted: Mapping[str, Sequence[Mention]]
) -> tuple[list[Score], Counter[tuple[str, str]], list[tuple[float, bool]]]:
    """(scores, confusion gold -> predicted, calibration pairs) for PLOVER records.

    PLOVER GSR, test half ("plover-test") and dev half ("plover-dev", for work only):
    event_type_accuracy, majority_baseline, directed_dyad_accuracy (state-to-state records:
    both gold sides name a country) and high_conf_precision, as scores.score_sentences
    defines them; every PLOVER record states an event.
    """
    gold = [
        GoldSentence(
            r.id,
            r.event,
            (r.countries("actor"), r.countries("recipient")) if r.state_to_state else None,
        )
        for r in records
    ]
    return score_sentences(name, gold, predicted)


def root_of(m: Mention) -> str | None:
    return m.cameo[:2] if m.cameo else None


def score_petr2(
    records: Sequence[CameoRecord],
    predicted: Mapping[str, Sequence[Mention]],
    name: str = "petr2",
) -> list[Score]:
    """PETR-2 GSR, whole ("petr2"), and the halves of the fixed split ("petr2-dev" for work,
    "petr2-test" reported), per record; "predicts no event" means bilat coded no mention:
    - no_event_precision = records with no mention that expect none / records with no mention.
    - no_event_recall = records with no mention that expect none / records that expect none.
    - root_code_accuracy: over records that expect events; right when the CAMEO root (first
      two digits) of the highest-confidence mention is the root of one expected event.
    """
    silent = quiet_right = expect_none = root_right = with_events = 0
    for rec in records:
        mentions = predicted.get(rec.id, ())
        expect_none += rec.expect_no_events
        if not mentions:
            silent += 1
            quiet_right += rec.expect_no_events
        if rec.expect_no_events:
            continue
        with_events += 1
        top = top_mention(mentions)
        root_right += top is not None and root_of(top) in {t.root for t in rec.expected}
    return [
        Score(name, "no_event_precision", rate(quiet_right, silent), silent),
        Score(name, "no_event_recall", rate(quiet_right, expect_none), expect_none),
        Score(name, "root_code_accuracy", rate(root_right, with_events), with_events),
    ]


def score_petr_unit(
    records: Sequence[CameoRecord],
    predicted: Mapping[str, Sequence[Mention]],
    verbs: Mapping[str, VerbCodes],
    prefixes: frozenset[str] = frozenset(),
) -> list[Score]:
    """PETRARCH unit tests ("petr-unit"): pass_rate overall and pass_rate:<CATEGORY>.

    Each record is coded with the fictional actors of PETR.Validate.actors.txt, each actor
    taking the code in force on the record's date (dated codes such as [HOBGOV 19950601 -
    19990815]), and with the suite's verb dictionary as the user's verb dictionary (`[events]
    verb_dictionaries`, without bilat's own tables, as PETRARCH codes; its codes take a PLOVER
    event by `petr_dicts.PETR_CODE_EVENTS`, for the mention only). The expected event codes
    are NOT CAMEO: they come from the suite's own verb dictionary (PETR.Validate.verbs.txt,
    mostly WEIS codes: RESTORE ... DIPLOMATIC = 064, CONDEMN = 122), so bilat's CAMEO code is
    never compared; `bilat.eval.petr_unit` documents the mapping that decides whether a
    record passes. Repeated record ids get "#2" (the loader), so each record keeps its own
    predictions.
    """
    passed, total = count_petr_unit(records, predicted, verbs, prefixes)
    scores = [
        Score("petr-unit", "pass_rate", rate(sum(passed.values()), len(records)), len(records))
    ]
    scores += [
        Score("petr-unit", f"pass_rate:{cat}", rate(passed[cat], total[cat]), total[cat])
        for cat in sorted(total)
    ]
    return scores


def code_petr_unit(
    settings: Settings,
    stages: Stages,
    shared_dir: Path,
    records: Sequence[CameoRecord],
    failures: list[Failure],
    progress: Progress,
) -> dict[str, list[Mention]]:
    """Code each record with the test actors in force on its own date (dated codes), the
    suite's verb dictionary (`[events] verb_dictionaries`, its codes by PETR_CODE_EVENTS)
    and its discard list (`[events] discard_phrases`)."""
    folder = shared_dir / "eval-data"
    discards = folder / PETR_DISCARDS_FILE
    events = settings.events.model_copy(
        update={
            "verb_dictionaries": [str(folder / PETR_VERBS_FILE)],
            "verb_code_events": PETR_CODE_EVENTS,
            "shipped_triggers": False,  # PETRARCH codes with its dictionary alone
            # and drops the stories and sentences its discard list names
            "discard_phrases": str(discards) if discards.is_file() else [],
        }
    )
    settings = settings.model_copy(update={"events": events})
    coder = get_coder(events.coder, events)
    by_day: dict[dt.date | None, list[CameoRecord]] = defaultdict(list)
    for rec in records:
        by_day[rec.published].append(rec)
    found: dict[str, list[Mention]] = {}
    for day, group in by_day.items():
        resolver = Resolver(load_petrarch_gazetteer(shared_dir, day, bilat_agents=False))
        fictional = Stages(stages.parser, resolver, coder)
        found |= code_records(settings, fictional, group, cameo_article, failures, progress)
    return found


def seed_pairs(result: EvalResult) -> list[tuple[float, bool]]:
    """(confidence, matched) per seed mention: right when its unit was matched to gold."""
    spurious = set(result.tally.spurious)
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in result.mentions:
        by_doc[str(m.get("doc_id"))].append(m)
    pairs: list[tuple[float, bool]] = []
    for doc, mentions in by_doc.items():
        for unit in group_units(mentions):
            ok = doc in result.gold and (doc, str(unit[0].get("id"))) not in spurious
            pairs.extend((float(m["confidence"]), ok) for m in unit)
    return pairs


def score_seeds(result: EvalResult) -> tuple[list[Score], list[tuple[float, bool]]]:
    """Seeds ("seeds"): precision, recall_main, recall_all, figures, dates from `evaluate`;
    high_conf_precision counts a mention right when its prediction unit was matched to gold."""
    s = result.summary
    n_gold = result.tally.all_total
    scores = [
        Score("seeds", "precision", s["precision"], s["predictions"]),
        Score("seeds", "recall_main", s["recall_main"], result.tally.main_total),
        Score("seeds", "recall_all", s["recall_all"], n_gold),
        Score("seeds", "figures", s["figures"], result.tally.fig_total),
        Score("seeds", "dates", s["dates"], result.tally.date_total),
    ]
    pairs = seed_pairs(result)
    high, n_high = precision_above(pairs)
    scores.append(Score("seeds", "high_conf_precision", high, n_high))
    return scores, pairs


def code_records(
    settings: Settings,
    stages: Stages,
    records: Iterable[R],
    article_of: Callable[[R], Article],
    failures: list[Failure],
    progress: Progress,
) -> dict[str, list[Mention]]:
    """Mentions per article id; a record that fails is recorded and scored as silent."""
    found: dict[str, list[Mention]] = {}
    for rec in records:
        article = article_of(rec)
        coded = code_article(settings, article, stages)
        if isinstance(coded, Failure):
            failures.append(coded)
            found[article.id] = []
        else:
            found[article.id] = coded.mentions
        progress("coded", article.id)
    return found


def available_sets(shared_dir: Path, sets: Sequence[str] | None = None) -> list[str]:
    """The requested sets (all by default) whose gold file is present."""
    chosen = list(sets or SETS)
    unknown = [s for s in chosen if s not in SETS]
    if unknown:
        raise EvalError(f"unknown gold set {unknown[0]!r}: choose from {', '.join(SETS)}")
    return [
        s for s in chosen if (OWN_FILE if s in OWN_SETS else shared_dir / SET_FILES[s]).is_file()
    ]


def run_suite(
    settings: Settings | None,
    shared_dir: Path,
    sets: Sequence[str] | None = None,
    progress: Progress = no_progress,
    workers: int = 1,
) -> SuiteResult:
    """Code and score every available gold set under `shared_dir` (../shared).

    Every record becomes one Article (publication date only where the set gives one) coded
    by `code_article`; the seeds go through `evaluate` (the seeds' matching rule).
    """
    settings = settings or Settings()
    if not shared_dir.is_dir() and not set(sets or SETS) <= set(OWN_SETS):
        raise EvalError(f"{shared_dir}: no such folder; pass --shared with the path of ../shared")
    started = time.perf_counter()
    result = SuiteResult(sets=available_sets(shared_dir, sets))
    stages = stages_for(settings)  # the cached stages `evaluate` uses too: one model load
    petr2: dict[str, list[Mention]] = {}  # coded once, scored whole and per half
    for name in result.sets:
        progress("set", name)
        if name == "seeds":
            seeds = shared_dir / "seeds"
            evaluated = evaluate(seeds / "articles.jsonl", seeds / "gold.jsonl", settings, workers)
            scores, pairs = score_seeds(evaluated)
            result.failures += evaluated.failures
            result.confusion[name] = evaluated.tally.confusion
            result.reliability[name] = bin_reliability(pairs)
        elif name.startswith("plover-"):
            records = load_plover(shared_dir, "test" if name == "plover-test" else "dev")
            predicted = code_records(
                settings, stages, records, plover_article, result.failures, progress
            )
            scores, confusion, pairs = score_plover(name, records, predicted)
            if name == "plover-test":
                result.confusion[name] = confusion
                result.reliability[name] = bin_reliability(pairs)
        elif name in OWN_SETS:
            own = load_own(half="test" if name == "own-test" else "dev")
            predicted = code_records(settings, stages, own, own_article, result.failures, progress)
            # confusion and reliability tables stay those of the public sets (the gate's shape)
            scores = score_own(name, own, predicted)[0]
        elif name.startswith("petr2"):
            cameo = load_petr2(shared_dir)
            if not petr2:
                petr2 = code_records(
                    settings, stages, cameo, cameo_article, result.failures, progress
                )
            half = name.removeprefix("petr2").removeprefix("-")
            scores = score_petr2([r for r in cameo if half in ("", r.half)], petr2, name)
        else:
            cameo = load_petr_unit(shared_dir)
            # same parser and coder, but actors from the test dictionaries only
            predicted = code_petr_unit(
                settings, stages, shared_dir, cameo, result.failures, progress
            )
            folder = shared_dir / "eval-data"
            verbs = load_petr_verbs(folder / PETR_VERBS_FILE)
            prefixes = petr_prefix_agents(folder / PETR_AGENTS_FILE)
            scores = score_petr_unit(cameo, predicted, verbs, prefixes)
        result.scores += scores
    result.seconds = time.perf_counter() - started
    return result


def plover_article(rec: PloverRecord) -> Article:
    # the GSR's dates are a placeholder (2000-01-01), so the article has none
    return Article(id=rec.id, text=rec.text, language="en")


def cameo_article(rec: CameoRecord) -> Article:
    return Article(id=rec.id, text=rec.text, published=rec.published, language="en")
