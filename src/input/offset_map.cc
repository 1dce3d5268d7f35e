#include "src/input/offset_map.h"

#include <algorithm>

namespace whosaid {
namespace {

void Append(uint32_t a, uint32_t c, uint32_t length,
            std::vector<OffsetPiece>* out) {
  if (length == 0) return;
  if (!out->empty()) {
    OffsetPiece& last = out->back();
    if (last.clean_begin + last.length == a &&
        last.input_begin + last.length == c) {
      last.length += length;
      return;
    }
  }
  out->push_back({a, c, length});
}

}  // namespace

std::vector<OffsetPiece> ComposeOffsetMaps(
    const std::vector<OffsetPiece>& outer,
    const std::vector<OffsetPiece>& inner) {
  std::vector<OffsetPiece> out;
  out.reserve(outer.size());
  for (const OffsetPiece& o : outer) {
    const uint32_t b_begin = o.input_begin;
    const uint32_t b_end = o.input_begin + o.length;
    // First inner piece that ends after b_begin.
    auto it = std::upper_bound(inner.begin(), inner.end(), b_begin,
                               [](uint32_t b, const OffsetPiece& p) {
                                 return b < p.clean_begin + p.length;
                               });
    for (; it != inner.end() && it->clean_begin < b_end; ++it) {
      uint32_t lo = std::max(b_begin, it->clean_begin);
      uint32_t hi = std::min(b_end, it->clean_begin + it->length);
      if (hi <= lo) continue;
      Append(o.clean_begin + (lo - b_begin),
             it->input_begin + (lo - it->clean_begin), hi - lo, &out);
    }
  }
  return out;
}

bool MapSpanToInput(const std::vector<OffsetPiece>& map, Span span, Span* out) {
  if (map.empty()) return false;
  auto ends_after = [](const OffsetPiece& p, uint32_t x) {
    return p.clean_begin + p.length <= x;
  };
  // Start: the piece holding span.begin, else the end of the piece before.
  auto it = std::lower_bound(map.begin(), map.end(), span.begin, ends_after);
  uint32_t start;
  if (it != map.end() && it->clean_begin <= span.begin) {
    start = it->input_begin + (span.begin - it->clean_begin);
  } else if (it != map.begin()) {
    const OffsetPiece& prev = *(it - 1);
    start = prev.input_begin + prev.length;
  } else {
    start = it->input_begin;
  }
  // End: the piece holding the span's last byte, else the start of the
  // piece after.
  uint32_t last = span.end > span.begin ? span.end - 1 : span.begin;
  auto jt = std::lower_bound(map.begin(), map.end(), last, ends_after);
  uint32_t end;
  if (jt != map.end() && jt->clean_begin <= last) {
    end = jt->input_begin + (last - jt->clean_begin) + (span.end > span.begin);
  } else if (jt != map.end()) {
    end = jt->input_begin;
  } else {
    const OffsetPiece& back = map.back();
    end = back.input_begin + back.length;
  }
  *out = {start, std::max(start, end)};
  return true;
}

}  // namespace whosaid
