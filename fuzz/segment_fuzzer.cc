// libFuzzer target: tokenizer + sentence splitter on arbitrary valid UTF-8,
// checking the span invariants every later stage relies on.
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/base/utf8.h"
#include "src/segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  whosaid::Document doc;
  whosaid::RepairUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size), &doc.text);
  whosaid::SegmentOptions options;
  options.max_sentence_tokens = 64;
  whosaid::Segment(options, &doc);
  uint32_t last_end = 0;
  for (const auto& t : doc.tokens) {
    if (t.span.begin < last_end || t.span.end <= t.span.begin ||
        t.span.end > doc.text.size()) {
      __builtin_trap();
    }
    last_end = t.span.end;
  }
  uint32_t next = 0;
  for (const auto& s : doc.sentences) {
    if (s.token_begin != next || s.token_end <= s.token_begin ||
        s.token_end - s.token_begin > options.max_sentence_tokens) {
      __builtin_trap();
    }
    next = s.token_end;
  }
  if (next != doc.tokens.size()) __builtin_trap();
  return 0;
}
