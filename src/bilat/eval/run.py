"""`bilat eval`: ingest articles into a temporary store, export mentions, score against gold."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.config import Settings
from bilat.errors import EvalError
from bilat.eval.linking import LinkScores, score_links
from bilat.eval.loaders import iter_jsonl
from bilat.eval.metrics import Tally, score
from bilat.eval.projects import ProjectScores, find_project_gold, load_project_gold, score_projects
from bilat.models import Article, Failure
from bilat.pipeline import Progress, ingest, no_progress
from bilat.store import Store
from bilat.store.export import iter_mention_records


@dataclass
class EvalResult:
    summary: dict[str, Any]
    tally: Tally
    mentions: list[dict[str, Any]]
    articles: dict[str, dict[str, Any]]
    gold: dict[str, dict[str, Any]]
    failures: list[Failure]
    links: LinkScores | None = None  # cross-article pairs (eval/linking.py)
    projects: ProjectScores | None = None  # project timelines (eval/projects.py)


def load_gold(path: Path) -> dict[str, dict[str, Any]]:
    """Gold in the seeds' format: {id, events: [...], entities, same_event_as}."""
    gold: dict[str, dict[str, Any]] = {}
    for n, record in iter_jsonl(path):
        if "id" not in record or not isinstance(record.get("events"), list):
            raise EvalError(f"{path}:{n}: a gold record needs `id` and an `events` list")
        for k, event in enumerate(record["events"]):
            if "type" not in event or not (event.get("evidence_span") or event.get("evidence")):
                raise EvalError(
                    f"{path}:{n}: event {k} needs `type` and `evidence_span` or `evidence`"
                )
        gold[str(record["id"])] = record
    return gold


def load_articles(stored: Store, gold: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The article texts as bilat stored them (offsets are into these)."""
    articles: dict[str, dict[str, Any]] = {}
    for doc in gold:
        article: Article | None = stored.get_article(doc)
        if article is None:
            continue
        articles[doc] = {"id": doc, "text": article.text}
    return articles


def evaluate(
    articles_path: Path,
    gold_path: Path,
    settings: Settings | None = None,
    workers: int = 1,
    progress: Progress = no_progress,
    projects_gold: Path | None = None,
) -> EvalResult:
    """Ingest `articles_path` (any source bilat reads) into a temporary store and score it;
    project timelines too when a project gold is given or lies beside the articles."""
    gold = load_gold(gold_path)
    projects_gold = projects_gold or find_project_gold(articles_path)
    project_gold = load_project_gold(projects_gold) if projects_gold else None
    with (
        tempfile.TemporaryDirectory(prefix="bilat-eval-") as tmp,
        Store.open(Path(tmp) / "eval.db") as stored,
    ):
        report = ingest([articles_path], stored, settings, workers=workers, progress=progress)
        articles = load_articles(stored, gold)
        missing = sorted(set(gold) - set(articles))
        if missing and not articles:
            raise EvalError(
                f"none of the gold ids ({', '.join(missing[:3])}...) is among the articles of "
                f"{articles_path}: are the files a matching pair?"
            )
        for doc in missing:  # unread articles score as all-missed, never as skipped
            articles[doc] = {"id": doc, "text": ""}
        mentions = list(iter_mention_records(stored))
        stored_projects = list(stored.iter_projects())
    summary, tally = score(articles, gold, mentions)
    summary["articles_missing"] = len(missing)
    links = score_links(articles, gold, mentions)
    summary.update(links.summary())
    projects = None
    if project_gold is not None:
        projects = score_projects(project_gold, stored_projects)
        summary.update(projects.summary())
    return EvalResult(summary, tally, mentions, articles, gold, report.failures, links, projects)
