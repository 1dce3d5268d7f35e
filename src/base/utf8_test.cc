#include "src/base/utf8.h"

#include <gtest/gtest.h>

namespace whosaid {
namespace {

TEST(Utf8Test, ValidatesWellFormedText) {
  EXPECT_TRUE(IsValidUtf8("plain ascii"));
  EXPECT_TRUE(IsValidUtf8("“curly” — dash, km²"));
  EXPECT_FALSE(IsValidUtf8("bad \xff byte"));
  EXPECT_FALSE(IsValidUtf8("overlong \xc0\xaf"));
  EXPECT_FALSE(IsValidUtf8("surrogate \xed\xa0\x80"));
  EXPECT_FALSE(IsValidUtf8("truncated \xe2\x80"));
}

TEST(Utf8Test, RepairReplacesEachBadByte) {
  std::string out;
  EXPECT_EQ(RepairUtf8("a\xff"
                       "b\xfe",
                       &out),
            2u);
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_TRUE(IsValidUtf8(out));
}

TEST(Utf8Test, CodePointIndexCountsCodePoints) {
  std::string text = "“We’ve won,” he said. km² ";
  for (int i = 0; i < 5; ++i) text += text;  // cross several 64-byte blocks
  CodePointIndex index(text);
  uint32_t cp = 0;
  for (size_t b = 0; b < text.size(); ++b) {
    if (IsLeadByte(static_cast<unsigned char>(text[b]))) {
      EXPECT_EQ(index.ToCodePoint(b), cp) << "byte " << b;
      ++cp;
    } else {
      EXPECT_EQ(index.ToCodePoint(b), cp - 1) << "byte " << b;
    }
  }
  EXPECT_EQ(index.ToCodePoint(text.size()), cp);
}

// The word-at-a-time counting equals a byte-by-byte count on any bytes (also
// ill-formed ones) and every length around the 8- and 64-byte steps.
TEST(Utf8Test, CodePointIndexMatchesByteCount) {
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (size_t n = 0; n < 200; ++n) {
    std::string text;
    for (size_t i = 0; i < n; ++i) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      // Mostly ASCII, lead and continuation bytes mixed in.
      unsigned r = x % 8;
      text.push_back(static_cast<char>(r < 4   ? 'a' + r
                                       : r < 6 ? 0x80 + r
                                       : r < 7 ? 0xC3
                                               : 0xE2));
    }
    CodePointIndex index(text);
    uint32_t before = 0;  // lead bytes before b
    for (size_t b = 0; b <= n + 2; ++b) {
      uint32_t want;
      if (b >= n) {
        want = before + static_cast<uint32_t>(b - n);
      } else {
        bool lead = IsLeadByte(static_cast<unsigned char>(text[b]));
        want = lead ? before : before - 1;
      }
      ASSERT_EQ(index.ToCodePoint(static_cast<uint32_t>(b)), want)
          << "length " << n << " byte " << b;
      if (b < n) before += IsLeadByte(static_cast<unsigned char>(text[b]));
    }
  }
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  std::string s;
  for (char32_t cp : {U'a', U'é', U'“', U'😀'}) AppendUtf8(cp, &s);
  size_t i = 0;
  std::u32string back;
  while (i < s.size()) {
    int len;
    back.push_back(DecodeUtf8(s, i, &len));
    i += len;
  }
  EXPECT_EQ(back, U"aé“😀");
}

}  // namespace
}  // namespace whosaid
