// Test helpers of the attribution rules on token spans: a document
// segmented from text together with its DocView, and tokens found by their
// text. Test code only; each Parsed belongs to one test.
#ifndef WHOSAID_SRC_ATTRIBUTION_SPAN_TEST_UTIL_H_
#define WHOSAID_SRC_ATTRIBUTION_SPAN_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>

#include "src/attribution/model.h"
#include "src/segment/segment.h"
#include "whosaid/document.h"

namespace whosaid::attribution {

// Built in place and never copied: the view points at the document.
struct Parsed {
  explicit Parsed(const std::string& text) {
    doc.text = text;
    Segment(SegmentOptions(), &doc);
    view.Build(doc);
  }
  Parsed(const Parsed&) = delete;
  Parsed& operator=(const Parsed&) = delete;
  Document doc;
  DocView view;
};

inline Parsed Parse(const std::string& text) { return Parsed(text); }

// Index of the token that starts at the nth occurrence of `s`.
inline int TokenOf(const Document& d, const std::string& s, int nth = 0) {
  size_t at = d.text.find(s);
  while (nth-- > 0) at = d.text.find(s, at + 1);
  for (size_t i = 0; i < d.tokens.size(); ++i) {
    if (d.tokens[i].span.begin == at) return static_cast<int>(i);
  }
  ADD_FAILURE() << s;
  return -1;
}

}  // namespace whosaid::attribution

#endif  // WHOSAID_SRC_ATTRIBUTION_SPAN_TEST_UTIL_H_
