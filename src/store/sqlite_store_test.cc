// CorpusStore tests on in-memory (and a few on-disk) SQLite stores, with
// Documents built by hand: quotes, speakers and claims filled in.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "src/corpus/features.h"
#include "src/store/schema.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace {

constexpr char kBridge[] =
    "The city council voted on Monday to close the old river bridge for "
    "repairs. “We will not let the bridge fall apart while we argue about "
    "money,” said Mayor Lena Okafor, who pushed for the vote. Engineers found "
    "cracks in two of the four supports last winter, and the repairs will "
    "take eight months. About 30 homes near the bridge lost power during the "
    "inspection.";

constexpr char kMarket[] =
    "Farmers at the Saturday market said prices for apples rose sharply this "
    "autumn after a late frost damaged the orchards in the hills. Several "
    "stalls sold out before noon, and the market manager said she would ask "
    "the council for more space next year to cope with the crowds of "
    "visitors from nearby towns.";

Span Find(const Document& d, std::string_view s, size_t from = 0) {
  size_t p = d.text.find(s, from);
  EXPECT_NE(p, std::string::npos) << s;
  if (p == std::string::npos) return {};
  return {static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
}

Document MakeDoc(std::string id, std::string site, std::string date,
                 std::string text) {
  Document d;
  d.id = std::move(id);
  d.site = std::move(site);
  d.published = std::move(date);
  d.title = "Title of " + d.id;
  d.url = "https://example.org/" + d.id;
  d.text = std::move(text);
  return d;
}

void AddQuote(Document* d, std::string_view content, std::string_view cue,
              std::string_view mention, std::string name,
              QuoteKind kind = QuoteKind::kDirect) {
  Attribution a;
  a.content = Find(*d, content);
  if (!cue.empty()) a.cue = Find(*d, cue);
  if (!mention.empty()) a.speaker = Find(*d, mention);
  a.speaker_name = std::move(name);
  a.kind = kind;
  a.score = 0.9f;
  d->quotes.push_back(a);
}

void AddClaim(Document* d, std::string_view span, double value,
              std::string_view counted, std::string source) {
  Claim c;
  c.span = Find(*d, span);
  c.value = value;
  c.counted = Find(*d, counted);
  c.source_name = std::move(source);
  d->claims.push_back(c);
}

void AddEntity(Document* d, std::string_view name, EntityLabel label) {
  Entity e;
  e.span = Find(*d, name);
  e.label = label;
  d->entities.push_back(e);
}

IngestRecord Rec(Document d) {
  IngestRecord r;
  r.features = ComputeFeatures(d, d.text, CorpusOptions());
  r.doc = std::move(d);
  return r;
}

std::unique_ptr<CorpusStore> OpenMemory() {
  StoreOptions o;
  o.path = ":memory:";
  auto s = OpenSqliteStore(o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(s).value();
}

// The bridge article as reported by one outlet.
Document BridgeDoc(std::string id, std::string site, std::string text) {
  Document d =
      MakeDoc(std::move(id), std::move(site), "2024-03-04", std::move(text));
  AddQuote(&d,
           "We will not let the bridge fall apart while we argue about money",
           "said", "Mayor Lena Okafor", "Lena Okafor");
  EntityGroup g;
  g.canonical = "Lena Okafor";
  g.label = EntityLabel::kPerson;
  g.roles = {"mayor"};
  d.groups.push_back(g);
  d.quotes.back().speaker_group = 0;
  Entity e;
  e.span = Find(d, "Lena Okafor");
  e.label = EntityLabel::kPerson;
  e.group = 0;
  d.entities.push_back(e);
  return d;
}

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

class OnDiskTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("whosaid_store_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const char* name) { return (dir_ / name).string(); }
  std::filesystem::path dir_;
};

// Regression: the checkpointer's own connection had never read the file,
// so SQLite took it for a non-WAL database and every checkpoint was a
// no-op: the WAL grew to the size of the whole corpus during an ingest.
TEST_F(OnDiskTest, CommittedPagesReachTheDatabaseFileWhileOpen) {
  StoreOptions o;
  o.path = Path("w.db");
  auto store = OpenSqliteStore(o);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<IngestRecord> batch;
  for (int i = 0; i < 20; ++i) {
    batch.push_back(Rec(MakeDoc(fmt::format("w{}", i), "North", "2024-01-01",
                                fmt::format("Bulletin {} about the harbour "
                                            "and the tide tables of week {}.",
                                            i, i * 7919))));
  }
  ASSERT_TRUE(store.value()->Add(batch).ok());
  // The copy runs on the checkpointer's thread: wait for it (bounded).
  uintmax_t size = 0;
  for (int i = 0; i < 500 && size <= 4096; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    size = std::filesystem::file_size(o.path);
  }
  EXPECT_GT(size, 4096u) << "no WAL frame was copied into the database file";
}

TEST_F(OnDiskTest, ReopenedStoreKeepsLinkingAcrossSessions) {
  StoreOptions o;
  o.path = Path("c.db");
  {
    auto store = OpenSqliteStore(o);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    std::vector<IngestRecord> batch;
    batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
    ASSERT_TRUE(store.value()->Add(batch).ok());
  }
  {
    auto store = OpenSqliteStore(o);
    ASSERT_TRUE(store.ok());
    std::string near = kBridge;
    near.replace(near.find("Monday"), 6, "Sunday");
    std::vector<IngestRecord> batch;
    batch.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));  // known
    batch.push_back(Rec(BridgeDoc("z9", "Evening Star", near)));     // near
    Document b = MakeDoc("b1", "Evening Star", "2024-03-05",
                         "\"We will not let the bridge fall apart while we "
                         "argue,\" Okafor said.");
    AddQuote(&b, "We will not let the bridge fall apart while we argue", "said",
             "Okafor", "Lena Okafor");
    batch.push_back(Rec(b));
    auto c = store.value()->Add(batch);
    ASSERT_TRUE(c.ok());
    EXPECT_EQ(c.value().skipped, 1u);
    EXPECT_EQ(c.value().added, 2u);
    EXPECT_EQ(c.value().duplicates, 1u);
  }
  o.read_only = true;
  auto store = OpenSqliteStore(o);
  ASSERT_TRUE(store.ok());
  auto stats = store.value()->Stats().value();
  EXPECT_EQ(stats.documents, 3u);
  EXPECT_EQ(stats.near_duplicates, 1u);
  EXPECT_EQ(stats.clusters, 1u);
  EXPECT_EQ(stats.multi_outlet_clusters, 1u);
  EXPECT_EQ(stats.speakers, 1u);
  std::vector<IngestRecord> none;
  EXPECT_FALSE(store.value()->Add(none).ok());  // read-only
}

