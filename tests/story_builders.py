"""Hand-built articles and a stand-in for the sentence-embedding model, shared by the tests of
claim alignment (test_align) and quote grouping (test_quote_groups)."""

from __future__ import annotations

import re

import numpy as np

from rashomon.records import Article, Claim, Measure, Quantity, Slot, TimeValue


class BagOfWords:
    """Cosine over word counts: same interface as rashomon.embed.Embedder."""

    def similarity(self, left, right):  # noqa: ANN001, ANN201
        def vec(text: str) -> dict[str, int]:
            counts: dict[str, int] = {}
            for w in re.findall(r"[a-z0-9]+", text.lower()):
                counts[w] = counts.get(w, 0) + 1
            return counts

        out = np.zeros((len(left), len(right)))
        for i, a in enumerate(left):
            for j, b in enumerate(right):
                va, vb = vec(a), vec(b)
                dot = sum(va[w] * vb.get(w, 0) for w in va)
                na = sum(v * v for v in va.values()) ** 0.5
                nb = sum(v * v for v in vb.values()) ** 0.5
                out[i, j] = dot / (na * nb) if na and nb else 0.0
        return out


def article(aid: str, outlet: str, sentences: list[str]) -> Article:
    text = "\n".join(sentences)
    art = Article(id=aid, path=f"{aid}.txt", text=text, outlet=outlet)
    pos = 0
    for n, sentence in enumerate(sentences):
        art.claims.append(
            Claim(id=f"{aid}:c{n}", article=aid, sentence=n, start=pos, end=pos + len(sentence), text=sentence)
        )
        pos += len(sentence) + 1
    return art


def add_time(art: Article, claim_no: int, phrase: str, value: str, earliest: str, latest: str) -> None:
    claim = art.claims[claim_no]
    start = art.text.index(phrase, claim.start)
    tv = TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=claim_no, value=value,
                   granularity="day", earliest=earliest, latest=latest, resolved=True)
    art.times.append(tv)
    claim.slots.append(Slot("time", phrase, tv.start, tv.end, value))


def add_duration(art: Article, claim_no: int, phrase: str, predicate: str) -> None:
    """A length of time ("four months") in a claim, hanging on the act ``predicate``."""
    claim = art.claims[claim_no]
    start = art.text.index(phrase, claim.start)
    tv = TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=claim_no, granularity="duration",
                   measure=Measure(predicate=predicate))
    art.times.append(tv)
    claim.slots.append(Slot("time", phrase, tv.start, tv.end, None))


def add_quantity(art: Article, claim_no: int, phrase: str, value: float, unit: str) -> None:
    claim = art.claims[claim_no]
    start = art.text.index(phrase, claim.start)
    q = Quantity(text=phrase, start=start, end=start + len(phrase), sentence=claim_no, value=value,
                 low=value, high=value, qualifier="exact", unit=unit)
    art.quantities.append(q)
    claim.slots.append(Slot("quantity", phrase, q.start, q.end, str(value)))


def add_place(art: Article, claim_no: int, phrase: str) -> None:
    claim = art.claims[claim_no]
    start = art.text.index(phrase, claim.start)
    claim.slots.append(Slot("place", phrase, start, start + len(phrase), phrase))
