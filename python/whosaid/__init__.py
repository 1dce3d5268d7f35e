"""whosaid: who said what, and who claims which numbers, in news text.

    >>> import whosaid
    >>> rec = whosaid.extract("“We won,” the mayor said.")
    >>> [(q["speaker"], q["text"]) for q in rec["quotes"]]

Every function returns the same record as `whosaid extract` (schema 1,
doc/json_format.md): a dict with "text", "sentences", "entities", "quotes",
"claims", ... An Extractor is reusable and thread-safe; the engine releases
the GIL while it works, so threads run in parallel.
"""
import json
import os
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from . import _whosaid

__version__ = _whosaid.__version__
__all__ = ["Extractor", "ExtractionError", "extract", "extract_many",
           "to_dataframes", "__version__"]


class ExtractionError(ValueError):
    """A document could not be processed; the message is the engine's."""

    def __init__(self, message: str, record: Optional[Dict[str, Any]] = None):
        super().__init__(message)
        self.record = record


def _default_model_dir() -> str:
    env = os.environ.get("WHOSAID_MODEL_DIR")
    if env:
        return env
    bundled = os.path.join(os.path.dirname(os.path.abspath(__file__)), "models")
    if os.path.isdir(bundled):
        return bundled
    return _whosaid.default_model_dir


Document = Union[str, Dict[str, Any]]

_META = ("id", "title", "url", "date", "authors", "site")


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or (
        head.startswith("<") and "<body" in text[:4096].lower())


def _raw(doc: Document) -> "_whosaid.RawDocument":
    """A str is article text, or a page when it starts like HTML; a dict has
    "text" / "content" / "body" (text) or "html" (a page), plus metadata."""
    if isinstance(doc, str):
        if _looks_like_html(doc):
            return _whosaid.RawDocument("", html=doc)
        return _whosaid.RawDocument(doc)
    if not isinstance(doc, dict):
        raise TypeError(f"whosaid: a document is a str or a dict, not {type(doc).__name__}")
    text = doc.get("text", doc.get("content", doc.get("body")))
    html = doc.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise TypeError("whosaid: a document dict needs a 'text' (or 'content') or 'html' string")
    kw = {}
    for key in _META:
        value = doc.get(key)
        if key == "site" and value is None:
            value = doc.get("source", doc.get("domain"))
        if key == "authors" and isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        if value is not None:
            kw[key] = str(value)
    if isinstance(text, str):
        return _whosaid.RawDocument(text, **kw)
    return _whosaid.RawDocument("", html=html, **kw)


class Extractor:
    """A loaded engine. Options as in the CLI:

    clean: strip page residue and find title/date (False keeps the text as
        given, so offsets line up with the input);
    max_document_bytes, max_sentence_tokens: limits;
    model_dir: directory of model files (default: bundled);
    sentences: include the sentence list in records.
    """

    def __init__(self, clean: bool = True, max_document_bytes: int = 32 << 20,
                 max_sentence_tokens: int = 400, model_dir: Optional[str] = None,
                 sentences: bool = True):
        self._options = dict(clean=clean, max_document_bytes=max_document_bytes,
                             max_sentence_tokens=max_sentence_tokens,
                             model_dir=model_dir, sentences=sentences)
        try:
            self._engine = _whosaid.Extractor(
                clean, max_document_bytes, max_sentence_tokens,
                model_dir or _default_model_dir(), sentences)
        except RuntimeError as e:
            raise ExtractionError(str(e)) from None

    @property
    def options(self) -> Dict[str, Any]:
        return dict(self._options)

    def __reduce__(self):
        # Picklable (Dask ships it): rebuilt from its options on the worker.
        return (_rebuild, (self._options,))

    def extract(self, doc: Document, errors: str = "raise") -> Dict[str, Any]:
        """One document (str, or dict with text and metadata) -> record.

        errors="raise" raises ExtractionError for a failed document;
        errors="record" returns the record with its "error" field instead.
        """
        rec = json.loads(self._engine.extract_json(_raw(doc)))
        if "error" in rec and errors == "raise":
            raise ExtractionError(rec["error"], rec)
        return rec

    def extract_many(self, docs: Iterable[Document], jobs: int = 0,
                     batch_size: int = 256) -> Iterator[Dict[str, Any]]:
        """Records for many documents, in input order, on `jobs` threads
        (0 = all cores). A failed document yields a record with "error"
        (N documents in, N records out)."""
        batch: List[Any] = []
        for doc in docs:
            batch.append(_raw(doc))
            if len(batch) >= batch_size:
                yield from self._run(batch, jobs)
                batch = []
        if batch:
            yield from self._run(batch, jobs)

    def extract_file_lines(self, path: str, input_format: str = "auto",
                           jobs: int = 1) -> List[str]:
        """Reads a file as `whosaid extract` does and returns its JSON record
        lines, byte for byte the CLI's (without newlines)."""
        return self._engine.extract_file_json(path, input_format, jobs)

    def _run(self, batch, jobs):
        for text in self._engine.extract_many_json(batch, jobs):
            yield json.loads(text)


def _rebuild(options: Dict[str, Any]) -> Extractor:
    return Extractor(**options)


_default: Optional[Extractor] = None


def extract(doc: Document, **options: Any) -> Dict[str, Any]:
    """Extracts one document with a default (or given-options) Extractor."""
    global _default
    if options:
        return Extractor(**options).extract(doc)
    if _default is None:
        _default = Extractor()
    return _default.extract(doc)


def extract_many(docs: Iterable[Document], jobs: int = 0, **options: Any) -> List[Dict[str, Any]]:
    """Records for many documents, in order; failed ones carry "error"."""
    return list(Extractor(**options).extract_many(docs, jobs=jobs))


def to_dataframes(records: Iterable[Dict[str, Any]]):
    """pandas DataFrames of quotes, claims and entities, one row per item,
    with the document id (needs pandas)."""
    import pandas as pd

    quotes, claims, entities = [], [], []
    for rec in records:
        doc_id = rec.get("id")
        for q in rec.get("quotes", []):
            quotes.append({
                "id": doc_id, "start": q["start"], "end": q["end"], "text": q["text"],
                "kind": q.get("kind"),
                "cue": (q.get("cue") or {}).get("text"),
                "speaker": (q.get("speaker") or {}).get("text"),
                "speaker_name": q.get("speaker_name"), "score": q.get("score")})
        for c in rec.get("claims", []):
            claims.append({
                "id": doc_id, "start": c["start"], "end": c["end"], "text": c["text"],
                "value": c.get("value"), "low": c.get("low"), "high": c.get("high"),
                "unit": c.get("unit"), "approx": c.get("approx"),
                "counted": (c.get("counted") or {}).get("text"),
                "source": (c.get("source") or {}).get("text"),
                "source_name": c.get("source_name")})
        for e in rec.get("entities", []):
            entities.append({
                "id": doc_id, "start": e["start"], "end": e["end"], "text": e["text"],
                "label": e.get("label"), "name": e.get("name"),
                "title": (e.get("title") or {}).get("text")})
    return {"quotes": pd.DataFrame(quotes, columns=[
                "id", "start", "end", "text", "kind", "cue", "speaker", "speaker_name", "score"]),
            "claims": pd.DataFrame(claims, columns=[
                "id", "start", "end", "text", "value", "low", "high", "unit", "approx",
                "counted", "source", "source_name"]),
            "entities": pd.DataFrame(entities, columns=[
                "id", "start", "end", "text", "label", "name", "title"])}
