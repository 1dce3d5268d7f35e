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
