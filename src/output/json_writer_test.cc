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
