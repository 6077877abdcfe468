"""Records round-trip through their JSON form: ``from_dict(cls, to_dict(x)) == x``."""

from __future__ import annotations

import dataclasses
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rashomon import records
from rashomon.errors import RashomonError, RecordError
from rashomon.records import Article, Attribution, Claim, Report, RunWarning, from_dict, to_dict

RECORDS = [
    cls for cls in vars(records).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == records.__name__
]
# JSON numbers: no NaN (never equal to itself) and no infinity (not JSON).
st.register_type_strategy(float, st.floats(allow_nan=False, allow_infinity=False))
# Raw input is dropped once an article is cleaned, and to_dict leaves it out.
st.register_type_strategy(Article, st.builds(Article, raw=st.none(), raw_kind=st.none()))


def test_every_record_is_covered() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Article", "Claim", "Finding", "Story", "Report", "Entity", "QuoteGroup", "Coverage"} <= names


@pytest.mark.parametrize("cls", RECORDS, ids=lambda cls: cls.__name__)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_record_comes_back_from_its_json_form(cls: type, data: st.DataObject) -> None:
    record = data.draw(st.from_type(cls))
    assert from_dict(cls, json.loads(json.dumps(to_dict(record)))) == record


def test_a_wrong_shape_says_which_field() -> None:
    with pytest.raises(RecordError, match=r"Article\.claims\[0\]\.start: expected int"):
        from_dict(Article, {"id": "a", "path": "a.txt", "claims": [
            {"id": "c", "article": "a", "sentence": 0, "start": "zero", "end": 1, "text": "x"}
        ]})
    with pytest.raises(RecordError, match="unknown field"):
        from_dict(Attribution, {"type": "self", "name": None, "speaker": "x"})
    with pytest.raises(RecordError, match="not one of"):
        from_dict(Attribution, {"type": "rumour", "name": None})
    assert issubclass(RecordError, RashomonError)


def test_a_report_of_the_pipeline_comes_back_whole() -> None:
    article = Article(id="a1", path="a1.txt", text="Police said five died.", outlet="Wire")
    article.claims.append(Claim(id="a1:c1", article="a1", sentence=0, start=0, end=22,
                                text=article.text, attribution=Attribution("official", "Police", "Police said", 0, 11)))
    report = Report(articles=[article], warnings=[RunWarning("analyze", "a1", "one warning")])
    assert from_dict(Report, json.loads(json.dumps(to_dict(report)))) == report
