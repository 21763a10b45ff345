"""Whether bilat's mentions pass a PETRARCH unit-test record, by the suite's documented mapping.

The expected event codes are not CAMEO but codes of the suite's own verb dictionary
(`bilat.eval.petr_dicts.load_petr_verbs`), so a record is judged by this mapping:

* event: a mention stands for an expected code when one word of its trigger is a form of
  a verb whose dictionary block (header, pattern lines, the verb line's own code) carries
  that code; a paired code "032:033" means source->target 032 and target->source 033 (as
  PETRARCH codes it), so one mention A->B on ARRIVE stands for both. bilat codes with the
  suite's dictionary (suite.code_petr_unit), but which of the verb's patterns applied is
  not checked (a mention carries a CAMEO code, not the dictionary's), so SYNSET/PATTERN
  records test the verb and the dyad;
* actor: an expected code splits into 3-letter chunks (`split_petr_code`): the first is
  the "country" ("---": none) unless it is a prefix agent of the agents dictionary
  ("NGOARN" is ARN with NGO), the rest are sectors. A bilat side matches when its country
  equals that country and its sector is one of those sectors (no sector when none);
  a missing side is country None, sector None;
* a record passes when every (actor, recipient) pair of every mention matches one
  expected event and every expected event is matched; no mention for no expected event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from bilat.eval.loaders import CameoRecord
from bilat.eval.petr_dicts import PetrSide, VerbCodes, split_petr_code
from bilat.models import ActorRef, Mention


def trigger_words(m: Mention) -> list[str]:
    """The lower-case words of the mention's trigger (offsets are the article's)."""
    return m.trigger_text().lower().split()


def side_matches(ref: ActorRef | None, gold: PetrSide) -> bool:
    """bilat's country + sector against a split PETRARCH code (the actor rule above)."""
    country = ref.country if ref else None
    sector = ref.sector if ref else None
    if (country or None) != gold.country:
        return False
    return sector in gold.sectors if gold.sectors else sector is None


def petr_unit_passes(
    record: CameoRecord,
    mentions: Sequence[Mention],
    verbs: Mapping[str, VerbCodes],
    prefixes: frozenset[str] = frozenset(),
) -> bool:
    """Every expected event covered by a coded pair, and every coded pair covering one."""
    gold = [
        (split_petr_code(t.source, prefixes), split_petr_code(t.target, prefixes), t.code)
        for t in record.expected
    ]
    covered: set[int] = set()
    for m in mentions:
        codes = VerbCodes()
        for word in trigger_words(m):
            codes = codes | verbs.get(word, VerbCodes())
        actors: list[ActorRef | None] = list(m.actor) or [None]
        recipients: list[ActorRef | None] = list(m.recipient) or [None]
        for a in actors:
            for r in recipients:
                hits = {
                    i
                    for i, (src, tgt, code) in enumerate(gold)
                    if (code in codes.forward and side_matches(a, src) and side_matches(r, tgt))
                    or (code in codes.reverse and side_matches(a, tgt) and side_matches(r, src))
                }
                if not hits:
                    return False
                covered |= hits
    return len(covered) == len(gold)


def count_petr_unit(
    records: Sequence[CameoRecord],
    predicted: Mapping[str, Sequence[Mention]],
    verbs: Mapping[str, VerbCodes],
    prefixes: frozenset[str] = frozenset(),
) -> tuple[Counter[str], Counter[str]]:
    """(passed, total) records per category; a record with no prediction is silent."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for rec in records:
        total[rec.category] += 1
        passed[rec.category] += petr_unit_passes(rec, predicted.get(rec.id, ()), verbs, prefixes)
    return passed, total
