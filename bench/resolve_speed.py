"""Alias resolution speed: name mentions resolved per second on one core.

    .venv/bin/python bench/resolve_speed.py [--shared ../shared] [--mentions 20000]

The package gazetteer is extended at bench time with every name of the Phoenix actor
dictionaries (MIT) under ../shared, so the index holds >= 50,000 aliases.
"""

from __future__ import annotations

import argparse
import random
import resource
import time
from pathlib import Path

from bilat.models import ActorKind
from bilat.resolve.gazetteer import Gazetteer, GazetteerEntry, build_default
from bilat.resolve.nameindex import NameIndex
from bilat.resolve.phoenix import read_entries
from bilat.resolve.registry import ActorRegistry


def build_big_gazetteer(shared: Path) -> Gazetteer:
    """The package gazetteer plus every Phoenix entry and alias."""
    gaz = build_default()
    for n, entry in enumerate(read_entries(shared)):
        dated = any(c.dated for c in entry.codes)
        code = entry.codes[0].code if entry.codes else ""
        kind: ActorKind = "person" if dated else "organization"
        for alias in (entry.name, *entry.aliases):
            gaz.add(
                GazetteerEntry(f"phx:{n}", entry.name, kind, code[:3] or None, None, alias, "en")
            )
            words = alias.split()
            if kind == "person" and len(words) >= 2:  # the index form "Surname, Given"
                inverted = f"{words[-1]}, {' '.join(words[:-1])}"
                gaz.add(
                    GazetteerEntry(
                        f"phx:{n}", entry.name, kind, code[:3] or None, None, inverted, "en"
                    )
                )
    return gaz


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument("--mentions", type=int, default=20000)
    args = parser.parse_args()
    t0 = time.perf_counter()
    index = NameIndex.from_gazetteer(build_big_gazetteer(args.shared))
    load_s = time.perf_counter() - t0
    names = [info.name for info in index.actors.values()]
    rng = random.Random(7)
    # Mentions as articles write them: known names, lower-cased, titled, and unknown ones.
    mentions = []
    for i in range(args.mentions):
        name = rng.choice(names)
        style = i % 4
        mentions.append(
            name
            if style == 0
            else name.lower()
            if style == 1
            else f"President {name}"
            if style == 2
            else f"{name} Foundation {i}"
        )
    registry = ActorRegistry(index)
    t1, c1 = time.perf_counter(), time.process_time()
    for m in mentions:
        registry.resolve(m)
    elapsed = time.perf_counter() - t1
    # CPU seconds of this process: the one-core figure, steady on a shared, busy machine.
    cpu = time.process_time() - c1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"gazetteer aliases: {len(index):,} ({len(index.actors):,} actors)")
    print(f"load + index time: {load_s:.2f} s")
    rate = len(mentions) / elapsed
    print(f"mentions: {len(mentions):,} in {elapsed:.2f} s = {rate:,.0f} mentions/s (wall)")
    print(f"one core (CPU time): {cpu:.2f} s = {len(mentions) / cpu:,.0f} mentions/s")
    print(f"peak memory (max RSS): {peak / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
