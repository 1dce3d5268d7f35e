#include "src/input/charset.h"

#include <gtest/gtest.h>

#include "src/base/utf8.h"

namespace whosaid {
namespace {

TEST(CharsetTest, ContentTypeAndLabels) {
  EXPECT_EQ(CharsetFromContentType("text/html; charset=ISO-8859-1"),
            "iso-8859-1");
  EXPECT_EQ(CharsetFromContentType("text/html;charset=\"utf-8\""), "utf-8");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(NormalizeCharset("Latin1"), "windows-1252");
  EXPECT_EQ(NormalizeCharset("UTF8"), "utf-8");
  EXPECT_EQ(NormalizeCharset(""), "");
}

TEST(CharsetTest, MetaSniffing) {
  EXPECT_EQ(SniffMetaCharset("<html><head><meta charset=\"ISO-8859-1\">"),
            "windows-1252");
  EXPECT_EQ(SniffMetaCharset("<meta http-equiv=\"Content-Type\" "
                             "content=\"text/html; charset=koi8-r\">"),
            "koi8-r");
  EXPECT_EQ(SniffMetaCharset("<html><body>no meta</body>"), "");
}

TEST(CharsetTest, DecodeOrderOfEvidence) {
  // BOM wins over everything.
  DecodedText d = DecodeToUtf8("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "latin1");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.bom_bytes, 3u);
  EXPECT_EQ(d.text, "<p>caf\xC3\xA9</p>");
  // Transport charset over meta.
  d = DecodeToUtf8("<meta charset=utf-8><p>caf\xE9</p>", "iso-8859-1");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.text, "<meta charset=utf-8><p>caf\xC3\xA9</p>");
  // No declaration: valid UTF-8 stays, invalid falls back to cp1252.
  EXPECT_EQ(DecodeToUtf8("caf\xC3\xA9", "").charset, "utf-8");
  d = DecodeToUtf8("\x93quoted\x94", "");
  EXPECT_EQ(d.charset, "windows-1252");
  EXPECT_EQ(d.text, "\xE2\x80\x9Cquoted\xE2\x80\x9D");
}

TEST(CharsetTest, IconvCharsetsAndUnknownLabels) {
  // KOI8-R "мир" (peace).
  DecodedText d = DecodeToUtf8("\xCD\xC9\xD2", "koi8-r");
  EXPECT_EQ(d.charset, "koi8-r");
  EXPECT_EQ(d.text, "\xD0\xBC\xD0\xB8\xD1\x80");
  d = DecodeToUtf8("plain", "no-such-charset");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.text, "plain");
}

// Found by fuzz/charset_fuzzer: a <meta charset> label with junk bytes
// inside ("u\x87\x9atf-8") opened glibc's UTF-8 converter, which passed a
// code point above U+10FFFF (F4 A4 A4 A4) through as invalid UTF-8.
TEST(CharsetTest, JunkLabelsAndIconvOutputAreSafe) {
  EXPECT_EQ(NormalizeCharset("u\x87\x9atf-8"), "");
  EXPECT_EQ(SniffMetaCharset("<meta charset=\"k\xC3\xA9oi8-r\">"), "");
  DecodedText d =
      DecodeToUtf8("<meta charset=\"u\x87\x9atf-8\">\xF4\xA4\xA4\xA4", "");
  EXPECT_TRUE(IsValidUtf8(d.text)) << d.charset;
  // UCS-4 (big-endian) 0x00110000 is past U+10FFFF: iconv's output is
  // repaired to U+FFFD.
  d = DecodeToUtf8(std::string_view("\x00\x11\x00\x00\x00\x00\x00\x41", 8),
                   "ucs-4");
  EXPECT_EQ(d.charset, "ucs-4");
  EXPECT_TRUE(IsValidUtf8(d.text));
  EXPECT_NE(d.text.find('A'), std::string::npos);
}

}  // namespace
}  // namespace whosaid
