// CorpusStore search tests on in-memory SQLite stores: ranking, filters and
// highlights, bad FTS5 queries, facets and the bound on ranked matches.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "src/store/sqlite_store_test_util.h"
#include "whosaid/corpus.h"

namespace whosaid::store_test {
namespace {

TEST(SqliteStoreTest, SearchRanksFiltersAndHighlights) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  Document b = MakeDoc("b1", "Evening Star", "2024-05-01",
                       "A short note: the bridge reopened to cyclists, and "
                       "the bridge, the bridge, the bridge was busy.");
  batch.push_back(Rec(b));
  batch.push_back(Rec(MakeDoc("m1", "Valley Post", "2024-03-05", kMarket)));
  ASSERT_TRUE(store->Add(batch).ok());

  SearchQuery q;
  q.match = "bridge";
  auto hits = store->Search(q).value();
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].doc_id, "b1");  // denser match ranks first
  EXPECT_LE(hits[0].score, hits[1].score);
  EXPECT_NE(hits[0].snippet.find("[bridge]"), std::string::npos);
  EXPECT_EQ(hits[0].target, "document");

  q.outlet = "ledger";
  hits = store->Search(q).value();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc_id, "a1");
  q.outlet.clear();
  q.since = "2024-04-01";
  hits = store->Search(q).value();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].doc_id, "b1");
  q.since.clear();
  q.until = "2024-03-04";
  EXPECT_EQ(store->Search(q).value().size(), 1u);
  q.until.clear();

  // Quotes: --speaker / --kind switch to quote search.
  q.match = "money";
  q.speaker = "okafor";
  hits = store->Search(q).value();
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].target, "quote");
  EXPECT_EQ(hits[0].speaker, "Lena Okafor");
  EXPECT_EQ(hits[0].kind, "direct");
  q.kind = "indirect";
  EXPECT_TRUE(store->Search(q).value().empty());
  q.kind = "sarcastic";
  EXPECT_EQ(store->Search(q).status().code(), Status::Code::kInvalidArgument);
}

TEST(SqliteStoreTest, BadQueriesAreInvalidArgumentsNotCrashes) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  ASSERT_TRUE(store->Add(batch).ok());
  for (const char* bad : {"bridge AND (", "\"unterminated", "NEAR(", "*",
                          "nosuchcolumn: bridge"}) {
    SearchQuery q;
    q.match = bad;
    auto r = store->Search(q);
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidArgument) << bad;
  }
  SearchQuery q;
  q.match = "\"'); DROP TABLE documents; --\"";
  q.outlet = "%'; DROP TABLE documents; --";
  auto r = store->Search(q);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(store->Stats().value().documents, 1u);
  q.match = "";
  EXPECT_EQ(store->Search(q).status().code(), Status::Code::kInvalidArgument);
}

size_t FacetN(const std::vector<FacetCount>& f, std::string_view key) {
  for (const FacetCount& c : f) {
    if (c.key == key) return c.n;
  }
  return 0;
}

TEST(SqliteStoreTest, FacetsCountEveryMatchNotOnlyThePage) {
  StoreOptions o;
  o.path = ":memory:";
  o.corpus.near_duplicate_jaccard = 2.0;  // no near duplicates here
  auto opened = OpenSqliteStore(o);
  ASSERT_TRUE(opened.ok());
  auto store = std::move(opened).value();
  std::vector<IngestRecord> batch;
  // 30 reports of the bridge quote: 20 from one outlet in March, 10 from
  // another in April; one market article that never matches.
  for (int i = 0; i < 30; ++i) {
    Document d = BridgeDoc(fmt::format("b{}", i),
                           i < 20 ? "Daily Ledger" : "Evening Star",
                           fmt::format("Report {}. {}", i, kBridge));
    d.published = i < 20 ? "2024-03-04" : "2024-04-10";
    batch.push_back(Rec(std::move(d)));
  }
  batch.push_back(Rec(MakeDoc("m1", "Valley Post", "2024-03-05", kMarket)));
  ASSERT_TRUE(store->Add(batch).ok());

  SearchQuery q;
  q.match = "bridge";
  q.limit = 5;  // the page is small; the facets are not
  ASSERT_EQ(store->Search(q).value().size(), 5u);
  auto f = store->Facets(q, 10);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f.value().total, 30u);
  EXPECT_EQ(FacetN(f.value().outlet, "Daily Ledger"), 20u);
  EXPECT_EQ(FacetN(f.value().outlet, "Evening Star"), 10u);
  EXPECT_EQ(FacetN(f.value().outlet, "Valley Post"), 0u);
  EXPECT_EQ(FacetN(f.value().month, "2024-04"), 10u);

  q.target = SearchQuery::Target::kQuotes;
  q.match = "money";
  f = store->Facets(q, 10);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  const size_t quotes = f.value().total;
  EXPECT_EQ(quotes, 30u);
  size_t by_outlet = 0, by_month = 0;
  for (const FacetCount& c : f.value().outlet) by_outlet += c.n;
  for (const FacetCount& c : f.value().month) by_month += c.n;
  EXPECT_EQ(by_outlet, quotes);
  EXPECT_EQ(by_month, quotes);
  EXPECT_EQ(FacetN(f.value().speaker, "Lena Okafor"), quotes);
  EXPECT_EQ(FacetN(f.value().kind, "direct"), quotes);
  // The same filters as Search: one outlet, then one month.
  q.outlet = "ledger";
  f = store->Facets(q, 10);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f.value().outlet.size(), 1u);
  EXPECT_EQ(f.value().total, 20u);
  EXPECT_EQ(FacetN(f.value().outlet, "Daily Ledger"), 20u);
  q.outlet.clear();
  q.since = "2024-04-01";
  f = store->Facets(q, 10);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(FacetN(f.value().month, "2024-03"), 0u);
  EXPECT_EQ(f.value().total, 10u);
  EXPECT_EQ(FacetN(f.value().month, "2024-04"), 10u);
  // top caps each list.
  q.since.clear();
  f = store->Facets(q, 1);
  ASSERT_TRUE(f.ok());
  EXPECT_LE(f.value().outlet.size(), 1u);
  q.match = "\"unclosed";
  EXPECT_EQ(store->Facets(q, 10).status().code(),
            Status::Code::kInvalidArgument);
}

