// libFuzzer target: the claims number parser called at every token of
// every sentence (also with a byte skip into the token, as currency codes
// glued to digits use it). Checks that a parsed number stays inside its
// sentence and the text, and that accepted values are finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/base/utf8.h"
#include "src/claims/number_parser.h"
#include "src/claims/token_window.h"
#include "src/segment/segment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  whosaid::Document doc;
  whosaid::RepairUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size), &doc.text);
  whosaid::SegmentOptions seg;
  seg.max_sentence_tokens = 64;
  whosaid::Segment(seg, &doc);
  whosaid::ClaimsOptions options;
  options.max_digits = 12;  // reach the too-long path with short inputs
  whosaid::claims::TokenWindow win;
  win.doc = &doc;
  whosaid::claims::NumberParser parser(options, win);
  const size_t n = doc.text.size();
  for (const whosaid::Sentence& s : doc.sentences) {
    win.sb = s.token_begin;
    win.se = s.token_end;
    for (uint32_t i = win.sb; i < win.se; ++i) {
      const size_t tok_bytes =
          doc.tokens[i].span.end - doc.tokens[i].span.begin;
      for (size_t skip : {size_t{0}, size_t{1}, size_t{3}}) {
        if (skip > 0 && skip >= tok_bytes) break;
        whosaid::claims::Number num;
        if (!parser.ParseNumber(i, skip, &num)) continue;
        if (num.tok_end > win.se || num.tok_begin + 1 < win.sb ||
            num.tok_begin >= num.tok_end || num.byte_end > n) {
          __builtin_trap();
        }
        if (num.suffix.begin > num.suffix.end || num.suffix.end > n) {
          __builtin_trap();
        }
        if (num.ok && !num.reject && !num.too_long &&
            (std::isnan(num.value) || (num.is_range && std::isnan(num.high)))) {
          __builtin_trap();
        }
      }
      (void)parser.BareHalf(i);
      (void)parser.FractionAt(i, true);
    }
  }
  return 0;
}
