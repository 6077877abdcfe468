"""Words as bags: content words cut to a crude stem, and TF-IDF cosines between bags. Claim
alignment and quote grouping compare texts by these before (or instead of) embeddings."""

from __future__ import annotations

import re

import numpy as np

from rashomon.cluster import tfidf

# Words only: numbers and day numbers are compared as slots, and leaving them out keeps two
# reports of one claim that differ in a number (12 vs 21 trawlers) as close as they really are.
WORD = re.compile(r"[^\W\d_]{2,}", re.UNICODE)
STOPWORDS = (
    "the and for that with from this have has had was were are his her its their they them "
    "said says say told also been will would could into than then there which while who whom "
    "what when where after before about over under more most some such only other another "
    "but not one two our out all any can may might shall should upon very just "
    "by of in on at to as is it be an or he we us no so do if up"
)
STOP = frozenset(STOPWORDS.split())


def stems(text: str) -> frozenset[str]:
    """Content words cut to five letters (a crude stem: report/reported, vessel/vessels)."""
    return frozenset(w[:5] for w in (m.lower() for m in WORD.findall(text)) if w not in STOP)


def cosines(bags: list[list[str]]) -> np.ndarray:
    """Pairwise TF-IDF cosines of bags of terms, idf over the bags themselves."""
    vectors = tfidf(bags)
    return (vectors @ vectors.T).toarray()
