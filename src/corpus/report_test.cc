#include "src/corpus/report.h"

#include <gtest/gtest.h>
#include <simdjson.h>

namespace whosaid {
namespace {

bool ValidJson(const std::string& s) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  return parser.parse(s).get(doc) == simdjson::SUCCESS;
}

TEST(ReportTest, JsonIsValidAndEscaped) {
  SearchQuery q;
  q.match = "\"bridge\" OR \\x";
  SearchHit h;
  h.target = "quote";
  h.doc_id = "a\n1";
  h.title = "Title “quoted”";
  h.snippet = "…the [bridge]…";
  h.speaker = "Lena Okafor";
  h.kind = "direct";
  h.cluster = 4;
  std::string out;
  WriteSearchJson(q, {h}, &out);
  EXPECT_TRUE(ValidJson(out)) << out;
  EXPECT_NE(out.find("\"cluster\":4"), std::string::npos);
  EXPECT_NE(out.find("\"speaker\":\"Lena Okafor\""), std::string::npos);

  ClaimGroup g;
  g.key = "home|";
  g.counted = "homes";
  ClaimRecord c;
  c.value = 30;
  c.source = "officials";
  c.text = "30 homes";
  ClaimRecord r;
  r.is_range = true;
  r.low = 40;
  r.high = 45;
  r.approx = "about";
  g.claims = {c, r};
  g.distinct_values = 2;
  out.clear();
  WriteClaimGroupsJson({g}, &out);
  EXPECT_TRUE(ValidJson(out)) << out;
  EXPECT_NE(out.find("\"low\":40,\"high\":45"), std::string::npos);
  EXPECT_EQ(ClaimValueText(r), "about 40-45");
  EXPECT_EQ(ClaimValueText(c), "30");

  out.clear();
  SpeakerSummary sp;
  sp.name = "Lena Okafor";
  sp.roles = {"mayor"};
  WriteSpeakersJson({sp}, &out);
  EXPECT_TRUE(ValidJson(out)) << out;
  out.clear();
  QuoteRecord qr;
  qr.content = "We will \"not\" stop";
  WriteQuotesJson("Lena", {qr}, &out);
  EXPECT_TRUE(ValidJson(out)) << out;
  out.clear();
  CorpusStats st;
  st.documents = 3;
  WriteStatsJson(st, &out);
  EXPECT_TRUE(ValidJson(out)) << out;
  EXPECT_NE(out.find("\"documents\":3"), std::string::npos);
}

TEST(ReportTest, TablesCutLongCellsOnCodePoints) {
  SearchHit h;
  h.title = std::string(100, 'x') + "é";
  h.published = "2024-03-04T10:00:00Z";
  h.outlet = "Daily Ledger";
  h.snippet = "line one\nline two";
  std::string out;
  WriteSearchTable({h}, &out);
  EXPECT_NE(out.find("2024-03-04 | Daily Ledger"), std::string::npos) << out;
  EXPECT_NE(out.find("…"), std::string::npos);
  EXPECT_NE(out.find("line one line two"), std::string::npos);
  out.clear();
  WriteSearchTable({}, &out);
  EXPECT_EQ(out, "no matches\n");
  ClaimGroup g;
  g.counted = "homes lost power";
  g.distinct_values = 2;
  ClaimRecord c;
  c.value = 30;
  c.source = "officials";
  c.outlet = "Daily Ledger";
  c.title = "Storm";
  g.claims = {c};
  out.clear();
  WriteClaimGroupsTable({g}, &out);
  EXPECT_NE(out.find("homes lost power (2 values)"), std::string::npos) << out;
  EXPECT_NE(out.find("officials"), std::string::npos);
}

}  // namespace
}  // namespace whosaid
