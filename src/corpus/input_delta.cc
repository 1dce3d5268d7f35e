#include "src/corpus/input_delta.h"

#include <algorithm>
#include <cstring>

namespace whosaid {
namespace {

// Format: varint input_size, varint piece count, per piece three varints
// (clean gap since the previous piece's clean end, input gap since the
// previous piece's input end, length), then the input bytes not covered by
// any piece, in input order.

void PutVarint(uint64_t v, std::string* out) {
  while (v >= 0x80) {
    out->push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7;
  }
  out->push_back(static_cast<char>(v));
}

bool GetVarint(std::string_view* in, uint64_t* v) {
  uint64_t r = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in->empty()) return false;
    auto b = static_cast<unsigned char>(in->front());
    in->remove_prefix(1);
    r |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) {
      *v = r;
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<std::string> EncodeInputDelta(std::string_view text,
                                            const std::vector<OffsetPiece>& map,
                                            std::string_view input,
                                            size_t max_input_bytes) {
  if (input.size() > max_input_bytes || input.size() > UINT32_MAX) {
    return std::nullopt;
  }
  uint64_t clean_end = 0, input_end = 0;
  for (const OffsetPiece& p : map) {
    uint64_t cb = p.clean_begin, ib = p.input_begin, n = p.length;
    if (cb < clean_end || ib < input_end || cb + n > text.size() ||
        ib + n > input.size()) {
      return std::nullopt;
    }
    if (n && std::memcmp(text.data() + cb, input.data() + ib, n) != 0) {
      return std::nullopt;
    }
    clean_end = cb + n;
    input_end = ib + n;
  }
  std::string out;
  PutVarint(input.size(), &out);
  PutVarint(map.size(), &out);
  clean_end = input_end = 0;
  for (const OffsetPiece& p : map) {
    PutVarint(p.clean_begin - clean_end, &out);
    PutVarint(p.input_begin - input_end, &out);
    PutVarint(p.length, &out);
    clean_end = p.clean_begin + p.length;
    input_end = p.input_begin + p.length;
  }
  input_end = 0;
  for (const OffsetPiece& p : map) {
    out.append(input.substr(input_end, p.input_begin - input_end));
    input_end = p.input_begin + p.length;
  }
  out.append(input.substr(input_end));
  return out;
}

Result<OriginalInput> DecodeInputDelta(std::string_view text,
                                       std::string_view delta) {
  auto bad = [] { return Status::Corruption("malformed input delta"); };
  uint64_t size = 0, n = 0;
  if (!GetVarint(&delta, &size) || !GetVarint(&delta, &n)) return bad();
  // Each piece takes at least 3 bytes: a count beyond that is corrupt.
  if (size > UINT32_MAX || n > delta.size() / 3) return bad();
  OriginalInput out;
  out.map.reserve(n);
  uint64_t clean_end = 0, input_end = 0, copied = 0;
  for (uint64_t i = 0; i < n; ++i) {
    uint64_t dc, di, len;
    if (!GetVarint(&delta, &dc) || !GetVarint(&delta, &di) ||
        !GetVarint(&delta, &len)) {
      return bad();
    }
    uint64_t cb = clean_end + dc, ib = input_end + di;
    if (dc > text.size() || di > size || len > size || cb + len > text.size() ||
        ib + len > size) {
      return bad();
    }
    out.map.push_back({static_cast<uint32_t>(cb), static_cast<uint32_t>(ib),
                       static_cast<uint32_t>(len)});
    clean_end = cb + len;
    input_end = ib + len;
    copied += len;
  }
  if (delta.size() != size - copied) return bad();
  out.text.reserve(size);
  input_end = 0;
  for (const OffsetPiece& p : out.map) {
    size_t gap = p.input_begin - input_end;
    out.text.append(delta.substr(0, gap));
    delta.remove_prefix(gap);
    out.text.append(text.substr(p.clean_begin, p.length));
    input_end = p.input_begin + p.length;
  }
  out.text.append(delta);
  return out;
}

bool OriginalInput::MapSpan(uint32_t begin, uint32_t end, uint32_t* out_begin,
                            uint32_t* out_end) const {
  if (end <= begin || map.empty()) return false;
  // The first piece ending after `begin`.
  auto first = std::upper_bound(map.begin(), map.end(), begin,
                                [](uint32_t b, const OffsetPiece& p) {
                                  return b < p.clean_begin + p.length;
                                });
  if (first == map.end() || first->clean_begin >= end) return false;
  uint32_t b = std::max(begin, first->clean_begin);
  *out_begin = first->input_begin + (b - first->clean_begin);
  // The last piece starting before `end`.
  auto last = std::lower_bound(
      map.begin(), map.end(), end,
      [](const OffsetPiece& p, uint32_t e) { return p.clean_begin < e; });
  --last;  // exists: `first` starts before `end`
  uint32_t e = std::min(end, last->clean_begin + last->length);
  *out_end = last->input_begin + (e - last->clean_begin);
  return *out_end > *out_begin;
}

}  // namespace whosaid