TEST_F(OnDiskTest, OpenErrorsAreClear) {
  StoreOptions o;
  o.path = Path("missing.db");
  o.read_only = true;
  EXPECT_EQ(OpenSqliteStore(o).status().code(), Status::Code::kNotFound);

  std::ofstream(Path("junk.db")) << std::string(8192, 'x');
  o.path = Path("junk.db");
  auto r = OpenSqliteStore(o);
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("junk.db"), std::string::npos);
  o.read_only = false;
  EXPECT_EQ(OpenSqliteStore(o).status().code(), Status::Code::kCorruption);

  // A SQLite database that is not a corpus, and one from the future.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(Path("other.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  o.path = Path("other.db");
  EXPECT_EQ(OpenSqliteStore(o).status().code(), Status::Code::kCorruption);
  ASSERT_EQ(sqlite3_open(Path("future.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  o.path = Path("future.db");
  r = OpenSqliteStore(o);
  EXPECT_EQ(r.status().code(), Status::Code::kCorruption);
  EXPECT_NE(r.status().message().find("newer"), std::string::npos);

  o.path = Path("no/such/dir/x.db");
  EXPECT_EQ(OpenSqliteStore(o).status().code(), Status::Code::kIOError);

  // An empty file (what a kill before the first migration commits leaves)
  // is no corpus yet for a reader, and an ingest migrates it.
  std::ofstream(Path("empty.db")).flush();
  o.path = Path("empty.db");
  o.read_only = true;
  r = OpenSqliteStore(o);
  EXPECT_EQ(r.status().code(), Status::Code::kNotFound);
  EXPECT_NE(r.status().message().find("no corpus yet"), std::string::npos);
  o.read_only = false;
  ASSERT_TRUE(OpenSqliteStore(o).ok());
  o.read_only = true;
  EXPECT_TRUE(OpenSqliteStore(o).ok());
}

TEST_F(OnDiskTest, FullDatabaseFailsTheBatchAndKeepsEarlierOnes) {
  StoreOptions o;
  o.path = Path("full.db");
  o.max_pages = 80;  // 320 KiB
  auto store = OpenSqliteStore(o);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<IngestRecord> first;
  first.push_back(Rec(BridgeDoc("a1", "Daily Ledger", kBridge)));
  ASSERT_TRUE(store.value()->Add(first).ok());
  std::vector<IngestRecord> big;
  for (int i = 0; i < 40; ++i) {
    std::string text;
    for (int j = 0; j < 400; ++j) text += fmt::format("w{}x{} ", i, j);
    big.push_back(Rec(MakeDoc(fmt::format("big{}", i), "Bulk", "", text)));
  }
  auto r = store.value()->Add(big);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Status::Code::kIOError);
  EXPECT_NE(r.status().message().find("full"), std::string::npos);
  // Nothing of the failed batch is visible; the store still works.
  EXPECT_EQ(store.value()->Stats().value().documents, 1u);
  EXPECT_TRUE(store.value()->Check().ok());
  std::vector<IngestRecord> again;
  again.push_back(Rec(MakeDoc("m1", "Valley Post", "2024-03-05", kMarket)));
  auto ok = store.value()->Add(again);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok.value().added, 1u);
}

}  // namespace
}  // namespace whosaid

namespace whosaid {
namespace {

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

TEST_F(OnDiskTest, VersionOneCorpusIsMigrated) {
  const std::string path = Path("v1.db");
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string v1(CorpusMigrations()[0]);
    ASSERT_EQ(sqlite3_exec(db, v1.c_str(), nullptr, nullptr, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO documents(ext_id, content_hash, text, "
                           "text_hash) VALUES ('old', 1, 'Old text.', 2);"
                           "PRAGMA user_version=1;"
                           "PRAGMA application_id=1464356691;",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  StoreOptions ro;
  ro.path = path;
  ro.read_only = true;
  // A reader cannot migrate: it says how to.
  EXPECT_EQ(OpenSqliteStore(ro).status().code(), Status::Code::kCorruption);
  StoreOptions o;
  o.path = path;
  {
    auto store = OpenSqliteStore(o);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ(store.value()->Stats().value().documents, 1u);
  }
  auto store = OpenSqliteStore(ro);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(store.value()->Stats().value().schema_version,
            static_cast<int>(CorpusMigrations().size()));
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT input_delta FROM documents", -1, &st,
                               nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(st), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_type(st, 0), SQLITE_NULL);  // not kept then
  sqlite3_finalize(st);
  sqlite3_close(db);
}

}  // namespace
}  // namespace whosaid
