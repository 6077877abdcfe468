"""The typed records that flow through the pipeline.

One ``Article`` travels through every stage; stages add to it (sentences, mentions, times,
quantities, quotes, claims). Stories, findings, entities and quote groups are built from the
articles of one story. Every offset (``start``/``end``) is a character offset into
``Article.text``, the article's clean text.

All records are plain dataclasses so that they serialise to JSON with ``to_dict`` and come back
with ``from_dict``: ``from_dict(Article, to_dict(article)) == article`` for every record (raw
input, which ``to_dict`` leaves out, excepted). ``RECORDS_SCHEMA`` names the version of their
shape, for a store to tell stored records of another shape.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import functools
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, Union

from rashomon.errors import RecordError

# The version of the records' shape (their fields and types); raised whenever a field changes.
# 2: warnings became RunWarning records. 3: findings got ``unit``; ``cause`` became a code and
# ``statement`` is made by the report layer. (Article.provenance and Article.changed_from,
# added since, are not among the stored records: a store keeps articles as columns.) 4: findings got ``first_reported``,
# ``first_outlets`` and ``first_articles``, stories ``first_report`` and ``last_report``
# (issue 11, timelines); all have defaults, so a story stored under 3 reads back with them empty.
RECORDS_SCHEMA = 4
# The stored shapes this version still reads: each shape since the oldest only added fields
# with defaults, so their records come back with those fields at their defaults.
RECORDS_READABLE = frozenset({3, 4})

AttributionType = Literal[
    "state_media",
    "official",
    "named_person",
    "anonymous_source",
    "news_outlet",
    "document",
    "self",
]
FindingKind = Literal["corroborated", "conflict", "update", "unique"]


@dataclass
class Removed:
    """A span taken out of an article during cleaning; nothing is dropped silently.

    ``kind`` is one of: ``boilerplate`` (comment forms, "Read in Korean" links, share buttons),
    ``contact`` (e-mail/contact lines), ``outlet_profile`` (the outlet's description of itself),
    ``credit`` ("Translated by …", "Edited by …"), ``caption`` (photo captions), ``byline``,
    ``title`` (a headline line taken out of the body), ``html`` (non-article parts of a page).
    """

    kind: str
    text: str


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A named-entity mention. ``label`` is spaCy's (PERSON, ORG, GPE, LOC, NORP, FAC, …)."""

    text: str
    label: str
    start: int
    end: int
    sentence: int
    key: str | None = None  # canonical entity key, set by rashomon.resolve


@dataclass
class Measure:
    """What a value measures, read from the parse (``rashomon.analysis.measures``): the verb or
    noun it belongs to (lemma, and its character offset), who or what that is about, the place
    a distance is measured from or the whole a share is of, and whether the value is a
    converted amount ("€110 billion ($143 billion)")."""

    predicate: str | None = None
    predicate_start: int | None = None
    subject: str | None = None
    subject_start: int | None = None
    subject_end: int | None = None
    reference: str | None = None
    conversion: bool = False
    # The part of the event the value is about ("in the first half", "during a 15-2 run", "this
    # season", "his first 17 passes"): head words of such phrases, sorted.
    scope: list[str] = field(default_factory=list)
    # The head word of the predicate's object when it is not the value itself ("received a
    # bachelor's degree in 1979" → degree; "received the award in 2000" → award).
    object: str | None = None
    # Whether the subject is a proper name by its part of speech, even where the entity tagger
    # missed it ("Manning threw for 364 yards and three touchdowns,").
    subject_proper: bool = False


@dataclass
class TimeValue:
    """A date or time expression, normalised against the publication date where possible.

    ``earliest``/``latest`` bound the interval the expression denotes (ISO dates, inclusive);
    ``value`` is the normalised form at its own granularity ("2024-02-18", "2024-02", "2024",
    "2024-W08"). Expressions that cannot be resolved keep ``resolved=False`` and no value.
    """

    text: str
    start: int
    end: int
    sentence: int
    value: str | None = None
    granularity: str | None = None  # day | week | month | year | range | time
    earliest: str | None = None
    latest: str | None = None
    resolved: bool = False
    note: str | None = None  # how it was resolved ("weekday before publication", …)
    measure: Measure | None = None


@dataclass
class Quantity:
    """A number with its qualifier and what it counts (the head noun)."""

    text: str
    start: int
    end: int
    sentence: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None  # about | over | under | at least | at most | nearly | exact
    unit: str | None = None  # the counted noun or unit ("people", "km", "won")
    measure: Measure | None = None


@dataclass
class Attribution:
    """Who a claim or quote is attributed to: the cue phrase and the source it names."""

    type: AttributionType
    name: str | None
    phrase: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Slot:
    """One filled slot of a claim. ``name``: actor, action, object, recipient, time, place,
    quantity. ``value`` is the normalised value (ISO date, number, entity key) when known."""

    name: str
    text: str
    start: int
    end: int
    value: str | None = None


@dataclass
class Claim:
    id: str
    article: str
    sentence: int
    start: int
    end: int
    text: str
    slots: list[Slot] = field(default_factory=list)
    attribution: Attribution | None = None
    negated: bool = False
    hedged: bool = False  # "plans to", "is expected to", "reportedly", "believed to"

    def slot(self, name: str) -> list[Slot]:
        return [s for s in self.slots if s.name == name]


@dataclass
class Quote:
    id: str
    article: str
    text: str
    start: int
    end: int
    sentence: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    kind: str = "direct"  # direct | indirect | partial
    attribution: Attribution | None = None


@dataclass
class VersionChange:
    """What an article changed from its previous version (the same url, another text): the
    previous version's id, the sentences only the previous version has and those only this
    one has, each in text order. Set by a corpus store's report (``rashomon.store``)."""

    previous: str
    removed: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)


