// CorpusStore tests on in-memory SQLite stores, with Documents built by
// hand (src/store/sqlite_store_test_util.h): the schema, identities and
// re-ingest, duplicates, quote clusters, offsets and the claim comparison.
// Search is tested in sqlite_search_test.cc, files on disk in
// sqlite_on_disk_test.cc.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "src/store/sqlite_store_test_util.h"
#include "whosaid/corpus.h"

namespace whosaid::store_test {
namespace {

TEST(SqliteStoreTest, EmptyStoreHasSchemaAndNoRows) {
  auto store = OpenMemory();
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats.value().schema_version, 3);
  EXPECT_EQ(stats.value().documents, 0u);
  EXPECT_TRUE(store->Check().ok());
}

// SQLite's memory statistics cost the ingest writer a process-wide mutex
// per allocation; the store turns them off before SQLite initializes. With
// them on, opening a connection and writing would count allocated bytes.
TEST(SqliteStoreTest, MemoryStatisticsAreOff) {
  // A connection opened and closed earlier leaves the high-water mark set.
  if (sqlite3_memory_used() > 0 || sqlite3_memory_highwater(0) > 0) {
    GTEST_SKIP() << "SQLite was initialized (statistics on) before this "
                    "test; run it in a process of its own, as ctest does";
  }
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  ASSERT_TRUE(store->Add(batch).ok());
  EXPECT_EQ(sqlite3_memory_used(), 0);
  EXPECT_EQ(sqlite3_memory_highwater(0), 0);
}

TEST(SqliteStoreTest, ReingestingAddsNothing) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  batch.push_back(Rec(MakeDoc("m1", "Valley Post", "2024-03-05", kMarket)));
  auto c1 = store->Add(batch);
  ASSERT_TRUE(c1.ok()) << c1.status().ToString();
  EXPECT_EQ(c1.value().added, 2u);
  EXPECT_EQ(c1.value().quotes, 1u);
  auto c2 = store->Add(batch);
  ASSERT_TRUE(c2.ok());
  EXPECT_EQ(c2.value().added, 0u);
  EXPECT_EQ(c2.value().skipped, 2u);
  auto stats = store->Stats().value();
  EXPECT_EQ(stats.documents, 2u);
  EXPECT_EQ(stats.quotes, 1u);
  EXPECT_EQ(stats.outlets, 2u);
  size_t n = 0;
  ASSERT_TRUE(
      store->ForEachIdentity([&](std::string_view, uint64_t) { ++n; }).ok());
  EXPECT_EQ(n, 2u);
}

// Each document's identity (id + content hash) is looked up in the
// table's UNIQUE index: the same document twice in one batch is stored
// once, the same id with another content is a new document.
TEST(SqliteStoreTest, IdentityIsTheIdAndTheContent) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  IngestRecord changed = Rec(MakeDoc("a1", "Daily Ledger", "", kMarket));
  changed.features.content_hash ^= 1;  // another body under the same id
  batch.push_back(std::move(changed));
  auto c = store->Add(batch);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c.value().added, 2u);
  EXPECT_EQ(c.value().skipped, 1u);
  auto again = store->Add(batch);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.value().added, 0u);
  EXPECT_EQ(again.value().skipped, 3u);
  EXPECT_EQ(store->Stats().value().documents, 2u);
}

TEST(SqliteStoreTest, FailedDocumentsAreNotStored) {
  auto store = OpenMemory();
  Document bad = MakeDoc("bad", "X", "", "some text");
  bad.error = Status::InvalidArgument("broken");
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(bad));
  auto c = store->Add(batch);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c.value().added, 0u);
  EXPECT_EQ(store->Stats().value().documents, 0u);
}

