// TriggerFilter: the claims scanner's (claims.cc) branch-light pre-test of
// which tokens may open a numeric claim, from the first three bytes of a
// word. One immutable instance built on first use from the grammar's
// tables (Get()); any thread may call it. The tests are inline: they run on
// every token of every sentence.
#ifndef WHOSAID_SRC_CLAIMS_TRIGGER_FILTER_H_
#define WHOSAID_SRC_CLAIMS_TRIGGER_FILTER_H_

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "whosaid/document.h"

namespace whosaid::claims {

// Letters (either case) -> 0..25, any other byte -> 26.
constexpr std::array<uint8_t, 256> BuildByteClass() {
  std::array<uint8_t, 256> cls{};
  for (int c = 0; c < 256; ++c) {
    cls[c] = c >= 'a' && c <= 'z'   ? c - 'a'
             : c >= 'A' && c <= 'Z' ? c - 'A'
                                    : 26;
  }
  return cls;
}
inline constexpr std::array<uint8_t, 256> kByteClass = BuildByteClass();

// A branch-light pre-test of Scanner::Trigger on the first three bytes of a
// word: a superset of the words Trigger accepts, read from one table load.
// Letters map to 0..25 (either case), any other byte (or the word's end)
// to 26; bit c of row a * 27 + b is set when a trigger word may open with
// classes a, b, c. Built once from the grammar's own tables.
class TriggerFilter {
 public:
  static const TriggerFilter& Get() {
    static const TriggerFilter filter;
    return filter;
  }

  bool MayTrigger(std::string_view w) const {
    uint32_t a = Class(w, 0), b = Class(w, 1), c = Class(w, 2);
    return (rows_[a * 27 + b] >> c) & 1u;
  }

  // The same test on token `t` of `text`, without data-dependent branches
  // (bytes past the token read as "other"; text[size()] is the NUL), and
  // true for every number and symbol token.
  bool MayTriggerToken(const Token& t, std::string_view text) const {
    uint32_t size = static_cast<uint32_t>(text.size());
    uint32_t b0 = t.span.begin, n = t.span.end - t.span.begin;
    const unsigned char* d =
        reinterpret_cast<const unsigned char*>(text.data());
    uint32_t a = kByteClass[d[std::min(b0, size)]];
    uint32_t b = kByteClass[d[std::min(b0 + 1, size)]];
    uint32_t c = kByteClass[d[std::min(b0 + 2, size)]];
    b = n > 1 ? b : kOther;
    c = n > 2 ? c : kOther;
    bool word = t.kind == TokenKind::kWord && ((rows_[a * 27 + b] >> c) & 1u);
    return word | (t.kind == TokenKind::kNumber) |
           (t.kind == TokenKind::kSymbol);
  }

 private:
  static constexpr uint32_t kOther = 26;
  static uint32_t Class(std::string_view w, size_t k) {
    if (k >= w.size()) return kOther;
    return kByteClass[static_cast<unsigned char>(w[k])];
  }
  void Allow(std::string_view w) {
    rows_[Class(w, 0) * 27 + Class(w, 1)] |= 1u << Class(w, 2);
  }

  // Allows the first three bytes of every trigger word (trigger_filter.cc).
  TriggerFilter();

  std::array<uint32_t, 27 * 27> rows_{};
};

}  // namespace whosaid::claims

#endif  // WHOSAID_SRC_CLAIMS_TRIGGER_FILTER_H_
