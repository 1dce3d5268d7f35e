// UTF-8 helpers: validation and repair, decoding, byte <-> code-point offsets.
// Pure functions on caller-owned bytes; safe from any thread.
#ifndef WHOSAID_SRC_BASE_UTF8_H_
#define WHOSAID_SRC_BASE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {

// Returns true iff `s` is well-formed UTF-8 (no overlongs, no surrogates).
bool IsValidUtf8(std::string_view s);

// Copies `s` to `out`, replacing each ill-formed sequence by U+FFFD. Returns
// the number of replacements made.
size_t RepairUtf8(std::string_view s, std::string* out);

// Decodes the code point starting at s[i] and stores its byte length in *len
// (>= 1). Ill-formed bytes decode as U+FFFD with length 1.
// REQUIRES: i < s.size()
char32_t DecodeUtf8(std::string_view s, size_t i, int* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Byte offsets -> code-point offsets for one text. Built once in O(n);
// lookups are O(1). Offsets that fall inside a code point map to its start.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view text);
  uint32_t ToCodePoint(uint32_t byte_offset) const;

 private:
  // cp_before_[k] = code points before byte 64*k; refined by scanning.
  std::string_view text_;
  std::vector<uint32_t> block_counts_;
};

// True for the start byte of a code point (not a continuation byte).
inline bool IsLeadByte(unsigned char c) { return (c & 0xC0) != 0x80; }

}  // namespace whosaid

#endif  // WHOSAID_SRC_BASE_UTF8_H_