TEST(SqliteStoreTest, DuplicatesAreMarkedAndNotCountedTwice) {
  auto store = OpenMemory();
  std::string near = kBridge;
  near.replace(near.find("Monday"), 6, "Tuesday");
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  batch.push_back(Rec(BridgeDoc("a2", "Wire Service", kBridge)));  // exact
  batch.push_back(Rec(BridgeDoc("a3", "Evening Star", near)));     // near
  batch.push_back(Rec(MakeDoc("m1", "Valley Post", "2024-03-05", kMarket)));
  auto c = store->Add(batch);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c.value().added, 4u);
  EXPECT_EQ(c.value().duplicates, 2u);
  auto stats = store->Stats().value();
  EXPECT_EQ(stats.documents, 4u);
  EXPECT_EQ(stats.duplicates, 2u);
  EXPECT_EQ(stats.exact_duplicates, 1u);
  EXPECT_EQ(stats.near_duplicates, 1u);
  EXPECT_EQ(stats.quotes, 1u);  // the duplicates' quotes are not counted
  EXPECT_EQ(stats.clusters, 1u);
  // Search does not list duplicates.
  SearchQuery q;
  q.match = "bridge";
  auto hits = store->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits.value().size(), 1u);
  EXPECT_EQ(hits.value()[0].doc_id, "a1");
}

TEST(SqliteStoreTest, SameQuoteFromSeveralOutletsIsOneCluster) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  // Another outlet's own article with a truncated, re-punctuated version.
  Document b = MakeDoc(
      "b1", "Evening Star", "2024-03-05",
      "Okafor defended the closure. \"We will not let the bridge fall apart,\" "
      "the mayor told reporters, adding that traffic would be diverted "
      "through the northern districts for most of the year.");
  AddQuote(&b, "We will not let the bridge fall apart", "told", "the mayor",
           "LENA OKAFOR");
  AddQuote(&b, "traffic would be diverted through the northern districts",
           "adding", "", "Lena Okafor", QuoteKind::kIndirect);
  batch.push_back(Rec(b));
  Document c = MakeDoc("c1", "Valley Post", "2024-03-06", kMarket);
  AddQuote(&c, "she would ask the council for more space next year", "said",
           "the market manager", "Ruth Mbeki", QuoteKind::kIndirect);
  batch.push_back(Rec(c));
  ASSERT_TRUE(store->Add(batch).ok());

  auto stats = store->Stats().value();
  EXPECT_EQ(stats.quotes, 4u);
  EXPECT_EQ(stats.clusters, 3u);
  EXPECT_EQ(stats.multi_outlet_clusters, 1u);
  EXPECT_EQ(stats.speakers, 2u);  // "LENA OKAFOR" merged with "Lena Okafor"

  auto quotes = store->QuotesBySpeaker("lena okafor", 100);
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes.value().size(), 3u);
  EXPECT_EQ(quotes.value()[0].doc_id, "a1");
  EXPECT_EQ(quotes.value()[0].cluster_outlets, 2u);
  EXPECT_EQ(quotes.value()[0].cluster, quotes.value()[1].cluster);
  EXPECT_EQ(quotes.value()[0].kind, "direct");
  // Substring fallback.
  EXPECT_EQ(store->QuotesBySpeaker("Okafor", 100).value().size(), 3u);
  EXPECT_TRUE(store->QuotesBySpeaker("Nobody", 100).value().empty());

  auto top = store->TopSpeakers(10);
  ASSERT_TRUE(top.ok());
  ASSERT_EQ(top.value().size(), 2u);
  EXPECT_EQ(top.value()[0].quotes, 3u);
  EXPECT_EQ(top.value()[0].documents, 2u);
  EXPECT_EQ(top.value()[0].outlets, 2u);
  ASSERT_EQ(top.value()[0].roles.size(), 1u);
  EXPECT_EQ(top.value()[0].roles[0], "mayor");
}

TEST(SqliteStoreTest, OffsetsAreCodePoints) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  ASSERT_TRUE(store->Add(batch).ok());
  auto quotes = store->QuotesBySpeaker("Lena Okafor", 10).value();
  ASSERT_EQ(quotes.size(), 1u);
  // The quote opens after "“" (3 bytes, 1 code point).
  std::string_view text = kBridge;
  size_t byte = text.find("We will not");
  EXPECT_EQ(quotes[0].begin, byte - 2);
  EXPECT_EQ(quotes[0].end - quotes[0].begin, quotes[0].content.size());
}

