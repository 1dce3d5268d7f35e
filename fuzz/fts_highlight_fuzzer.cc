// libFuzzer target: the search snippet maker (src/store/fts_highlight),
// which the FTS query fuzzer reaches only on its three fixed documents.
// Input: byte 0 = snippet width (0..63 tokens), byte 1 = query length, then
// the FTS5 query, then the text to cut a snippet from. Checks:
// - Terms(): every term non-empty and listed once;
// - Snippet() without marks is a piece of the text, with "…" only at the
//   ends where it cut;
// - with marks (two bytes absent from the text), the marks are balanced,
//   never nested, at most one per token of the window, and removing them
//   gives the unmarked snippet.
#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "src/store/fts_highlight.h"

namespace {

whosaid::FtsHighlighter* Highlighter() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    if (sqlite3_open(":memory:", &d) != SQLITE_OK) __builtin_trap();
    return d;
  }();
  static std::unique_ptr<whosaid::FtsHighlighter> h = [] {
    auto created = whosaid::FtsHighlighter::Create(db);
    if (!created.ok()) __builtin_trap();
    return std::move(created).value();
  }();
  return h.get();
}

bool StartsWith(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// `snippet` = ["…"] piece-of-text ["…"].
bool IsCutFrom(std::string_view snippet, std::string_view text) {
  constexpr std::string_view kEllipsis = "…";
  for (int lead = 0; lead < 2; ++lead) {
    if (lead && !StartsWith(snippet, kEllipsis)) continue;
    std::string_view rest = snippet.substr(lead ? kEllipsis.size() : 0);
    for (int trail = 0; trail < 2; ++trail) {
      if (trail && !EndsWith(rest, kEllipsis)) continue;
      std::string_view mid =
          rest.substr(0, rest.size() - (trail ? kEllipsis.size() : 0));
      if (text.find(mid) != std::string_view::npos) return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > 8192) return 0;
  const size_t width = data[0] & 63;
  std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
  const size_t qlen = std::min<size_t>(data[1], rest.size());
  std::string_view query = rest.substr(0, qlen);
  std::string_view text = rest.substr(qlen);
  whosaid::FtsHighlighter* h = Highlighter();

  const auto terms = h->Terms(query);
  for (size_t i = 0; i < terms.size(); ++i) {
    if (terms[i].folded.empty()) abort();
    for (size_t j = 0; j < i; ++j) {
      if (terms[i].folded == terms[j].folded) abort();
    }
  }
  const std::string plain = h->Snippet(text, terms, "", "", width);
  if (!plain.empty() && !IsCutFrom(plain, text)) abort();
  if (text.find('\x02') != std::string_view::npos ||
      text.find('\x03') != std::string_view::npos) {
    return 0;
  }
  const std::string marked = h->Snippet(text, terms, "\x02", "\x03", width);
  std::string unmarked;
  bool open = false;
  size_t marks = 0;
  for (char c : marked) {
    if (c == '\x02') {
      if (open) abort();  // nested
      open = true;
      ++marks;
    } else if (c == '\x03') {
      if (!open) abort();  // closed without opening
      open = false;
    } else {
      unmarked.push_back(c);
    }
  }
  if (open || marks > width || unmarked != plain) abort();
  return 0;
}
