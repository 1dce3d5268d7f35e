// PrepareStoreRows: offsets in code points, quote contents, claim sources;
// RowsFor falls back to preparing rows that were not (or wrongly) given.
#include "src/corpus/store_rows.h"

#include <gtest/gtest.h>

#include "src/corpus/features.h"

namespace whosaid {
namespace {

Span At(const Document& d, std::string_view s) {
  size_t p = d.text.find(s);
  EXPECT_NE(p, std::string::npos) << s;
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
}

Document Doc() {
  Document d;
  // "é" and "“" are 2 and 3 bytes: byte and code point offsets differ.
  d.text = "Café owners said “prices rose by 40 percent,” Ana Ruiz told us.";
  Attribution a;
  a.content = At(d, "prices rose by 40 percent,");
  a.cue = At(d, "told");
  a.speaker = At(d, "Ana Ruiz");
  a.speaker_name = "Ana Ruiz";
  d.quotes.push_back(a);
  Claim c;
  c.span = At(d, "40 percent");
  c.value = 40;
  c.unit = "percent";
  c.counted = At(d, "prices");
  c.attribution = 0;  // no source name: the quote's speaker
  d.claims.push_back(c);
  Claim r = c;
  r.is_range = true;
  r.low = 30;
  r.high = 40.5;
  r.attribution = -1;
  r.source = At(d, "Café owners");
  d.claims.push_back(r);
  Entity e;
  e.span = At(d, "Ana Ruiz");
  e.label = EntityLabel::kPerson;
  d.entities.push_back(e);
  return d;
}

TEST(StoreRowsTest, OffsetsAreCodePointsAndValuesMatchTheDocument) {
  Document d = Doc();
  StoreRows rows = PrepareStoreRows(d);
  ASSERT_TRUE(rows.ready);
  ASSERT_EQ(rows.quotes.size(), 1u);
  const StoreRows::Quote& q = rows.quotes[0];
  EXPECT_EQ(q.content, QuoteContent(d, d.quotes[0]));
  // 18 code points precede the quote ("Café owners said “"), 21 bytes.
  EXPECT_EQ(d.quotes[0].content.begin, 21u);
  EXPECT_EQ(q.content_begin, 18);
  EXPECT_EQ(q.content_end - q.content_begin,
            static_cast<int64_t>(q.content.size()));
  EXPECT_GT(q.cue_begin, q.content_end);
  EXPECT_GT(q.speaker_begin, q.content_end);
  ASSERT_EQ(rows.claims.size(), 2u);
  EXPECT_EQ(rows.claims[0].value_key, "40");
  EXPECT_EQ(rows.claims[0].source, "Ana Ruiz");
  EXPECT_EQ(rows.claims[1].value_key, "30-40.5");
  EXPECT_EQ(rows.claims[1].source, "Café owners");
  ASSERT_EQ(rows.entities.size(), 1u);
  EXPECT_EQ(rows.entities[0].name, "Ana Ruiz");
  EXPECT_EQ(rows.entities[0].first_begin, q.speaker_begin);
}

TEST(StoreRowsTest, QuoteWithoutCueOrSpeakerHasNoOffsets) {
  Document d = Doc();
  d.quotes[0].cue = {};
  d.quotes[0].speaker = {};
  StoreRows rows = PrepareStoreRows(d);
  EXPECT_EQ(rows.quotes[0].cue_begin, -1);
  EXPECT_EQ(rows.quotes[0].speaker_end, -1);
}

TEST(StoreRowsTest, SpeakerLabelFromGroupMentionOrCanonicalName) {
  Document d = Doc();
  EXPECT_EQ(PrepareStoreRows(d).quotes[0].speaker_label, "PERSON");
  // The entity group wins over the mention.
  d.groups.push_back({"Ana Ruiz", EntityLabel::kOrg, {}, {}});
  d.quotes[0].speaker_group = 0;
  EXPECT_EQ(SpeakerLabel(d, d.quotes[0]), "ORG");
  // No group index and no mention: the group of the same canonical name.
  d.quotes[0].speaker_group = -1;
  d.quotes[0].speaker = {};
  EXPECT_EQ(SpeakerLabel(d, d.quotes[0]), "ORG");
  d.groups.clear();
  EXPECT_EQ(SpeakerLabel(d, d.quotes[0]), "");
  // No speaker: no label.
  d.quotes[0].speaker_name.clear();
  d.quotes[0].speaker_group = -1;
  EXPECT_EQ(SpeakerLabel(Doc(), d.quotes[0]), "");
}

TEST(StoreRowsTest, RowsForPreparesMissingOrStaleRows) {
  Document d = Doc();
  StoreRows scratch;
  StoreRows none;  // not ready: a record built without ComputeFeatures
  EXPECT_EQ(&RowsFor(d, none, &scratch), &scratch);
  EXPECT_EQ(scratch.quotes.size(), 1u);
  StoreRows given = PrepareStoreRows(d);
  EXPECT_EQ(&RowsFor(d, given, &scratch), &given);
  d.quotes.push_back(d.quotes[0]);  // rows of another version of the doc
  EXPECT_EQ(&RowsFor(d, given, &scratch), &scratch);
  EXPECT_EQ(scratch.quotes.size(), 2u);
  // ComputeFeatures prepares them on the caller's (worker) thread.
  DocumentFeatures f = ComputeFeatures(d, d.text, CorpusOptions());
  EXPECT_TRUE(f.rows.ready);
  EXPECT_EQ(f.rows.quotes.size(), 2u);
}

}  // namespace
}  // namespace whosaid
