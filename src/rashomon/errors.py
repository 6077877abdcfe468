"""Errors. Every error the library raises derives from ``RashomonError`` and says what to do."""

from __future__ import annotations


class RashomonError(Exception):
    """Base class of every error raised by rashomon."""


class InputError(RashomonError):
    """An input path or record cannot be used (missing, unreadable, wrong shape)."""


class ManifestError(InputError):
    """A sidecar manifest cannot be read or has a bad row."""


class SettingsError(RashomonError):
    """A settings file or override is invalid."""


class ModelError(RashomonError):
    """A language model is missing or is not the pinned one."""


class DatasetError(RashomonError):
    """An evaluation data set is missing or not in the expected layout."""


class RecordError(RashomonError):
    """Stored or serialised data does not have the shape of the record it should be."""


class StoreError(RashomonError):
    """A corpus store (``rashomon.store``) is missing, locked, not a store, or cannot take
    what it was asked to store."""


class StoreVersionError(StoreError):
    """A corpus store was written with another schema version than this rashomon reads."""


class NoSuchStoryError(StoreError):
    """A story id that a corpus store does not hold (nor redirects from)."""
