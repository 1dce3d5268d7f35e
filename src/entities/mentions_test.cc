// Tests of the token and sentence lookups of mentions.h.
#include "src/entities/mentions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "whosaid/document.h"

namespace whosaid::mention {
namespace {

// TokenAtOrAfter selects instead of branching; it must answer exactly as
// std::upper_bound on the token ends does: for every byte offset, on
// documents of every size up to 40 tokens, with gaps and one-byte tokens,
// and on ends that are not sorted (the same probes, so the same answer).
TEST(Mentions, TokenAtOrAfterMatchesUpperBound) {
  auto reference = [](const Document& d, uint32_t byte) {
    auto it = std::upper_bound(
        d.tokens.begin(), d.tokens.end(), byte,
        [](uint32_t b, const Token& t) { return b < t.span.end; });
    return static_cast<uint32_t>(it - d.tokens.begin());
  };
  uint64_t seed = 12345;
  auto next = [&seed]() {
    seed ^= seed << 13;
    seed ^= seed >> 7;
    seed ^= seed << 17;
    return seed;
  };
  for (int unsorted = 0; unsorted < 2; ++unsorted) {
    for (uint32_t n = 0; n <= 40; ++n) {
      Document d;
      uint32_t at = 0;
      for (uint32_t k = 0; k < n; ++k) {
        at += static_cast<uint32_t>(next() % 3);  // a gap of 0-2 bytes
        const uint32_t len = 1 + static_cast<uint32_t>(next() % 4);
        Token t;
        t.span = {at, at + len};
        at += len;
        d.tokens.push_back(t);
      }
      if (unsorted && n > 1) {
        std::swap(d.tokens[0].span.end, d.tokens[n - 1].span.end);
      }
      for (uint32_t byte = 0; byte <= at + 2; ++byte) {
        SCOPED_TRACE(testing::Message() << "n " << n << " byte " << byte
                                        << " unsorted " << unsorted);
        EXPECT_EQ(TokenAtOrAfter(d, byte), reference(d, byte));
      }
    }
  }
}

TEST(Mentions, TokenRangeCoversOverlappingTokens) {
  Document d;
  d.text = "Ann Lee said";
  for (Span s : {Span{0, 3}, Span{4, 7}, Span{8, 12}}) {
    Token t;
    t.span = s;
    d.tokens.push_back(t);
  }
  uint32_t f, l;
  TokenRange(d, {0, 7}, &f, &l);
  EXPECT_EQ(f, 0u);
  EXPECT_EQ(l, 2u);
  TokenRange(d, {5, 9}, &f, &l);  // inside "Lee" to inside "said"
  EXPECT_EQ(f, 1u);
  EXPECT_EQ(l, 3u);
  TokenRange(d, {12, 12}, &f, &l);  // at the end: no token
  EXPECT_EQ(f, 3u);
  EXPECT_EQ(l, 3u);
}

// EqualsLower stops at the first differing ASCII byte; it must answer as
// Lower(text) == lower on every pair, also where a non-ASCII letter
// lower-cases to ASCII (U+0130, the Kelvin sign) or changes its length.
TEST(Mentions, EqualsLowerMatchesLowerThenCompare) {
  const std::vector<std::string> words = {"",
                                          "t",
                                          "the",
                                          "The",
                                          "THE",
                                          "them",
                                          "th",
                                          "a",
                                          "An",
                                          "\xC4\xB0",
                                          "i",
                                          "\xE2\x84\xAA",
                                          "k",
                                          "Kim",
                                          "\xC3\x89t\xC3\xA9",
                                          "\xC3\xA9t\xC3\xA9",
                                          "\xC3\xA9T\xC3\x89",
                                          "the\xC3\x89",
                                          "th\xC3\xA9",
                                          "\xFF",
                                          "t\xFFz",
                                          "Ann\xE2\x80\x99s",
                                          "ann\xE2\x80\x99s",
                                          "said",
                                          "SAID"};
  for (const std::string& text : words) {
    for (const std::string& other : words) {
      const std::string lower = Lower(other);
      for (const std::string& l : {other, lower}) {
        SCOPED_TRACE(testing::Message()
                     << "text '" << text << "' lower '" << l << "'");
        EXPECT_EQ(EqualsLower(text, l), Lower(text) == l);
      }
    }
  }
}

}  // namespace
}  // namespace whosaid::mention
