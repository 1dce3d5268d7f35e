#include "src/input/offset_map.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "src/input/charset.h"
#include "src/input/html_extract.h"
#include "src/output/json_writer.h"
#include "whosaid/extractor.h"

namespace whosaid {
namespace {

TEST(OffsetMapTest, ComposeJoinsAndSplitsPieces) {
  // A -> B: A[0,10) = B[5,15), A[12,20) = B[20,28).
  std::vector<OffsetPiece> outer = {{0, 5, 10}, {12, 20, 8}};
  // B -> C: B[0,8) = C[100,108), B[10,30) = C[200,220).
  std::vector<OffsetPiece> inner = {{0, 100, 8}, {10, 200, 20}};
  std::vector<OffsetPiece> got = ComposeOffsetMaps(outer, inner);
  ASSERT_EQ(got.size(), 3u);
  // A[0,3) -> B[5,8) -> C[105,108)
  EXPECT_EQ(got[0].clean_begin, 0u);
  EXPECT_EQ(got[0].input_begin, 105u);
  EXPECT_EQ(got[0].length, 3u);
  // B[8,10) is not covered by inner; A[5,10) -> B[10,15) -> C[200,205)
  EXPECT_EQ(got[1].clean_begin, 5u);
  EXPECT_EQ(got[1].input_begin, 200u);
  EXPECT_EQ(got[1].length, 5u);
  // A[12,20) -> B[20,28) -> C[210,218)
  EXPECT_EQ(got[2].clean_begin, 12u);
  EXPECT_EQ(got[2].input_begin, 210u);
  EXPECT_EQ(got[2].length, 8u);
}

TEST(OffsetMapTest, MapSpanInsideAndAcrossGaps) {
  std::vector<OffsetPiece> map = {{0, 10, 5}, {7, 30, 5}};
  Span out;
  ASSERT_TRUE(MapSpanToInput(map, {1, 4}, &out));
  EXPECT_EQ(out, (Span{11, 14}));
  // Starts in the gap [5,7): widens back to the end of the first piece;
  // ends inside the second.
  ASSERT_TRUE(MapSpanToInput(map, {5, 9}, &out));
  EXPECT_EQ(out, (Span{15, 32}));
  // Ends in the gap: widens forward to the start of the second piece.
  ASSERT_TRUE(MapSpanToInput(map, {2, 6}, &out));
  EXPECT_EQ(out, (Span{12, 30}));
  // Past the end: clamps to the last piece's end.
  ASSERT_TRUE(MapSpanToInput(map, {8, 20}, &out));
  EXPECT_EQ(out, (Span{31, 35}));
  EXPECT_FALSE(MapSpanToInput({}, {0, 1}, &out));
}

TEST(OffsetMapTest, Cp1252PagePiecesAreThePageBytes) {
  // A windows-1252 page: "é" is one byte in the page, two in the text.
  std::string page =
      "<html><head><meta charset=\"windows-1252\"></head><body><article>"
      "<p>Le caf\xE9 du port a rouvert ses portes lundi matin, apr\xE8s "
      "trois mois de travaux, a dit la propri\xE9taire.</p>"
      "<p>Les habitants du quartier attendaient ce moment depuis "
      "longtemps, a-t-elle ajout\xE9, et la terrasse \xE9tait pleine.</p>"
      "</article></body></html>";
  auto r = ExtractArticle(page, HtmlOptions());
  ASSERT_TRUE(r.ok());
  const HtmlArticle& a = r.value();
  EXPECT_EQ(a.charset, "windows-1252");
  ASSERT_FALSE(a.pieces.empty());
  for (const OffsetPiece& p : a.pieces) {
    ASSERT_LE(p.input_begin + p.length, page.size());
    EXPECT_EQ(std::string_view(a.text).substr(p.clean_begin, p.length),
              std::string_view(page).substr(p.input_begin, p.length));
  }
  // "propriétaire" maps to the page's "propri\xE9taire".
  size_t at = a.text.find("propri");
  ASSERT_NE(at, std::string::npos);
  Span out;
  ASSERT_TRUE(MapSpanToInput(
      a.pieces, {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 13)},
      &out));
  EXPECT_EQ(page.substr(out.begin, out.size()), "propri\xE9taire");
}

TEST(OffsetMapTest, BomShiftsPieces) {
  std::string page =
      "\xEF\xBB\xBF<html><body><article><p>The council approved the "
      "new budget on Thursday evening after a long debate, members said, "
      "and the vote was close.</p><p>Another paragraph follows here, with "
      "enough words to count as running prose in the body.</p></article>"
      "</body></html>";
  auto r = ExtractArticle(page, HtmlOptions());
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r.value().pieces.empty());
  for (const OffsetPiece& p : r.value().pieces) {
    std::string_view t =
        std::string_view(r.value().text).substr(p.clean_begin, p.length);
    std::string_view s = std::string_view(page).substr(p.input_begin, p.length);
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k] != ' ') {
        EXPECT_EQ(t[k], s[k]);
      }
    }
  }
}

