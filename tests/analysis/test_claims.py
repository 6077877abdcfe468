"""Claims: slots, voice, negation, hedges and attribution."""

from __future__ import annotations

import pytest

from rashomon.sources import load_sources
from rashomon.analysis.claims import extract_claims
from rashomon.analysis.parse import parse_text
from rashomon.records import Quantity, TimeValue

pytestmark = pytest.mark.models  # every test here parses with the spaCy model


@pytest.fixture(scope="module")
def registry():
    return load_sources()


def claims_of(text: str, registry, *, times=(), quantities=()):
    doc, article = parse_text(text)
    for phrase, value in times:
        start = text.index(phrase)
        article.times.append(TimeValue(phrase, start, start + len(phrase), 0, value=value, resolved=True))
    for phrase, value in quantities:
        start = text.index(phrase)
        article.quantities.append(Quantity(phrase, start, start + len(phrase), 0, value=value))
    found = extract_claims(doc, article=article, registry=registry)
    for claim in found:
        assert text[claim.start : claim.end] == claim.text
        for slot in claim.slots:
            assert text[slot.start : slot.end] == slot.text
    return found


def slots(claim) -> dict[str, str]:
    return {s.name: s.text for s in claim.slots}


def test_active_claim_with_dative_time_and_place(registry):
    text = "Putin gave Kim Jong Un a luxury car in Moscow on Feb. 18."
    (claim,) = claims_of(text, registry, times=[("Feb. 18", "2024-02-18")])
    assert claim.id == "t:c1" and claim.sentence == 0
    assert slots(claim) == {
        "actor": "Putin", "action": "gave", "object": "a luxury car", "recipient": "Kim Jong Un",
        "time": "Feb. 18", "place": "Moscow",
    }
    assert claim.slot("action")[0].value == "give"
    assert claim.slot("time")[0].value == "2024-02-18"
    assert claim.attribution.type == "self" and not claim.negated and not claim.hedged


def test_passive_with_particle(registry):
    text = "The gift was handed over to Workers' Party Secretary Park Chung Chol on Jan. 18."
    (claim,) = claims_of(text, registry, times=[("Jan. 18", "2024-01-18")])
    got = slots(claim)
    assert claim.slot("action")[0].value == "hand over" and got["action"] == "handed over"
    assert got["object"] == "The gift"
    assert got["recipient"] == "Workers' Party Secretary Park Chung Chol"
    assert "actor" not in got


def test_present_x_with_y(registry):
    (claim,) = claims_of("Russian President Vladimir Putin presented Kim Jong Un with a Russian-made car.", registry)
    got = slots(claim)
    assert got["actor"] == "Russian President Vladimir Putin"
    assert got["recipient"] == "Kim Jong Un" and got["object"] == "a Russian-made car"
    assert claim.slot("action")[0].value == "present"


def test_reported_that_takes_the_content_verb(registry):
    text = "The Korean Central News Agency reported on Tuesday that Putin gave Kim a car on Feb. 18."
    (claim,) = claims_of(text, registry, times=[("Tuesday", "2024-02-20"), ("Feb. 18", "2024-02-18")])
    got = slots(claim)
    assert got["actor"] == "Putin" and got["recipient"] == "Kim" and got["object"] == "a car"
    assert [s.value for s in claim.slot("time")] == ["2024-02-18"]  # the report's day is not the gift's
    assert (claim.attribution.type, claim.attribution.name) == ("state_media", "KCNA")


def test_negation(registry):
    (claim,) = claims_of("North Korean media did not print any photos of the car.", registry)
    assert claim.negated and claim.slot("action")[0].value == "print"
    (claim,) = claims_of("The leader never visited the factory in Sinuiju.", registry)
    assert claim.negated


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        ("Pyongyang is believed to have supplied artillery shells to Russia.", "Pyongyang", "supply"),
        ("Kim Jong Un plans to visit Moscow next month.", "Kim Jong Un", "visit"),
        ("The leader is expected to attend the ceremony.", "The leader", "attend"),
        ("The delegation reportedly signed a fisheries deal.", "The delegation", "sign"),
        ("The launch may take place this week.", "The launch", "take"),
        ("It is unclear whether Putin presented that specific vehicle.", "Putin", "present"),
    ],
)
def test_hedges(registry, text, actor, action):
    (claim,) = claims_of(text, registry)
    assert claim.hedged
    assert slots(claim)["actor"] == actor and claim.slot("action")[0].value == action


