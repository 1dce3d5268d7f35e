#include "src/base/utf8.h"

#include <algorithm>
#include <cstring>

namespace whosaid {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Returns the length of the well-formed sequence at s[i], or 0 if ill-formed.
int WellFormedLength(std::string_view s, size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return k < n && (p[k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(i + 1) || !cont(i + 2)) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
    unsigned char c1 = p[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0, n = s.size();
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    int len = WellFormedLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

size_t RepairUtf8(std::string_view s, std::string* out) {
  out->clear();
  out->reserve(s.size());
  size_t repaired = 0, i = 0;
  while (i < s.size()) {
    int len = WellFormedLength(s, i);
    if (len == 0) {
      AppendUtf8(kReplacement, out);
      ++repaired;
      ++i;
    } else {
      out->append(s.data() + i, len);
      i += len;
    }
  }
  return repaired;
}

char32_t DecodeUtf8(std::string_view s, size_t i, int* len) {
  int n = WellFormedLength(s, i);
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  switch (n) {
    case 1:
      *len = 1;
      return p[i];
    case 2:
      *len = 2;
      return ((p[i] & 0x1F) << 6) | (p[i + 1] & 0x3F);
    case 3:
      *len = 3;
      return ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) |
             (p[i + 2] & 0x3F);
    case 4:
      *len = 4;
      return ((p[i] & 0x07) << 18) | ((p[i + 1] & 0x3F) << 12) |
             ((p[i + 2] & 0x3F) << 6) | (p[i + 3] & 0x3F);
    default:
      *len = 1;
      return kReplacement;
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

namespace {

// Number of lead (non-continuation) bytes in [p, p + n), 8 bytes at a time:
// a continuation byte is 10xxxxxx, i.e. bit 7 set and bit 6 clear.
uint32_t CountLeadBytes(const char* p, size_t n) {
  uint32_t count = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    uint64_t continuation = w & ~(w << 1) & 0x8080808080808080ull;
    // One bit per byte at bit 0: the multiply sums the 8 bits into the top
    // byte (at most 8, no carry), without a library popcount call.
    uint64_t ones = continuation >> 7;
    count += 8 - static_cast<uint32_t>((ones * 0x0101010101010101ull) >> 56);
  }
  for (; i < n; ++i) count += IsLeadByte(static_cast<unsigned char>(p[i]));
  return count;
}

}  // namespace

CodePointIndex::CodePointIndex(std::string_view text) : text_(text) {
  // block_counts_[k] = code points before byte min(64k, size).
  block_counts_.resize(text.size() / 64 + 2);
  uint32_t count = 0;
  for (size_t k = 0; k < block_counts_.size(); ++k) {
    block_counts_[k] = count;
    size_t b = 64 * k;
    if (b < text.size()) {
      count += CountLeadBytes(text.data() + b,
                              std::min<size_t>(64, text.size() - b));
    }
  }
}

uint32_t CodePointIndex::ToCodePoint(uint32_t byte_offset) const {
  if (byte_offset >= text_.size()) {
    return block_counts_.back() + (byte_offset - text_.size());
  }
  size_t block = byte_offset & ~size_t{63};
  uint32_t count = block_counts_[byte_offset / 64] +
                   CountLeadBytes(text_.data() + block, byte_offset - block);
  // Inside a code point, the lead byte before it was counted: step back.
  bool lead = IsLeadByte(static_cast<unsigned char>(text_[byte_offset]));
  return lead ? count : count - 1;
}

}  // namespace whosaid
