#include "src/corpus/input_delta.h"

#include <gtest/gtest.h>

#include "src/clean/clean.h"

namespace whosaid {
namespace {

Document Cleaned(std::string_view input) {
  Document doc;
  CleanOptions options;
  CleanText(input, options, &doc);
  return doc;
}

TEST(InputDeltaTest, RebuildsTheInputExactly) {
  const std::string input =
      "Home | World | Sport | Weather\n"
      "The ferry to Lundholm was cancelled on Monday after the storm.\n"
      "\"We will sail again when the wind drops,\" said captain Mara Voss.\n"
      "Share this article\n";
  Document doc = Cleaned(input);
  ASSERT_NE(doc.text, input);  // cleaning changed something
  auto delta = EncodeInputDelta(doc.text, doc.input_map, input);
  ASSERT_TRUE(delta.has_value());
  EXPECT_LT(delta->size(), input.size());
  auto orig = DecodeInputDelta(doc.text, *delta);
  ASSERT_TRUE(orig.ok()) << orig.status().ToString();
  EXPECT_EQ(orig.value().text, input);
  EXPECT_EQ(orig.value().map.size(), doc.input_map.size());
}

TEST(InputDeltaTest, MapsASpanOntoTheSameWords) {
  const std::string input =
      "Menu\nThe ferry was cancelled.\nCaptain Mara Voss said the wind "
      "would drop by Friday.\n";
  Document doc = Cleaned(input);
  auto delta = EncodeInputDelta(doc.text, doc.input_map, input);
  ASSERT_TRUE(delta.has_value());
  auto orig = DecodeInputDelta(doc.text, *delta);
  ASSERT_TRUE(orig.ok());
  size_t at = doc.text.find("Mara Voss");
  ASSERT_NE(at, std::string::npos);
  uint32_t b = 0, e = 0;
  ASSERT_TRUE(orig.value().MapSpan(at, at + 9, &b, &e));
  EXPECT_EQ(orig.value().text.substr(b, e - b), "Mara Voss");
}

TEST(InputDeltaTest, InsertedBytesMapToTheNeighbouringCopiedOnes) {
  // Clean "ab\n\ncd": "\n\n" inserted between two copied pieces.
  std::string text = "ab\n\ncd";
  std::vector<OffsetPiece> map = {{0, 0, 2}, {4, 3, 2}};
  std::string input = "ab\ncd";
  auto delta = EncodeInputDelta(text, map, input);
  ASSERT_TRUE(delta.has_value());
  auto orig = DecodeInputDelta(text, *delta);
  ASSERT_TRUE(orig.ok());
  EXPECT_EQ(orig.value().text, input);
  uint32_t b = 0, e = 0;
  ASSERT_TRUE(orig.value().MapSpan(1, 5, &b, &e));  // "b\n\nc"
  EXPECT_EQ(input.substr(b, e - b), "b\nc");
  EXPECT_FALSE(orig.value().MapSpan(2, 4, &b, &e));  // only inserted bytes
}

TEST(InputDeltaTest, RefusesAMapThatDoesNotDescribeTheInput) {
  std::string text = "abcd";
  std::vector<OffsetPiece> map = {{0, 0, 4}};
  EXPECT_FALSE(EncodeInputDelta(text, map, "abXd").has_value());
  EXPECT_FALSE(EncodeInputDelta(text, map, "abc").has_value());
  EXPECT_FALSE(EncodeInputDelta(text, map, "abcd", 3).has_value());
  std::vector<OffsetPiece> backwards = {{2, 2, 2}, {0, 0, 2}};
  EXPECT_FALSE(EncodeInputDelta(text, backwards, "abcd").has_value());
}

TEST(InputDeltaTest, RejectsCorruptDeltas) {
  std::string text = "abcd";
  auto delta = EncodeInputDelta(text, {{0, 1, 4}}, "xabcdy");
  ASSERT_TRUE(delta.has_value());
  ASSERT_TRUE(DecodeInputDelta(text, *delta).ok());
  EXPECT_FALSE(DecodeInputDelta("ab", *delta).ok());  // piece past the text
  for (size_t cut = 0; cut < delta->size(); ++cut) {
    EXPECT_FALSE(DecodeInputDelta(text, delta->substr(0, cut)).ok()) << cut;
  }
  EXPECT_FALSE(DecodeInputDelta(text, *delta + "z").ok());
  EXPECT_FALSE(DecodeInputDelta(text, "\xff\xff\xff").ok());
}

}  // namespace
}  // namespace whosaid
