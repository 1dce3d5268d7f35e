// Extractor: turns one raw article into an attributed Document.
//
// An Extractor owns the loaded models (read-only after Create). Extract() is
// const and thread-safe: many threads may call it on one Extractor at once.
// It never throws and never aborts on input; a document that cannot be
// processed comes back with Document::error set.
#ifndef WHOSAID_INCLUDE_EXTRACTOR_H_
#define WHOSAID_INCLUDE_EXTRACTOR_H_

#include <cstddef>
#include <memory>
#include <string>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

// One input document as read, before any processing.
struct RawDocument {
  std::string id;
  std::string body;  // the article text (UTF-8 or not; repaired if invalid)
  // Optional metadata given with the input (e.g. JSONL fields).
  std::string title;
  std::string url;
  std::string date;
  std::string authors;
  std::string site;
  // Non-OK when reading failed (broken JSONL line, unreadable file): the
  // Extractor then emits a record that carries this error.
  Status read_error;
  // HTML input (format html / warc, or a JSONL "html" field): the raw page
  // bytes in any charset. When non-empty, the Extractor extracts the main
  // content into the body and fills title/url/date/authors/site/language
  // from the page where the fields above are empty.
  std::string html;
  // Charset named by the transport (HTTP Content-Type); may be empty.
  std::string html_charset;
  // When the page was fetched (WARC-Date); used as the date only when the
  // page states none.
  std::string crawl_date;
  std::string language;
};

struct Options {
  // Strip page residue and find title/date in the text. When false, the
  // output text is the input text unchanged (evaluation offsets line up).
  bool clean = true;
  // Documents larger than this fail with a limit error.
  size_t max_document_bytes = size_t{32} << 20;
  // Sentences longer than this many tokens are split (bounds the work of
  // every per-sentence stage).
  size_t max_sentence_tokens = 400;
  // Directory holding model files; empty means the built-in default
  // (the `models/` folder of the source tree or $WHOSAID_MODEL_DIR).
  std::string model_dir;
  // Detect the language of the clean text (CLD2, src/input/language.h) and
  // report it unless it agrees with a declared one (page or input field),
  // which then serves as a hint and is kept as the more specific tag.
  bool detect_language = true;
  // Only the first this many bytes of clean text are looked at.
  size_t language_detect_bytes = 2048;
  // Keep only indirect attributions whose cue reports speech: drop those
  // whose cue is a deed ("pleaded guilty"), an intention ("declined to
  // comment") or a feeling ("hopes that"). Off by default (PolNeAR, the
  // gated benchmark, annotates such cues as attributions).
  bool speech_cues_only = false;
};

class Extractor {
 public:
  // Loads the models named by `options`. Returns an error naming the file
  // when a model is missing or corrupt.
  static Result<std::unique_ptr<Extractor>> Create(const Options& options);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Runs every stage on `raw`. Thread-safe.
  Document Extract(const RawDocument& raw) const;

  const Options& options() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace whosaid

#endif  // WHOSAID_INCLUDE_EXTRACTOR_H_
