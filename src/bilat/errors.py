"""One exception tree for bilat; every message names the value and says how to fix it.

    BilatError
    ├── ConfigError            a setting is missing or has a wrong value
    ├── IngestError            one input item could not be read (becomes a Failure)
    │   ├── UnsupportedInput   binary data, unknown format, empty file
    │   ├── InputTooLarge      over the configured size limit
    │   └── FetchError         a URL could not be fetched
    ├── NLPError               a language model is missing or failed on a text
    │   └── ModelNotInstalled  the spaCy model package is not installed
    ├── CodingError            the event coder failed on one article
    ├── StoreError             the database could not be opened, migrated or written
    │   └── SchemaTooNew       the database was written by a newer bilat
    └── EvalError              gold or article files do not match the expected format

Errors raised for one item are caught by the pipeline, recorded in the `failures` table and
the run goes on; errors that make the whole run impossible (ConfigError, StoreError,
ModelNotInstalled) stop it with a one-line message.
"""

from __future__ import annotations


class BilatError(Exception):
    """Base of all bilat errors."""


class ConfigError(BilatError):
    pass


class IngestError(BilatError):
    pass


class UnsupportedInput(IngestError):
    pass


class InputTooLarge(IngestError):
    pass


class FetchError(IngestError):
    pass


class NLPError(BilatError):
    pass


class ModelNotInstalled(NLPError):
    pass


class CodingError(BilatError):
    pass


class StoreError(BilatError):
    pass


class SchemaTooNew(StoreError):
    pass


class EvalError(BilatError):
    pass
