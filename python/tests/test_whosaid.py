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


def test_cmake_install_gives_a_working_package_and_cli(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    build = os.environ.get("WHOSAID_BUILD_DIR")
    if not build or not shutil.which("cmake"):
        pytest.skip("needs WHOSAID_BUILD_DIR (set by ctest) and cmake")
    prefix = tmp_path / "prefix"
    subprocess.run(["cmake", "--install", build, "--prefix", str(prefix)],
                   check=True, capture_output=True)
    site = next(prefix.glob("lib/python3*/*-packages"))
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "WHOSAID_MODEL_DIR")}
    env["PYTHONPATH"] = str(site)
    code = ("import whosaid, json; r = whosaid.extract('“It works,” said Mayor Ann Lee.'); "
            "print(json.dumps([q['speaker_name'] for q in r['quotes']]))")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                         capture_output=True, text=True, check=True)
    assert str(site) in subprocess.run(
        [sys.executable, "-c", "import whosaid; print(whosaid.__file__)"], cwd=tmp_path,
        env=env, capture_output=True, text=True, check=True).stdout
    assert "Ann Lee" in out.stdout
    cli = subprocess.run([str(prefix / "bin" / "whosaid"), "extract", "-"], input="“Yes,” said Ann Lee.",
                         env=env, capture_output=True, text=True, check=True)
    assert "Ann Lee" in cli.stdout


PAGE = """<!doctype html><html lang="en"><head><title>Mayor backs plan | Daily</title>
<meta property="og:site_name" content="The Daily"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Mayor backs plan</h1>
<p>The mayor said on Monday that the new bridge would open in May after two years of work.</p>
<p>“It is the biggest project this city has seen in a generation,” Mayor Ann Lee told reporters.</p>
<p>Critics said the cost, about $40 million, was too high for a town of 20,000 people.</p>
</article><footer>Share this article</footer></body></html>"""


def test_html_string_and_dict_are_extracted_as_pages():
    for doc in (PAGE, {"id": "p1", "html": PAGE}):
        rec = whosaid.extract(doc)
        assert "Mayor backs plan" in (rec["title"] or "")
        assert "Share this article" not in rec["text"]
        assert "biggest project" in rec["text"]
        assert any(q.get("speaker_name") == "Ann Lee" for q in rec["quotes"])