@dataclass
class Article:
    id: str
    path: str
    text: str = ""
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or date-time, as known
    url: str | None = None
    language: str | None = None
    byline: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeValue] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    copy_of: str | None = None
    # Where the article came from, beyond its path and url, for inputs read from the web:
    # a WARC record's warc_record_id, warc_target_uri and warc_date; a fetched page's
    # requested_url, final_url, fetched (UTC) and the server's http_date and last_modified;
    # a feed entry's feed and entry_id (rashomon.ingest); and published_from, the dateline a
    # date was read from when no metadata gave one (rashomon.clean). Empty for files without.
    provenance: dict[str, str] = field(default_factory=dict)
    # In a corpus store's report, for a newer version of a stored article: what changed.
    changed_from: VersionChange | None = None
    # Raw input before cleaning; dropped once the article is cleaned.
    raw: str | None = field(default=None, repr=False)
    raw_kind: str | None = field(default=None, repr=False)  # "text" | "html"
    # A digest of the input the article was read from (the file's bytes, or its JSON record):
    # articles with the same digest are duplicates (rashomon.ingest.drop_duplicates).
    raw_digest: str | None = field(default=None, repr=False, compare=False)

    @property
    def published_date(self) -> _dt.date | None:
        return parse_iso_date(self.published)

    @property
    def source_name(self) -> str:
        """The outlet when known, else the file name: what a reader sees as 'who says so'."""
        if self.outlet:
            return self.outlet
        return self.path.rsplit("/", 1)[-1]

    def sentence_of(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class Evidence:
    article: str
    outlet: str
    sentence: str
    start: int
    end: int
    value: str | None = None
    attribution: Attribution | None = None


@dataclass(frozen=True)
class Origin:
    """Where a claim ultimately comes from: a cited source, or the outlet's own reporting
    (type ``outlet``). ``type`` is an attribution type or ``outlet``. ``via``: the source that
    carried a person's or document's words to the outlet ("KCNA cited Kim Yo Jong as saying"),
    when the attribution names one."""

    name: str
    type: str
    via: Origin | None = None


@dataclass
class Finding:
    """One claim of a story: corroborated, unique, or corroborated with a detail that differs
    (conflict, update). Structured facts only: the sentence a reader sees is made from them by
    ``rashomon.report.wording`` (``statement`` is filled there, for the reports)."""

    kind: FindingKind
    slot: str | None
    statement: str = ""
    origins: list[Origin] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    # Code of a likely cause of a conflict (``rashomon.report.wording.CAUSES``: "month_slip",
    # "digits_swapped", …).
    cause: str | None = None
    score: float | None = None
    # Distinct outlets among the evidence, and independent origins behind it (two outlets
    # relaying KCNA, or printing one wire story, are one origin).
    outlets: int = 0
    independent_origins: int = 0
    id: str = ""  # "<story>.f<n>", set when the story is built
    # One label per independent origin ("North Korean state media: KCNA, Rodong Sinmun").
    origin_labels: list[str] = field(default_factory=list)
    # What a quantity conflict or update counts ("trawler", "km"); "duration" for a time
    # conflict between two lengths of time ("2 years" / "2 1/2 years").
    unit: str | None = None
    # Who reported the claim first: the earliest publication day (ISO date, "2024-02-18") among
    # the articles of its evidence, and the outlets and article ids of the evidence published
    # that day (several on a tie, each sorted). Compared by day: a date-time counts as its date.
    # An undated article cannot be first (when it was published is unknown): it is left out,
    # and with no dated article all three stay empty. Set when the story is built
    # (``rashomon.run.story``).
    first_reported: str | None = None
    first_outlets: list[str] = field(default_factory=list)
    first_articles: list[str] = field(default_factory=list)
    # For a conflict or an update: the pairs of evidence positions ([i, j], i < j) whose values
    # were compared and found to conflict (to have moved on, for an update). Two values in no
    # pair were not found to differ: "four months" against both "136 days" and "four and a
    # half months" puts those two in one finding, and they agree.
    differing: list[list[int]] = field(default_factory=list)


@dataclass
class Coverage:
    """What a story's claims rest on: ids of the findings (corroborated and unique) whose
    every origin is state media, an anonymous source, or one outlet (blind spots)."""

    claims: int = 0
    by_origin_type: dict[str, int] = field(default_factory=dict)  # claims resting on one type only
    only_state_media: list[str] = field(default_factory=list)
    only_anonymous: list[str] = field(default_factory=list)
    single_outlet: list[str] = field(default_factory=list)
    single_origin: list[str] = field(default_factory=list)


@dataclass
class Entity:
    id: str
    name: str
    type: str
    variants: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)
    note: str | None = None  # why variants are believed to be one entity
    # A person whom some report of the story names with an office (rashomon.resolve.offices):
    # what the person says is typed official in every report, titled or not.
    holds_office: bool = False