TEST(SqliteStoreTest, FacetsAreCountedOverAllDistinctDocuments) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  const char* outlets[] = {"North", "South", "East"};
  for (int i = 0; i < 12; ++i) {
    batch.push_back(Rec(MakeDoc(
        fmt::format("d{}", i), outlets[i % 3],
        fmt::format("2024-0{}-01", 1 + i % 2),
        fmt::format("Bulletin number {} about the lighthouse keeper {} and "
                    "the tide tables of week {} in a harbour town",
                    i, i * 7919, i * 104729))));
  }
  ASSERT_TRUE(store->Add(batch).ok());
  SearchQuery q;
  q.match = "lighthouse";
  q.limit = 2;
  auto f = store->Facets(q, 10);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f.value().total, 12u);
  EXPECT_EQ(FacetN(f.value().outlet, "North"), 4u);
  EXPECT_EQ(FacetN(f.value().month, "2024-01"), 6u);
  EXPECT_EQ(FacetN(f.value().month, "2024-02"), 6u);
}

TEST(SqliteStoreTest, RankingIsBoundedToTheNewestMatches) {
  auto store = OpenMemory();
  std::vector<IngestRecord> batch;
  // 12 bulletins stored in order; the OLDEST says "lighthouse" most often,
  // so unbounded bm25 puts it first and a bound of 4 cannot see it.
  for (int i = 0; i < 12; ++i) {
    std::string text = fmt::format(
        "Bulletin number {} about the {} keeper {} and the tide tables of "
        "week {} in a harbour town",
        i, i == 0 ? "lighthouse lighthouse lighthouse" : "lighthouse", i * 7919,
        i * 104729);
    batch.push_back(Rec(MakeDoc(fmt::format("d{}", i), "North", "2024-01-01",
                                std::move(text))));
  }
  ASSERT_TRUE(store->Add(batch).ok());
  SearchQuery q;
  q.match = "lighthouse";
  q.limit = 3;
  auto all = store->Search(q);
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all.value().size(), 3u);
  EXPECT_EQ(all.value()[0].doc_id, "d0");
  EXPECT_EQ(all.value()[0].ranked_among, 0u);

  q.max_ranked = 4;
  auto bounded = store->Search(q);
  ASSERT_TRUE(bounded.ok()) << bounded.status().ToString();
  ASSERT_EQ(bounded.value().size(), 3u);
  for (const SearchHit& h : bounded.value()) {
    EXPECT_EQ(h.ranked_among, 4u);
    // Only the 4 newest bulletins (d8..d11) were ranked.
    EXPECT_GE(std::stoi(h.doc_id.substr(1)), 8) << h.doc_id;
  }

  // A bound below the page size still fills the page; a bound above the
  // match count ranks every match and says so.
  q.max_ranked = 1;
  EXPECT_EQ(store->Search(q).value().size(), 3u);
  q.max_ranked = 12;
  auto exact = store->Search(q);
  ASSERT_TRUE(exact.ok());
  EXPECT_EQ(exact.value()[0].doc_id, "d0");
  EXPECT_EQ(exact.value()[0].ranked_among, 0u);

  // Filters apply before the bound: the newest 4 *matching* rows.
  q.max_ranked = 4;
  q.since = "2024-01-01";
  auto filtered = store->Search(q);
  ASSERT_TRUE(filtered.ok()) << filtered.status().ToString();
  EXPECT_EQ(filtered.value().size(), 3u);
}

}  // namespace
}  // namespace whosaid::store_test
