"""The plain-torch MiniLM encoder gives sentence-transformers' own vectors for the packaged model."""

from __future__ import annotations

import os

import numpy as np
import pytest

from rashomon.embed import Embedder
from rashomon.settings import Settings

pytestmark = pytest.mark.models  # every test here parses with the spaCy model

TEXTS = [
    "Russian President Vladimir Putin has presented Kim Jong Un with a passenger car.",
    "Putin gave Kim a luxury car.",
    "The fleet is to fish for pollock in Russian waters until the autumn, the source said.",
    "",
    "Ri Chol Man, vice-minister of Fisheries, said: " + "the departure of our fleet " * 60,
]


def test_vectors_match_sentence_transformers() -> None:
    os.environ["HF_HUB_OFFLINE"] = "1"
    sentence_transformers = pytest.importorskip("sentence_transformers")
    import importlib

    model = Settings().align.embedding_model
    path = importlib.import_module(model).get_model_path()
    reference = sentence_transformers.SentenceTransformer(str(path), device="cpu", local_files_only=True)
    expected = reference.encode(TEXTS, normalize_embeddings=True, show_progress_bar=False)
    got = Embedder(model).encode(TEXTS)
    assert got.shape == expected.shape == (len(TEXTS), 384)
    cosines = np.sum(got * expected, axis=1)
    assert cosines.min() >= 0.9999, cosines
    assert np.allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)


def test_identical_texts_are_encoded_once_and_order_does_not_matter() -> None:
    embedder = Embedder(Settings().align.embedding_model)
    first = embedder.encode(TEXTS[:3])
    again = Embedder(Settings().align.embedding_model).encode(list(reversed(TEXTS[:3])))[::-1]
    assert np.allclose(first, again, atol=1e-5)
    assert len(embedder._cache) == 3
    sims = embedder.similarity(TEXTS[:2], TEXTS[:2])
    assert sims[0, 1] > 0.6 and sims[0, 0] == pytest.approx(1.0, abs=1e-3)


def test_padding_changes_no_vector() -> None:
    # Texts of very different lengths in one batch (padded to the longest; every step but
    # attention runs on the real tokens alone): each vector is the one it has alone.
    from rashomon.embed import load_model

    model = load_model(Settings().align.embedding_model)
    texts = sorted(TEXTS, key=len)
    together = model.encode(texts)
    alone = np.stack([model.encode([text])[0] for text in texts])
    assert np.abs(together - alone).max() < 1e-6
    assert np.allclose(np.linalg.norm(together, axis=1), 1.0, atol=1e-5)