def test_compound_sentence_gives_two_claims(registry):
    text = "Putin showed Kim the car last year, and Kim sat in the back seat with Putin."
    first, second = claims_of(text, registry, times=[("last year", "2023")])
    assert slots(first)["actor"] == "Putin" and slots(first)["recipient"] == "Kim"
    assert slots(first)["time"] == "last year"
    assert slots(second)["actor"] == "Kim" and second.slot("action")[0].value == "sit"
    assert [first.id, second.id] == ["t:c1", "t:c2"]


def test_quoted_sentence_is_one_claim(registry):
    # A speaker's sentence is not cut into clauses: "we are not blind" alone misquotes them.
    from rashomon.analysis.quotes import extract_quotes

    text = ("“They may try to keep us in the dark, but we are not blind,” said another resident.\n"
            "The officials may try to hide it, but the residents know the truth.")
    doc, article = parse_text(text)
    article.quotes = extract_quotes(doc, article=article, registry=registry)
    found = extract_claims(doc, article=article, registry=registry)
    assert found[0].text == "“They may try to keep us in the dark, but we are not blind,” said another resident."
    assert [c.text for c in found[1:]] == ["The officials may try to hide it,", "the residents know the truth."]


def test_quantity_slot(registry):
    text = "The army fired about 200 artillery shells near Yeonpyeong Island."
    (claim,) = claims_of(text, registry, quantities=[("about 200 artillery shells", 200.0)])
    assert claim.slot("quantity")[0].value == "200"


def test_debris_and_attribution_only_sentences_give_no_claims(registry):
    assert claims_of("Read in Korean", registry) == []
    assert claims_of("Another resident shared the following thoughts.", registry) == []
    assert claims_of("Rice prices, hard times.", registry) == []


def test_a_verb_of_saying_whose_subject_the_parse_stretches_over_it_is_no_bare_cue(registry):
    # "including three ladder trucks" hangs on "total", so the subject's span holds the verb:
    # the sentence is no "Roesler said." with its quotation elsewhere, it tells an act.
    text = "A total of 31 separate pieces of firefighting apparatus responded to the blaze, including three ladder trucks."
    (claim,) = claims_of(text, registry)
    assert claim.slot("action")[0].value == "respond"
    assert claim.attribution.type == "self"


def test_what_was_told_without_that_is_the_content_not_a_relative_clause(registry):
    # The parse hangs "she apologizes …" on the pastor as a relative clause; it is what Palin
    # told him, reported by her spokesman.
    text = "Her spokesman, Bill McAllister, says Palin told an assistant pastor she apologizes for the fire."
    (claim,) = claims_of(text, registry)
    assert claim.slot("action")[0].value == "apologize"
    assert claim.attribution.name == "Bill McAllister"
    # A relative clause with its own relative word stays the person's description.
    (claim,) = claims_of("The chief told reporters who gathered outside nothing at all.", registry)
    assert claim.slot("action")[0].value == "tell"


def test_a_cue_inside_a_relative_clause_tells_that_clause_only(registry):
    def kinds(text: str) -> list[str]:
        return [c.attribution.type for c in claims_of(text, registry)]

    assert kinds("The patch fixes a security flaw that Microsoft says has been used to attack two million users.") == ["self"]
    assert kinds("Seacom started to have problems on Saturday, which it said were caused by a cable fault.") == ["self"]
    # Out of a relative clause the cue speaks for what it says.
    assert kinds("The flaw has been used to attack two million users, Microsoft says.") == ["named_person"]


def test_a_sentence_the_parse_roots_on_its_subject_noun_still_gives_its_claim(registry):
    # The parse hangs "headed" on "actress" as a modifier; the sentence still says something.
    found = claims_of("The actress, 33, reportedly headed to a Malibu treatment facility on Tuesday.", registry)
    assert len(found) == 1
    assert slots(found[0]).get("actor") == "The actress, 33"
    # a true relative clause is no verb of the sentence: "Students who carried signs" alone says nothing
    assert claims_of("Students who carried small signs saying Phil Ford 2,290 on one side.", registry) == []
