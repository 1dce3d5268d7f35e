// The SQLite store's write-side memory bounds (StoreOptions::cache_kib,
// speaker_cache_entries): the answers must not depend on them. Documents
// are built by hand, each with one quote by one of a few dozen speakers.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "src/corpus/features.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace {

class StoreMemoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("whosaid_store_memory_test_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }

  // Document i: one quote by speaker i*7 % 23 (names recur, out of order).
  static IngestRecord Doc(int i) {
    Document d;
    d.id = fmt::format("d{}", i);
    d.site = fmt::format("Outlet {}", i % 5);
    d.published = "2024-05-01";
    d.title = "Title " + d.id;
    const std::string content = fmt::format(
        "the ferry timetable number {} changes again next "
        "spring for every passenger",
        i);
    d.text = fmt::format("Report {} of the harbour. \"{}\", said the {}.", i,
                         content, "official");
    Attribution a;
    const auto at = static_cast<uint32_t>(d.text.find(content));
    a.content = {at, static_cast<uint32_t>(at + content.size())};
    const auto cue = static_cast<uint32_t>(d.text.find("said"));
    a.cue = {cue, cue + 4};
    a.speaker_name = fmt::format("Harbour Official {}", i * 7 % 23);
    a.kind = QuoteKind::kDirect;
    a.score = 0.9f;
    d.quotes.push_back(a);
    IngestRecord r;
    r.features = ComputeFeatures(d, d.text, CorpusOptions());
    r.doc = std::move(d);
    return r;
  }

  // Ingests documents [from, to) in batches of 4; returns the last counts.
  static WriteCounts Ingest(const StoreOptions& o, int from, int to) {
    auto store = OpenSqliteStore(o);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    WriteCounts last;
    for (int i = from; i < to; i += 4) {
      std::vector<IngestRecord> batch;
      for (int k = i; k < std::min(i + 4, to); ++k) batch.push_back(Doc(k));
      auto c = store.value()->Add(batch);
      EXPECT_TRUE(c.ok()) << c.status().ToString();
      if (c.ok()) last = c.value();
    }
    return last;
  }

  // Every row of `sql`, one line per row, columns separated by '|'.
  static std::string Rows(const std::string& path, const char* sql) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr),
              SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(db, sql, -1, &st, nullptr), SQLITE_OK);
    std::string out;
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* t = sqlite3_column_text(st, c);
        out += t ? reinterpret_cast<const char*>(t) : "NULL";
        out += '|';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }

  std::filesystem::path dir_;
};

// A speaker cache of 3 names per generation (23 speakers, recurring) gives
// the same speakers and the same quote -> speaker ids as one that keeps
// every name, across a reopen of the store; without the store look-up on
// a miss the bounded store would insert a known name again and fail on
// the UNIQUE name_key.
TEST_F(StoreMemoryTest, BoundedSpeakerCacheGivesTheSameSpeakerIds) {
  StoreOptions all;
  all.path = Path("all.db");
  all.speaker_cache_entries = 0;
  StoreOptions bounded = all;
  bounded.path = Path("bounded.db");
  bounded.speaker_cache_entries = 3;
  const WriteCounts a1 = Ingest(all, 0, 30);
  const WriteCounts b1 = Ingest(bounded, 0, 30);
  EXPECT_EQ(a1.store.speaker_reads, 0u);
  EXPECT_GT(b1.store.speaker_reads, 0u);
  EXPECT_LE(b1.store.speakers_cached, 6u);
  EXPECT_EQ(a1.store.speakers_cached, 23u);
  // A new session loads the cache from the table (bounded: partly).
  Ingest(all, 30, 60);
  const WriteCounts b2 = Ingest(bounded, 30, 60);
  EXPECT_GT(b2.store.speaker_reads, 0u);
  const char* speakers = "SELECT id, name, name_key FROM speakers ORDER BY id";
  const char* quotes = "SELECT id, doc_id, speaker_id FROM quotes ORDER BY id";
  EXPECT_EQ(Rows(all.path, speakers), Rows(bounded.path, speakers));
  EXPECT_EQ(Rows(all.path, quotes), Rows(bounded.path, quotes));
  const std::string rows = Rows(all.path, speakers);
  EXPECT_EQ(std::count(rows.begin(), rows.end(), '\n'), 23);
}

// Without a cache of stored identities, a document already stored is still
// skipped, in the same batch and in a later session.
TEST_F(StoreMemoryTest, StoredDocumentsAreFoundWithoutAnIdentityCache) {
  StoreOptions o;
  o.path = Path("ids.db");
  Ingest(o, 0, 8);
  auto store = OpenSqliteStore(o);
  ASSERT_TRUE(store.ok());
  std::vector<IngestRecord> batch;
  batch.push_back(Doc(3));
  batch.push_back(Doc(8));
  batch.push_back(Doc(8));
  auto c = store.value()->Add(batch);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c.value().skipped, 2u);
  EXPECT_EQ(c.value().added, 1u);
}

// The page cache reported after a batch stays within cache_kib (SQLite may
// hold a few pages more while a transaction spills); with the default it
// is larger on the same input.
TEST_F(StoreMemoryTest, PageCacheStaysWithinItsSize) {
  StoreOptions small;
  small.path = Path("small.db");
  small.cache_kib = 64;
  StoreOptions big = small;
  big.path = Path("big.db");
  big.cache_kib = 65536;
  const WriteCounts s = Ingest(small, 0, 400);
  const WriteCounts b = Ingest(big, 0, 400);
  EXPECT_GT(s.store.page_cache_bytes, 0u);
  EXPECT_LE(s.store.page_cache_bytes, 64u * 1024 * 2);
  EXPECT_GT(b.store.page_cache_bytes, s.store.page_cache_bytes);
  EXPECT_GT(b.store.statement_bytes, 0u);
}

}  // namespace
}  // namespace whosaid
