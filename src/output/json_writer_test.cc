#include "src/output/json_writer.h"

#include <gtest/gtest.h>

#include <string>

#include "src/segment/segment.h"

namespace whosaid {
namespace {

TEST(JsonWriterTest, EscapesStrings) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\te\x01<&>'", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001<&>'\"");
  out.clear();
  AppendJsonEscaped("<script>&'", /*html_safe=*/true, &out);
  EXPECT_EQ(out, "\\u003cscript\\u003e\\u0026\\u0027");
}

// The 8-bytes-at-a-time skip finds every byte to escape wherever it sits:
// each byte value at each position of strings around the word size, beside
// bytes >= 0x80 (which must neither hide nor fake an escape).
TEST(JsonWriterTest, EscapesEveryByteAtEveryPosition) {
  auto reference = [](std::string_view s) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : s) {
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c < 0x20) {
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
    }
    return out;
  };
  for (size_t len : {1, 7, 8, 9, 16, 17, 23}) {
    for (char fill : {'a', '\xC3', '\xA0', '\xFF'}) {
      for (size_t pos = 0; pos < len; ++pos) {
        for (int b = 0; b < 256; ++b) {
          std::string s(len, fill);
          s[pos] = static_cast<char>(b);
          std::string out;
          AppendJsonEscaped(s, /*html_safe=*/false, &out);
          ASSERT_EQ(out, reference(s))
              << "len " << len << " pos " << pos << " byte " << b;
        }
      }
    }
  }
}

TEST(JsonWriterTest, OffsetsAreCodePoints) {
  Document doc;
  doc.id = "x";
  doc.text = "“Héllo.” Next.";
  Segment(SegmentOptions(), &doc);
  std::string out;
  WriteDocumentJson(doc, JsonOptions(), &out);
  EXPECT_NE(out.find("\"sentences\":[{\"start\":0,\"end\":8},"
                     "{\"start\":9,\"end\":14}]"),
            std::string::npos)
      << out;
}

TEST(JsonWriterTest, FailedDocumentCarriesOnlyItsError) {
  Document doc;
  doc.id = "bad";
  doc.error = Status::InvalidArgument("bad: broken");
  std::string out;
  WriteDocumentJson(doc, JsonOptions(), &out);
  EXPECT_EQ(out,
            "{\"schema\":1,\"id\":\"bad\",\"error\":\"invalid argument: bad: "
            "broken\",\"warnings\":[]}");
}

}  // namespace
}  // namespace whosaid
