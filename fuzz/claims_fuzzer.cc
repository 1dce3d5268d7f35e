// libFuzzer target: Segment + ExtractClaims on arbitrary valid UTF-8,
// checking the claim invariants: every span (claim, unit, counted, source)
// inside the text and not inverted, low <= high, finite values within
// max_abs_value, and the claim count bounded by max_claims.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/base/utf8.h"
#include "src/claims/claims.h"
#include "src/segment/segment.h"

namespace {

bool SpanOk(const whosaid::Span& s, size_t n, bool may_be_empty) {
  if (s.begin > s.end || s.end > n) return false;
  return may_be_empty || s.end > s.begin;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  whosaid::Document doc;
  whosaid::RepairUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size), &doc.text);
  whosaid::SegmentOptions seg;
  seg.max_sentence_tokens = 64;
  whosaid::Segment(seg, &doc);
  whosaid::ClaimsOptions options;
  options.max_claims = 1000;
  whosaid::ExtractClaims(options, &doc);
  const size_t n = doc.text.size();
  if (doc.claims.size() > options.max_claims) __builtin_trap();
  uint32_t last_begin = 0;
  for (const auto& c : doc.claims) {
    if (!SpanOk(c.span, n, false)) __builtin_trap();
    if (c.span.begin < last_begin) __builtin_trap();  // text order
    last_begin = c.span.begin;
    if (!SpanOk(c.unit_span, n, true) || !SpanOk(c.counted, n, true) ||
        !SpanOk(c.source, n, true)) {
      __builtin_trap();
    }
    if (!std::isfinite(c.value) || !std::isfinite(c.low) ||
        !std::isfinite(c.high) || c.low > c.high) {
      __builtin_trap();
    }
    if (std::fabs(c.value) > options.max_abs_value ||
        std::fabs(c.high) > options.max_abs_value) {
      __builtin_trap();
    }
    if (c.is_range && c.low == c.high) __builtin_trap();
  }
  return 0;
}