TEST(SqliteStoreTest, ClaimsWithDifferentValuesAreCompared) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  // The same storm in Riverton, told by two outlets; the same quantity in
  // an unrelated fire in Lakeside is another event.
  Document a = MakeDoc("a1", "Daily Ledger", "2024-03-04",
                       "Officials said 30 homes lost power in Riverton.");
  AddClaim(&a, "30 homes", 30, "homes lost power", "officials");
  AddEntity(&a, "Riverton", EntityLabel::kLoc);
  Document b = MakeDoc("b1", "Evening Star", "2024-03-04",
                       "The utility said 45 homes lost power after the storm "
                       "hit Riverton.");
  AddClaim(&b, "45 homes", 45, "homes lost power", "the utility");
  AddEntity(&b, "Riverton", EntityLabel::kLoc);
  Document fire = MakeDoc("g1", "Harbor Wire", "2024-03-04",
                          "In Lakeside 80 homes lost power during a fire.");
  AddClaim(&fire, "80 homes", 80, "homes lost power", "");
  AddEntity(&fire, "Lakeside", EntityLabel::kLoc);
  // A year later in Riverton: another event.
  Document later = MakeDoc("h1", "Harbor Wire", "2025-03-04",
                           "In Riverton 99 homes lost power again.");
  AddClaim(&later, "99 homes", 99, "homes lost power", "");
  AddEntity(&later, "Riverton", EntityLabel::kLoc);
  Document c = MakeDoc("c1", "Valley Post", "2024-03-05",
                       "Power was lost in 30 homes, a spokesman said.");
  AddClaim(&c, "30 homes", 30, "homes", "a spokesman");  // one word: no key
  Document d = MakeDoc("d1", "Valley Post", "2024-03-05",
                       "Some 12 stalls sold out; 12 stalls sold out early.");
  AddClaim(&d, "12 stalls", 12, "stalls sold out", "");
  Document e = MakeDoc("e1", "Daily Ledger", "2024-03-05",
                       "At the fair 12 stalls sold out before noon.");
  AddClaim(&e, "12 stalls", 12, "stalls sold out", "");
  // One outlet giving two values is not a disagreement between sources.
  Document f = MakeDoc("f1", "Valley Post", "2024-03-06",
                       "It said 5 trains were cancelled, later 7 trains were "
                       "cancelled.");
  AddClaim(&f, "5 trains", 5, "trains were cancelled", "");
  AddClaim(&f, "7 trains", 7, "trains were cancelled", "");
  for (Document* x : {&a, &b, &c, &d, &e, &f, &fire, &later}) {
    batch.push_back(Rec(*x));
  }
  ASSERT_TRUE(store->Add(batch).ok());
  auto groups = store->CompareClaims(10);
  ASSERT_TRUE(groups.ok()) << groups.status().ToString();
  ASSERT_EQ(groups.value().size(), 1u);  // stalls agree; trains: one outlet
  const ClaimGroup& g = groups.value()[0];
  EXPECT_TRUE(g.key.starts_with("home lost power|")) << g.key;
  EXPECT_EQ(g.context, std::vector<std::string>{"riverton"});
  EXPECT_EQ(g.from, "2024-03-04");
  EXPECT_EQ(g.distinct_values, 2u);
  ASSERT_EQ(g.claims.size(), 2u);
  EXPECT_EQ(g.claims[0].value, 30);
  EXPECT_EQ(g.claims[0].source, "officials");
  EXPECT_EQ(g.claims[0].outlet, "Daily Ledger");
  EXPECT_EQ(g.claims[1].value, 45);
  EXPECT_EQ(g.claims[1].doc_id, "b1");
  EXPECT_EQ(store->Stats().value().conflicting_claim_groups, 1u);

  SearchQuery q;
  q.match = "homes";
  q.target = SearchQuery::Target::kClaims;
  auto hits = store->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(hits.value().size(), 5u);
}

}  // namespace
}  // namespace whosaid::store_test
