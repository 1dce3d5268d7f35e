// BatchWriter: the order of a batch's steps, records that failed extraction
// skipped, caches loaded once, and what an error at each step rolls back.
#include "src/store/batch_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace whosaid {
namespace {

// Logs every step; fails the step named in `fail` (AddOne: for the record
// whose id is `fail`).
class LoggingWriter : public BatchWriter {
 public:
  Result<WriteCounts> Write(std::span<const IngestRecord> batch) {
    return WriteBatch(batch);
  }
  std::vector<std::string> log;
  std::string fail;
  bool loaded = false;

 private:
  Status Step(const std::string& name) {
    log.push_back(name);
    return fail == name ? Status::IOError(name) : Status::OK();
  }
  Status BeginBatch() override { return Step("begin"); }
  bool CachesLoaded() const override { return loaded; }
  Status LoadCaches() override {
    Status s = Step("load");
    loaded = s.ok();
    return s;
  }
  void StartBatch() override { log.push_back("start"); }
  Status AddOne(const IngestRecord& r, WriteCounts* counts) override {
    ++counts->added;
    return Step(r.doc.id);
  }
  Status WriteSpeakerLabels() override { return Step("labels"); }
  Status CommitBatch() override { return Step("commit"); }
  Status Rollback(Status s) override {
    log.push_back("rollback");
    loaded = false;
    return s;
  }
};

std::vector<IngestRecord> Records() {
  // Ids built as strings first: assigning a short literal to a string here
  // trips a false -Wrestrict warning of GCC 12 at -O2.
  std::vector<IngestRecord> batch(3);
  const std::string ids[] = {"a", "broken", "c"};
  for (size_t i = 0; i < batch.size(); ++i) batch[i].doc.id = ids[i];
  batch[1].doc.error = Status::InvalidArgument("not an article");
  return batch;
}

TEST(BatchWriterTest, WritesEveryGoodRecordInOrderInOneTransaction) {
  LoggingWriter w;
  auto counts = w.Write(Records());
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts.value().added, 2u);
  EXPECT_EQ(w.log, (std::vector<std::string>{"begin", "load", "start", "a", "c",
                                             "labels", "commit"}));
  // The caches are loaded once, by the first batch.
  w.log.clear();
  ASSERT_TRUE(w.Write(Records()).ok());
  EXPECT_EQ(w.log, (std::vector<std::string>{"begin", "start", "a", "c",
                                             "labels", "commit"}));
}

TEST(BatchWriterTest, AFailedBeginIsReturnedWithoutARollback) {
  LoggingWriter w;
  w.fail = "begin";
  auto counts = w.Write(Records());
  EXPECT_FALSE(counts.ok());
  EXPECT_EQ(w.log, (std::vector<std::string>{"begin"}));
}

TEST(BatchWriterTest, AnyLaterErrorRollsBackAndStops) {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"load", {"begin", "load", "rollback"}},
      {"a", {"begin", "load", "start", "a", "rollback"}},
      {"labels", {"begin", "load", "start", "a", "c", "labels", "rollback"}},
      {"commit",
       {"begin", "load", "start", "a", "c", "labels", "commit", "rollback"}}};
  for (const auto& [step, want] : cases) {
    LoggingWriter w;
    w.fail = step;
    auto counts = w.Write(Records());
    ASSERT_FALSE(counts.ok()) << step;
    EXPECT_EQ(counts.status().ToString(), Status::IOError(step).ToString());
    EXPECT_EQ(w.log, want) << step;
    // A rolled-back store loads its caches again with the next batch.
    EXPECT_FALSE(w.loaded) << step;
  }
}

}  // namespace
}  // namespace whosaid
