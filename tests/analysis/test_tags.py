"""The bulk tagger gives the tags, morphology and lemmas of spaCy's own attribute ruler and
lemmatizer."""

from __future__ import annotations

import pytest

from rashomon.analysis.parse import pipeline
from rashomon.analysis.tags import COMPONENT, REPLACED
from rashomon.settings import Settings

pytestmark = pytest.mark.models  # every test here parses with the spaCy model

TEXT = (
    "North Korea has sent 12 trawlers to Russian waters, state media said on Thursday.\n"
    "“We counted 21 vessels,” the official said, asking not to be named. I wasn't told, "
    "and they're not sure either. The fishermen's families were given rice."
)


def test_replaces_the_attribute_ruler_and_the_lemmatizer() -> None:
    nlp = pipeline(Settings().analysis)
    assert COMPONENT in nlp.pipe_names
    assert not any(name in nlp.pipe_names for name in REPLACED)
    assert set(REPLACED) <= set(nlp.disabled)


def test_same_tags_morphology_and_lemmas_as_the_shipped_components() -> None:
    nlp = pipeline(Settings().analysis)
    ours = nlp(TEXT)
    with nlp.select_pipes(disable=[COMPONENT]):
        for name in REPLACED:
            nlp.enable_pipe(name)
        try:
            theirs = nlp(TEXT)
        finally:
            for name in REPLACED:
                nlp.disable_pipe(name)
    assert [t.text for t in ours] == [t.text for t in theirs]
    assert [t.pos_ for t in ours] == [t.pos_ for t in theirs]
    assert [str(t.morph) for t in ours] == [str(t.morph) for t in theirs]
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    said = next(t for t in ours if t.text == "said")
    assert (said.lemma_, said.pos_) == ("say", "VERB")
    assert [t.lemma_ for t in ours if t.text in {"trawlers", "vessels", "was", "were"}] == ["trawler", "vessel", "be", "be"]


def test_empty_document() -> None:
    assert len(pipeline(Settings().analysis)("")) == 0