@dataclass
class QuoteVariant:
    article: str
    text: str
    start: int
    end: int


@dataclass
class QuoteGroup:
    speaker: str | None
    variants: list[QuoteVariant] = field(default_factory=list)
    score: float | None = None


@dataclass
class Story:
    id: str
    title: str
    articles: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    # The publication days (ISO dates) of the story's earliest and latest dated member; None
    # when no member is dated. Undated members are left out. Set when the story is built.
    first_report: str | None = None
    last_report: str | None = None


def parse_iso_date(value: str | None) -> _dt.date | None:
    """The date part of an ISO 8601 date or date-time string, or None."""
    if not value:
        return None
    try:
        return _dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def to_dict(record: Any) -> Any:
    """A JSON-ready dict of a record (fields in declaration order, raw input left out)."""
    cls = type(record)
    try:
        names = _WRITTEN[cls]
    except KeyError:
        names = _WRITTEN[cls] = _written_fields(cls)
    if names is not None:
        return {name: to_dict(getattr(record, name)) for name in names}
    if isinstance(record, list):
        return [to_dict(x) for x in record]
    if isinstance(record, dict):
        return {k: to_dict(v) for k, v in record.items()}
    return record


# The fields ``to_dict`` writes, by record class (None for what is no dataclass): looked up
# once per class, not per record (the JSON report of 300 ECB+ documents holds 350,000 values).
_WRITTEN: dict[type, tuple[str, ...] | None] = {}


def _written_fields(cls: type) -> tuple[str, ...] | None:
    if not dataclasses.is_dataclass(cls):
        return None
    return tuple(f.name for f in dataclasses.fields(cls) if f.repr)


R = TypeVar("R")


def from_dict(cls: type[R], data: Any) -> R:
    """The record of type ``cls`` that ``to_dict`` turned into ``data`` (JSON-ready values:
    dicts, lists, strings, numbers, None). Raises ``RecordError`` when ``data`` does not have
    the record's shape, saying which field is wrong."""
    return _build(cls, data, cls.__name__)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(tp: Any, data: Any, where: str) -> Any:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if data is None:
            return None
        if len(options) == 1:
            return _build(options[0], data, where)
        return data
    if data is None:
        raise RecordError(f"{where}: missing value (None where a {getattr(tp, '__name__', tp)} is needed)")
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise RecordError(f"{where}: expected an object for {tp.__name__}, got {type(data).__name__}")
        hints = _hints(tp)
        known = {f.name for f in dataclasses.fields(tp) if f.repr}
        unknown = sorted(set(data) - known)
        if unknown:
            raise RecordError(f"{where}: unknown field(s) {', '.join(unknown)} for {tp.__name__}")
        kwargs = {name: _build(hints[name], value, f"{where}.{name}") for name, value in data.items()}
        try:
            return tp(**kwargs)
        except TypeError as exc:
            raise RecordError(f"{where}: {exc}") from None
    if origin is list:
        if not isinstance(data, list):
            raise RecordError(f"{where}: expected a list, got {type(data).__name__}")
        (item,) = typing.get_args(tp)
        return [_build(item, x, f"{where}[{n}]") for n, x in enumerate(data)]
    if origin is dict:
        if not isinstance(data, dict):
            raise RecordError(f"{where}: expected an object, got {type(data).__name__}")
        _, value = typing.get_args(tp)
        return {k: _build(value, v, f"{where}.{k}") for k, v in data.items()}
    if origin is Literal:
        if data not in typing.get_args(tp):
            raise RecordError(f"{where}: {data!r} is not one of {', '.join(map(repr, typing.get_args(tp)))}")
        return data
    if tp is float and isinstance(data, int) and not isinstance(data, bool):
        return float(data)  # JSON writes 1.0 as 1
    if tp in (str, int, float, bool) and not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
        raise RecordError(f"{where}: expected {tp.__name__}, got {data!r}")
    return data


SCHEMA = "rashomon.report/3"


@dataclass
class RunWarning:
    """Something that failed for one article or story; the run went on without it. ``stage``:
    ``analyze``, ``names``, ``align`` or ``quotes``; ``subject``: the article's or the story's
    id."""

    stage: str
    subject: str | None
    message: str


@dataclass
class Report:
    """The result of one run: every input is either an article or a skipped entry."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    warnings: list[RunWarning] = field(default_factory=list)
    schema: str = SCHEMA
