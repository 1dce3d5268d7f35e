#include "src/corpus/link_clusters.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "src/corpus/link_test_util.h"
namespace whosaid {
namespace {

using test_util::Next;

// Ids rising with gaps, a few marked elsewhere: every id's size and offset
// read back the same from a bounded table (blocks in the file) as from an
// unbounded one, and the ids in memory stay within the bound.
TEST(ClusterSizesTest, BoundedAnswersAsTheUnboundedOne) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  ClusterSizes bounded(256, &file), unbounded(0, nullptr);
  uint64_t x = 7, id = 0, offset = 0;
  std::vector<uint64_t> ids;
  for (int i = 0; i < 20000; ++i) {
    id += 1 + Next(&x) % 4;
    if (Next(&x) % 10 == 0) {
      bounded.SetElsewhere(id);
      unbounded.SetElsewhere(id);
    } else {
      const auto size = static_cast<uint8_t>(1 + Next(&x) % 254);
      ASSERT_TRUE(bounded.SetInOrder(id, size, offset).ok());
      ASSERT_TRUE(unbounded.SetInOrder(id, size, offset).ok());
      offset += 1 + size;
    }
    ids.push_back(id);
    // At most the bound and two blocks of ids are in memory.
    ASSERT_LE(id + 1 - bounded.base(), 256u + 2 * ClusterSizes::kBlock);
  }
  EXPECT_GT(bounded.spills(), 100u);
  // One chunk each of sizes and block starts, and 16 bytes per spill.
  EXPECT_LE(bounded.memory_bytes(), 2u * 256 * 1024 + 16 * 1024);
  for (uint64_t k = 0; k <= id + 5; ++k) {
    uint8_t s1 = 0, s2 = 0;
    uint64_t o1 = 0, o2 = 0;
    ASSERT_TRUE(bounded.Get(k, &s1, &o1).ok());
    ASSERT_TRUE(unbounded.Get(k, &s2, &o2).ok());
    ASSERT_EQ(s1, s2) << k;
    ASSERT_EQ(o1, o2) << k;
  }
  EXPECT_GT(bounded.reads(), 1000u);
  EXPECT_EQ(unbounded.reads(), 0u);
  bounded.Clear();
  uint8_t s = 9;
  uint64_t o = 9;
  ASSERT_TRUE(bounded.Get(ids[5], &s, &o).ok());
  EXPECT_EQ(s, 0);
}

}  // namespace
}  // namespace whosaid
