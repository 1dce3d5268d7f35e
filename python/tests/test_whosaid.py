"""Tests of the Python module (run by ctest with PYTHONPATH=build/python)."""
import pickle
import threading

import pytest

import whosaid

TEXT = ("The mayor said on Monday that the bridge would reopen.\n\n"
        "“It is safe,” she told reporters. Repairs cost $48 million.")


def test_extract_returns_the_cli_record():
    rec = whosaid.extract(TEXT)
    assert rec["schema"] == 1
    assert rec["text"].startswith("The mayor said")
    for key in ("sentences", "entities", "quotes", "claims", "warnings"):
        assert isinstance(rec[key], list)
    assert len(rec["sentences"]) >= 3


def test_dict_input_passes_metadata_through():
    rec = whosaid.extract({"id": "a1", "content": TEXT, "title": "Bridge",
                           "authors": ["Ann Lee", "Bo Ma"], "source": "Daily"})
    assert rec["id"] == "a1"
    assert rec["title"] == "Bridge"
    assert rec["author"] == "Ann Lee, Bo Ma"
    assert rec["site"] == "Daily"


def test_offsets_are_code_points():
    rec = whosaid.extract("“Héllo wörld,” he said. Next one.", clean=False)
    for s in rec["sentences"]:
        assert rec["text"][s["start"]:s["end"]].strip() == rec["text"][s["start"]:s["end"]]
    first = rec["sentences"][0]
    assert rec["text"][first["start"]:first["end"]] == "“Héllo wörld,” he said."


def test_failed_document_raises_with_engine_message():
    with pytest.raises(whosaid.ExtractionError, match="empty"):
        whosaid.extract("   ")
    rec = whosaid.Extractor().extract("   ", errors="record")
    assert "error" in rec


def test_bad_input_type_is_a_type_error():
    with pytest.raises(TypeError):
        whosaid.extract(42)


def test_extract_many_keeps_order_and_counts():
    docs = [{"id": str(i), "text": f"Document number {i} said nothing."} for i in range(50)]
    docs[7] = {"id": "7", "text": ""}
    recs = whosaid.extract_many(docs, jobs=2)
    assert [r["id"] for r in recs] == [str(i) for i in range(50)]
    assert "error" in recs[7] and "error" not in recs[8]


def test_extractor_is_picklable_and_thread_safe():
    ex = whosaid.Extractor(clean=False, sentences=False)
    clone = pickle.loads(pickle.dumps(ex))
    assert clone.options == ex.options
    assert "sentences" not in clone.extract(TEXT)
    expected = ex.extract(TEXT)
    results = []

    def work():
        for _ in range(20):
            results.append(ex.extract(TEXT) == expected)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results and all(results)


def test_same_record_as_python_for_every_thread_count():
    docs = [TEXT + f" Item {i}." for i in range(20)]
    one = whosaid.extract_many(docs, jobs=1)
    four = whosaid.extract_many(docs, jobs=4)
    assert one == four


def test_bad_model_dir_is_a_clear_error(tmp_path):
    # An empty directory has no models: the message names what is missing,
    # or the engine runs model-free stages only; either way no crash.
    try:
        whosaid.Extractor(model_dir=str(tmp_path / "nope"))
    except whosaid.ExtractionError as e:
        assert "nope" in str(e)


def test_to_dataframes():
    pd = pytest.importorskip("pandas")
    frames = whosaid.to_dataframes(whosaid.extract_many([TEXT, TEXT]))
    assert set(frames) == {"quotes", "claims", "entities"}
    for frame in frames.values():
        assert isinstance(frame, pd.DataFrame)
        assert "id" in frame.columns