// The whole pipeline: a quote found in an HTML page maps back to the page
// bytes that hold its words.
TEST(SourceOffsetsTest, QuoteContentMapsIntoThePage) {
  std::string page =
      "<!doctype html><html lang=\"en\"><head><title>Ferry pier | Bay "
      "Times</title></head><body><nav><a href=\"/\">Home</a> <a "
      "href=\"/news\">News</a></nav><article><h1>Ferry pier to be "
      "rebuilt</h1>"
      "<p>The harbour commission voted on Tuesday to rebuild the old ferry "
      "pier, which has been closed since a storm damaged it last "
      "winter.</p>"
      "<p>&ldquo;The pier is the heart of this town and we will have it "
      "open again by the summer,&rdquo; said Nora Lindqvist, the "
      "commission&#39;s chair.</p>"
      "<p>Work on the <em>new</em> deck is expected to start in March, "
      "the commission said in a statement, and the footpath will stay "
      "closed until then.</p>"
      "</article><footer>Copyright Bay Times</footer></body></html>";
  auto extractor = Extractor::Create(Options());
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  RawDocument raw;
  raw.id = "pier";
  raw.html = page;
  Document doc = extractor.value()->Extract(raw);
  ASSERT_TRUE(doc.error.ok()) << doc.error.ToString();
  ASSERT_FALSE(doc.input_map.empty());
  EXPECT_EQ(doc.language, "en");
  for (const OffsetPiece& p : doc.input_map) {
    std::string_view t =
        std::string_view(doc.text).substr(p.clean_begin, p.length);
    std::string_view s = std::string_view(page).substr(p.input_begin, p.length);
    for (size_t k = 0; k < t.size(); ++k) {
      if (t[k] != ' ') {
        ASSERT_EQ(t[k], s[k]) << t;
      }
    }
  }
  ASSERT_FALSE(doc.quotes.empty());
  bool found = false;
  for (const Attribution& q : doc.quotes) {
    std::string_view content = doc.Text(q.content);
    if (content.find("heart of this town") == std::string_view::npos) continue;
    found = true;
    Span src;
    ASSERT_TRUE(MapSpanToInput(doc.input_map, q.content, &src));
    std::string_view slice =
        std::string_view(page).substr(src.begin, src.size());
    for (std::string_view word :
         {"pier is the heart", "this town", "open again by the summer"}) {
      EXPECT_NE(slice.find(word), std::string_view::npos)
          << word << " not in " << slice;
    }
    // The slice stays within the paragraph.
    EXPECT_EQ(slice.find("harbour"), std::string_view::npos) << slice;
    EXPECT_EQ(slice.find("Work on"), std::string_view::npos) << slice;
  }
  EXPECT_TRUE(found);
  // The JSON writer adds source offsets on request, and only then.
  std::string json;
  WriteDocumentJson(doc, JsonOptions(), &json);
  EXPECT_EQ(json.find("source_start"), std::string::npos);
  JsonOptions with;
  with.source_offsets = true;
  json.clear();
  WriteDocumentJson(doc, with, &json);
  EXPECT_NE(json.find("\"source_start\":"), std::string::npos);
  EXPECT_NE(json.find("\"source_end\":"), std::string::npos);
}

TEST(SourceOffsetsTest, TextInputMapsIntoTheText) {
  auto extractor = Extractor::Create(Options());
  ASSERT_TRUE(extractor.ok());
  RawDocument raw;
  raw.id = "t";
  raw.body =
      "Share this article\n\nThe museum will reopen on Friday, its director "
      "said. \"We are ready,\" she said.\n";
  Document doc = extractor.value()->Extract(raw);
  ASSERT_TRUE(doc.error.ok());
  size_t at = doc.text.find("museum");
  ASSERT_NE(at, std::string::npos);
  Span src;
  ASSERT_TRUE(MapSpanToInput(
      doc.input_map, {static_cast<uint32_t>(at), static_cast<uint32_t>(at + 6)},
      &src));
  EXPECT_EQ(raw.body.substr(src.begin, src.size()), "museum");
}

}  // namespace
}  // namespace whosaid
