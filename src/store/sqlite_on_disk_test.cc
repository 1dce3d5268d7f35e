// CorpusStore tests on SQLite files (OnDiskTest, a temporary directory per
// test): the checkpointer, linking across sessions, open errors, a full
// disk and the migration of a version-1 corpus.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "src/store/schema.h"
#include "src/store/sqlite_store_test_util.h"
#include "whosaid/corpus.h"

namespace whosaid::store_test {
namespace {

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
}  // namespace whosaid::store_test
