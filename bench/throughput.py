"""Throughput of the full pipeline against spaCy parsing alone, side by side in one run.

    python bench/throughput.py examples/corpus --workers 1 --workers 2 --repeat 8

Each measurement runs in a fresh subprocess (so peak memory is its own): `spacy` parses the
texts with the same spaCy models and nothing else; `pipeline` runs ingest -> nlp -> resolve
-> code -> link -> store into a new SQLite file. The corpus is repeated `--repeat` times
under new article ids so that every copy is really processed. Model loading is excluded
from the timed part in both (it is reported apart). Prints a table and writes JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any


def load_corpus(paths: list[str], repeat: int) -> list[Any]:
    from bilat.ingest import iter_articles
    from bilat.models import Article

    base = [a for a in iter_articles(paths) if isinstance(a, Article)]
    return [a.model_copy(update={"id": f"{a.id}#{k}"}) for k in range(repeat) for a in base]


def parse_only(text_and_lang: tuple[str, str]) -> int:
    from bilat.config import NLPSettings
    from bilat.nlp import choose_model, load_model

    settings = NLPSettings()
    text, lang = text_and_lang
    nlp = load_model(choose_model(lang, settings.models, settings.default_language))
    return len(nlp(text))


def warm_models() -> float:
    from bilat.config import NLPSettings
    from bilat.nlp import choose_model, load_model

    settings = NLPSettings()
    start = time.perf_counter()
    for lang in settings.models:
        load_model(choose_model(lang, settings.models, settings.default_language))
    return time.perf_counter() - start


def measure(phase: str, paths: list[str], repeat: int, workers: int) -> dict[str, Any]:
    """One measurement, in this process (called in a child process by the driver)."""
    from bilat.runners import iter_mapped

    articles = load_corpus(paths, repeat)
    words = sum(len(a.text.split()) for a in articles)
    load_s = warm_models()
    if phase == "pipeline":
        from bilat.config import Settings
        from bilat.pipeline import run, stages_for
        from bilat.resolve.actors import load_actors
        from bilat.resolve.geo import Geocoder
        from bilat.store import Store

        # one-time loads (gazetteer, coder, dated roles, places) stay outside the timing,
        # like the models
        stages_for(Settings())
        Geocoder.load()
        load_actors()
        with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
            start = time.perf_counter()
            report = run(articles, store, workers=workers)
            elapsed = time.perf_counter() - start
        extra = {"mentions": report.mentions, "failures": len(report.failures)}
    else:
        items = [(a.text, a.language or "en") for a in articles]
        start = time.perf_counter()
        tokens = sum(iter_mapped(parse_only, items, workers=workers))
        elapsed = time.perf_counter() - start
        extra = {"tokens": tokens}
    peak_kb = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    return {
        "phase": phase,
        "workers": workers,
        "articles": len(articles),
        "words": words,
        "seconds": round(elapsed, 3),
        "articles_per_s": round(len(articles) / elapsed, 2),
        "words_per_s": round(words / elapsed),
        "model_load_s": round(load_s, 2),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        **extra,
    }


def drive(args: argparse.Namespace) -> list[dict[str, Any]]:
    results = []
    for workers in args.workers or [1]:
        for phase in ("spacy", "pipeline"):
            cmd = [
                sys.executable, __file__, *args.paths, "--repeat", str(args.repeat),
                "--child", phase, "--workers", str(workers),
            ]  # fmt: skip
            done = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                sys.exit(f"bench: {phase} with {workers} workers failed:\n{done.stderr}")
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return results


def print_table(results: list[dict[str, Any]]) -> None:
    head = f"{'phase':9} {'workers':>7} {'articles':>8} {'art/s':>7} {'words/s':>8} {'peak MB*':>8}"
    print(head)
    for r in results:
        print(
            f"{r['phase']:9} {r['workers']:>7} {r['articles']:>8} {r['articles_per_s']:>7} "
            f"{r['words_per_s']:>8} {r['peak_rss_mb']:>8}"
        )
    print("* peak resident memory of the largest single process (the parent or one worker)")
    for workers in sorted({r["workers"] for r in results}):
        pair = {r["phase"]: r for r in results if r["workers"] == workers}
        if len(pair) == 2:
            ratio = pair["pipeline"]["words_per_s"] / pair["spacy"]["words_per_s"]
            print(f"workers={workers}: pipeline runs at {ratio:.2f}x the speed of spaCy alone")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--workers", type=int, action="append")
    parser.add_argument("--repeat", type=int, default=8)
    parser.add_argument("--child", choices=("spacy", "pipeline"))
    parser.add_argument("--json", type=Path, help="Also write the results here.")
    args = parser.parse_args()
    if args.child:
        os.environ.setdefault("PYTHONWARNINGS", "ignore")
        print(json.dumps(measure(args.child, args.paths, args.repeat, args.workers[0])))
        return
    results = drive(args)
    print(f"corpus: {', '.join(args.paths)} x{args.repeat}; cores: {os.cpu_count()}")
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
