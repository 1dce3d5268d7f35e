// Test helpers for the claims module tests: segment + extract a sentence,
// list claim texts, find a claim by its span text, and a token window over
// a segmented text. Test-only; not part of the library.
#ifndef WHOSAID_SRC_CLAIMS_CLAIMS_TEST_UTIL_H_
#define WHOSAID_SRC_CLAIMS_CLAIMS_TEST_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "src/claims/claims.h"
#include "src/claims/token_window.h"
#include "src/segment/segment.h"
#include "whosaid/document.h"

namespace whosaid::claims_test {

inline Document Extract(const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(SegmentOptions(), &doc);
  ExtractClaims(&doc);
  return doc;
}

inline std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& c : doc.claims) out.emplace_back(doc.Text(c.span));
  return out;
}

inline const Claim* Find(const Document& doc, std::string_view span_text) {
  for (const auto& c : doc.claims) {
    if (doc.Text(c.span) == span_text) return &c;
  }
  return nullptr;
}

// A segmented one-sentence document and a window over all of its tokens.
struct Windowed {
  explicit Windowed(const std::string& text) {
    doc.text = text;
    Segment(SegmentOptions(), &doc);
    win.doc = &doc;
    win.sb = 0;
    win.se = static_cast<uint32_t>(doc.tokens.size());
  }
  // Index of the first token whose text is `t`.
  uint32_t At(std::string_view t) const {
    for (uint32_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.TokenText(i) == t) return i;
    }
    return UINT32_MAX;
  }
  Document doc;
  claims::TokenWindow win;
};

}  // namespace whosaid::claims_test

#endif  // WHOSAID_SRC_CLAIMS_CLAIMS_TEST_UTIL_H_
