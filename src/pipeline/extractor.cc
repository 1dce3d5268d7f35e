#include "whosaid/extractor.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "src/attribution/attribution.h"
#include "src/attribution/transcript.h"
#include "src/base/utf8.h"
#include "src/claims/claims.h"
#include "src/clean/clean.h"
#include "src/entities/entities.h"
#include "src/input/html_extract.h"
#include "src/input/language.h"
#include "src/input/offset_map.h"
#include "src/segment/segment.h"

namespace whosaid {

const char* EntityLabelName(EntityLabel label) {
  switch (label) {
    case EntityLabel::kPerson:
      return "PERSON";
    case EntityLabel::kOrg:
      return "ORG";
    case EntityLabel::kLoc:
      return "LOC";
    case EntityLabel::kMisc:
      return "MISC";
  }
  return "MISC";
}

const char* QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect:
      return "direct";
    case QuoteKind::kMixed:
      return "mixed";
    case QuoteKind::kIndirect:
      return "indirect";
  }
  return "indirect";
}

struct Extractor::Impl {
  Options options;
  std::unique_ptr<EntityTagger> tagger;
  std::unique_ptr<Attributor> attributor;
};

Extractor::Extractor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Extractor::~Extractor() = default;

const Options& Extractor::options() const { return impl_->options; }

// Resolves the model directory: option, then $WHOSAID_MODEL_DIR, then an
// installed copy beside the running program (<prefix>/share/whosaid/models
// for <prefix>/bin/whosaid), then the source tree's models/ compiled in.
static std::string ModelDir(const Options& options) {
  if (!options.model_dir.empty()) return options.model_dir;
  if (const char* env = std::getenv("WHOSAID_MODEL_DIR"); env && *env) {
    return env;
  }
  std::error_code ec;
  std::filesystem::path exe =
      std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    std::filesystem::path installed =
        exe.parent_path().parent_path() / "share" / "whosaid" / "models";
    if (std::filesystem::is_directory(installed, ec)) return installed.string();
  }
  return WHOSAID_MODEL_DIR;
}

Result<std::unique_ptr<Extractor>> Extractor::Create(const Options& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  std::string dir = ModelDir(options);
  auto tagger = EntityTagger::Load(dir);
  if (!tagger.ok()) return tagger.status();
  impl->tagger = std::move(tagger).value();
  auto attributor = Attributor::Load(dir, options.speech_cues_only);
  if (!attributor.ok()) return attributor.status();
  impl->attributor = std::move(attributor).value();
  return std::unique_ptr<Extractor>(new Extractor(std::move(impl)));
}

Document Extractor::Extract(const RawDocument& raw) const {
  const Options& opt = impl_->options;
  Document doc;
  doc.id = raw.id;
  doc.title = raw.title;
  doc.url = raw.url;
  doc.published = raw.date;
  doc.author = raw.authors;
  doc.site = raw.site;
  if (!raw.read_error.ok()) {
    doc.error = raw.read_error;
    return doc;
  }
  // HTML branch: main content and metadata from the page, then the usual
  // pipeline on the extracted body.
  std::string html_body;
  std::string page_language;             // declared by the page (HTML input)
  std::vector<OffsetPiece> page_pieces;  // body -> page bytes (HTML input)
  std::string byline_date;  // written after the page's headline (HTML input)
  const std::string* body_source = &raw.body;
  if (!raw.html.empty()) {
    HtmlOptions html_options;
    html_options.transport_charset = raw.html_charset;
    html_options.url = raw.url;
    auto article = ExtractArticle(raw.html, html_options);
    if (!article.ok()) {
      doc.error = article.status();
      return doc;
    }
    HtmlArticle& a = article.value();
    if (doc.title.empty()) doc.title = a.title;
    if (doc.url.empty()) doc.url = a.url;
    if (doc.published.empty()) doc.published = a.published;
    if (doc.published.empty() && !raw.crawl_date.empty()) {
      doc.published = raw.crawl_date;
      doc.warnings.push_back("page states no date: crawl date used");
    }
    byline_date = std::move(a.byline_date);
    if (doc.author.empty()) doc.author = a.author;
    if (doc.site.empty()) doc.site = a.site_name;
    if (raw.language.empty()) page_language = std::move(a.language);
    for (std::string& w : a.warnings) doc.warnings.push_back(std::move(w));
    if (!a.is_article) {  // not an article: no body invented
      if (doc.published.empty()) doc.published = byline_date;
      doc.language = ChooseLanguage(
          raw.language.empty() ? page_language : raw.language, LanguageGuess());
      return doc;
    }
    html_body = std::move(a.text);
    page_pieces = std::move(a.pieces);
    body_source = &html_body;
  }
  const std::string& raw_body = *body_source;
  if (raw_body.size() > opt.max_document_bytes) {
    doc.error = Status::LimitExceeded(
        fmt::format("document is {} bytes, over the limit of {} "
                    "(max_document_bytes)",
                    raw_body.size(), opt.max_document_bytes));
    return doc;
  }
  std::string repaired;
  std::string_view body = raw_body;
  if (!IsValidUtf8(body)) {
    size_t n = RepairUtf8(body, &repaired);
    doc.warnings.push_back(fmt::format(
        "invalid UTF-8: {} ill-formed byte sequence(s) replaced by U+FFFD", n));
    body = repaired;
  }
  CleanOptions clean_options;
  clean_options.enabled = opt.clean;
  CleanText(body, clean_options, &doc);
  // The page's byline date, when neither the page's metadata nor the
  // text's head lines (CleanText) gave one.
  if (doc.published.empty()) doc.published = byline_date;
  if (!raw.html.empty()) {
    // Clean text -> extracted body -> page bytes.
    doc.input_map = ComposeOffsetMaps(doc.input_map, page_pieces);
  }
  if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    doc.error = Status::InvalidArgument("document is empty (no text)");
    return doc;
  }
  const std::string& declared =
      raw.language.empty() ? page_language : raw.language;
  if (opt.detect_language) {
    LanguageOptions language_options;
    language_options.max_bytes = opt.language_detect_bytes;
    // CLD2 is ~6% of the time: skipped on plainly English text, where it
    // says "en", reliable (its share is not measured then).
    LanguageGuess guess;
    if (PlainlyEnglish(doc.text, declared, language_options)) {
      guess.code = "en";
      guess.reliable = true;
    } else {
      guess = DetectLanguage(doc.text, declared, language_options);
    }
    doc.language = ChooseLanguage(declared, guess);
    if (!declared.empty() && doc.language == guess.code &&
        doc.language != ChooseLanguage(declared, LanguageGuess())) {
      doc.warnings.push_back(
          fmt::format("declared language '{}' but the text reads as '{}'",
                      declared, guess.code));
    }
  } else {
    doc.language = ChooseLanguage(declared, LanguageGuess());
  }
  SegmentOptions seg;
  seg.max_sentence_tokens = opt.max_sentence_tokens;
  Segment(seg, &doc);
  impl_->tagger->Tag(&doc);
  impl_->attributor->Attribute(&doc);
  ResolveSpeakers(&doc);
  AddTranscriptTurns(TranscriptOptions(), &doc);
  ExtractClaims(&doc);
  return doc;
}

}  // namespace whosaid
