"""Fixtures shared by the resolver tests: one parser and one resolver per module."""

import pytest

from bilat.nlp import Parser
from bilat.resolve import Resolver


@pytest.fixture(scope="module")
def parser() -> Parser:
    return Parser()


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver()
