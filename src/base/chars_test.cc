// Tests of chars.h: Lowercase's ASCII fast path against the decoding path.
#include "src/base/chars.h"

#include <gtest/gtest.h>

#include <string>

#include "src/base/utf8.h"

namespace whosaid {
namespace {

// Lowercase as it was before its ASCII fast path: every code point decoded.
std::string LowercaseByCodePoint(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    int len;
    char32_t cp = DecodeUtf8(s, i, &len);
    i += len;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
    } else {
      // Non-ASCII: Lowercase of that code point alone.
      std::string one;
      AppendUtf8(cp, &one);
      out += Lowercase(one);
    }
  }
  return out;
}

TEST(CharsTest, LowercaseEveryByteBesideAsciiAndUnicode) {
  for (int b = 0; b < 256; ++b) {
    for (const char* around :
         {"", "Ab", "\xC3\x89t\xC3\xA9", "Z\xE2\x80\x99"}) {
      std::string s = std::string(around) + static_cast<char>(b) + around;
      SCOPED_TRACE(b);
      EXPECT_EQ(Lowercase(s), LowercaseByCodePoint(s));
    }
  }
  EXPECT_EQ(Lowercase("ÉCOLE Née MÜLLER"), "école née müller");
  EXPECT_EQ(Lowercase("ABC xyz 123 @[`{"), "abc xyz 123 @[`{");
}

}  // namespace
}  // namespace whosaid
