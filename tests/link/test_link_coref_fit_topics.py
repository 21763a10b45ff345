"""Which ECB+ topics bench/ecbplus.py fits on: nested train shares, train+dev, dev refused."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from ecbplus_bench import load_bench

TOPICS = ["1", "3", "4", "6", "7", "8", "9", "10", "11", "13", "14"]


def test_quarters_are_nested_and_grow() -> None:
    bench = load_bench()
    for rotation in range(4):
        shares = [set(bench.select_quarters(TOPICS, q, rotation)) for q in range(1, 5)]
        assert all(small < large for small, large in itertools.pairwise(shares))
        assert shares[-1] == set(TOPICS)
    # 11 topics, numbered 0..10 in numeric order: n mod 4 < 2 keeps n = 0, 1, 4, 5, 8, 9
    assert bench.select_quarters(TOPICS, 2) == ["1", "3", "7", "8", "11", "13"]
    # rotation 1: (n + 1) mod 4 < 1 keeps n = 3, 7
    assert bench.select_quarters(TOPICS, 1, rotation=1) == ["6", "10"]


def test_quarters_follow_numeric_order_not_the_input_order() -> None:
    bench = load_bench()
    shuffled = ["10", "1", "9", "3"]
    assert bench.select_quarters(shuffled, 1) == ["1"]
    assert bench.select_quarters(shuffled, 3) == ["1", "3", "9"]


def test_each_rotation_leaves_out_different_topics() -> None:
    bench = load_bench()
    left_out = [set(TOPICS) - set(bench.select_quarters(TOPICS, 3, r)) for r in range(4)]
    assert set().union(*left_out) == set(TOPICS)  # every topic is left out by one rotation
    assert sum(len(s) for s in left_out) == len(TOPICS)  # and by one only


@pytest.mark.parametrize(("quarters", "rotation"), [(0, 0), (5, 0), (2, 4), (2, -1)])
def test_quarters_outside_their_range_are_refused(quarters: int, rotation: int) -> None:
    bench = load_bench()
    with pytest.raises(ValueError, match="quarters must be 1-4"):
        bench.select_quarters(TOPICS, quarters, rotation)


def test_dev_cannot_be_scored_with_dev_in_its_fit(capsys: pytest.CaptureFixture[str]) -> None:
    bench = load_bench()
    bench.check_fit("test", "train+dev")
    bench.check_fit("dev", "train")
    bench.check_fit("test", "train")
    with pytest.raises(ValueError, match="dev cannot be in its own fit"):
        bench.check_fit("dev", "train+dev")
    # the command line stops before any fitting, with one line and a non-zero status
    with pytest.raises(SystemExit) as stopped:
        bench.main(["--split", "dev", "--fit-topics", "train+dev"])
    message = str(stopped.value.code)
    assert message.startswith("ecbplus.py: --fit-topics train+dev") and "\n" not in message
    assert capsys.readouterr().out == ""


@pytest.mark.shared
def test_fit_topics_name_train_and_dev_topics(shared: Path) -> None:
    bench = load_bench()
    train, dev = bench.read_topics("train"), bench.read_topics("dev")
    assert not set(train) & set(dev) and not set(train + dev) & set(bench.read_topics("test"))
    assert bench.choose_fit_topics("train") == {"train": frozenset(train)}
    both = bench.choose_fit_topics("train+dev")
    assert both == {"train": frozenset(train), "dev": frozenset(dev)}
    half = bench.choose_fit_topics("train+dev", quarters=2)
    assert half["train"] == frozenset(bench.select_quarters(train, 2)) < frozenset(train)
    assert half["dev"] == frozenset(dev)  # the share applies to train's topics only
    with pytest.raises(ValueError, match="unknown fit topics"):
        bench.choose_fit_topics("dev")


@pytest.mark.slow
@pytest.mark.shared
def test_fit_mentions_and_rates_come_from_the_fit_topics_only(shared: Path) -> None:
    # Reads the parsed train and dev documents (minutes on a fresh checkout, seconds cached).
    bench = load_bench()
    half = {"train": frozenset(bench.select_quarters(bench.read_topics("train"), 2))}
    mentions, gold = bench.read_fit(half)
    assert mentions and {m.topic for m in mentions} == half["train"]
    assert all(m.id in gold for m in mentions)
    full, _ = bench.read_fit({"train": None})
    both, both_gold = bench.read_fit(bench.choose_fit_topics("train+dev"))
    dev = list(bench.iter_records("dev"))
    assert len(mentions) < len(full) and len(both) == len(full) + len(dev)
    assert all(m.id in both_gold for m in dev)
    sentences = sum(1 for _ in bench.iter_lemma_sentences("train", half["train"]))
    assert 0 < sentences < sum(1 for _ in bench.iter_lemma_sentences("train"))
    # trigger rates learned on more topics know more lemmas
    assert len(bench.learn_rates(0.2, half).rates) < len(bench.learn_rates(0.2).rates)
