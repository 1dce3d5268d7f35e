// Test helpers for the entity rules and speaker resolution: documents
// with hand-set entities and quotes, so a test states exactly what the
// tagger would have found. Header-only, for tests; each call builds its own
// Document (no shared state).
#ifndef WHOSAID_SRC_ENTITIES_ENTITIES_TEST_UTIL_H_
#define WHOSAID_SRC_ENTITIES_ENTITIES_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "src/entities/entities.h"
#include "src/segment/segment.h"

namespace whosaid::test_util {

inline Document MakeDoc(const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(SegmentOptions(), &doc);
  return doc;
}

// Span of the nth occurrence of `needle` in the text.
inline Span Find(const Document& doc, std::string_view needle, int nth = 0) {
  size_t p = doc.text.find(needle);
  while (nth-- > 0 && p != std::string::npos) {
    p = doc.text.find(needle, p + 1);
  }
  EXPECT_NE(p, std::string::npos) << needle;
  if (p == std::string::npos) return {};
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + needle.size())};
}

// The first entity whose span reads `text`, or null.
inline const Entity* EntityWithText(const Document& doc,
                                    std::string_view text) {
  for (const Entity& e : doc.entities) {
    if (doc.Text(e.span) == text) return &e;
  }
  return nullptr;
}

inline Entity Ent(Span span, EntityLabel label) {
  Entity e;
  e.span = span;
  e.label = label;
  return e;
}

// Builds a document with hand-set entities and quotes (speaker spans as
// written), runs the rules and returns it.
struct QuoteSpec {
  std::string_view content;
  std::string_view speaker;
  int speaker_nth = 0;
  std::string_view cue = {};
};

inline Document WithQuotes(
    const std::string& text,
    std::vector<std::pair<std::string_view, EntityLabel>> ents,
    std::vector<QuoteSpec> quotes) {
  Document doc = MakeDoc(text);
  std::vector<int> seen(ents.size(), 0);
  for (auto& [t, label] : ents) {
    int nth = 0;
    for (const Entity& e : doc.entities) {
      nth += doc.Text(e.span).find(t) != std::string_view::npos;
    }
    doc.entities.push_back(Ent(Find(doc, t, nth), label));
  }
  std::sort(doc.entities.begin(), doc.entities.end(),
            [](const Entity& a, const Entity& b) {
              return a.span.begin < b.span.begin;
            });
  AttachTitlesAndGroups(&doc);
  for (const auto& q : quotes) {
    Attribution a;
    a.content = Find(doc, q.content);
    if (!q.speaker.empty()) a.speaker = Find(doc, q.speaker, q.speaker_nth);
    if (!q.cue.empty()) a.cue = Find(doc, q.cue);
    doc.quotes.push_back(a);
  }
  ResolveSpeakers(&doc);
  return doc;
}

}  // namespace whosaid::test_util

#endif  // WHOSAID_SRC_ENTITIES_ENTITIES_TEST_UTIL_H_
