"""JSON Lines input: one article object a line, in the evaluation format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from bilat.errors import IngestError, UnsupportedInput
from bilat.ingest.identity import build_article, parse_published
from bilat.models import Article, Failure

# Keys bilat reads; anything else on a line (e.g. `file`) is ignored.
STRING_FIELDS = ("url", "outlet", "title", "language")


def iter_jsonl_articles(text: str, source: str) -> Iterator[Article | Failure]:
    """One Article per good line, one Failure ("file.jsonl:LINE") per bad one."""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        item = f"{source}:{number}"
        try:
            yield read_jsonl_record(line, item)
        except IngestError as exc:
            yield Failure(stage="ingest", item=item, reason=str(exc))


def read_jsonl_record(line: str, item: str) -> Article:
    """The Article on one line; UnsupportedInput names what is wrong with it."""
    try:
        record: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnsupportedInput(
            f"not JSON ({exc.msg} at column {exc.colno}); write one JSON object per line"
        ) from None
    if not isinstance(record, dict):
        raise UnsupportedInput(
            f"a JSON {_describe_type(record)}, not an object; write one JSON object per line"
        )
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise UnsupportedInput('no non-empty "text" field; give the article text under "text"')
    fields = {name: _read_string(record, name) for name in STRING_FIELDS}
    return build_article(
        text,
        source=item,
        article_id=_read_id(record),
        url=fields["url"],
        outlet=fields["outlet"],
        title=fields["title"],
        published=parse_published(record.get("published")),
        language=fields["language"],
    )


def _read_id(record: dict[str, Any]) -> str | None:
    value = record.get("id")
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise UnsupportedInput(
            f'"id" is a JSON {_describe_type(value)}; give a string or a number, or leave it out'
        )
    return str(value)


def _read_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise UnsupportedInput(f'"{name}" is a JSON {_describe_type(value)}; give a string or null')


def _describe_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number"}
    if value is None:
        return "null"
    return names.get(type(value), "number" if isinstance(value, float) else type(value).__name__)
