// SearchQuery::max_ms: a search over its time limit fails with
// LimitExceeded (not a syntax error, not Internal), and the store keeps
// answering afterwards.
#include <gtest/gtest.h>

#include <string>

#include "src/corpus/features.h"
#include "whosaid/corpus.h"

namespace whosaid {
namespace {

TEST(SearchDeadline, SlowSearchIsLimitExceeded) {
  StoreOptions so;
  so.path = ":memory:";
  auto store = OpenSqliteStore(so);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  // Many documents of many distinct words, so that a query of short
  // prefixes has a lot to rank.
  std::vector<IngestRecord> batch;
  uint64_t x = 12345;
  for (int d = 0; d < 1500; ++d) {
    Document doc;
    doc.id = "d" + std::to_string(d);
    doc.site = "Outlet";
    for (int w = 0; w < 120; ++w) {
      x = x * 6364136223846793005ull + 1442695040888963407ull;
      std::string word;
      for (int k = 0; k < 5; ++k)
        word.push_back('a' + (x >> (20 + 5 * k)) % 26);
      doc.text += word + (w % 12 == 11 ? ". " : " ");
    }
    IngestRecord r;
    r.features = ComputeFeatures(doc, doc.text, CorpusOptions());
    r.doc = std::move(doc);
    batch.push_back(std::move(r));
  }
  auto added = store.value()->Add(batch);
  ASSERT_TRUE(added.ok()) << added.status().ToString();

  SearchQuery q;
  q.target = SearchQuery::Target::kDocuments;
  q.match = "a* OR b* OR c* OR d* OR e* OR f* OR g* OR h* OR i* OR j*";
  q.max_ms = 1;
  auto slow = store.value()->Search(q);
  ASSERT_FALSE(slow.ok());
  EXPECT_EQ(slow.status().code(), Status::Code::kLimitExceeded)
      << slow.status().ToString();

  // Without a limit the same search answers, and a later search with a
  // generous limit is not interrupted by the earlier deadline.
  q.max_ms = 0;
  auto full = store.value()->Search(q);
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_EQ(full.value().size(), q.limit);
  q.max_ms = 60000;
  q.match = "a*";
  EXPECT_TRUE(store.value()->Search(q).ok());
}

}  // namespace
}  // namespace whosaid
