#include "src/base/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace whosaid {
namespace {

bool AlignedTo(const void* p, size_t alignment) {
  return reinterpret_cast<uintptr_t>(p) % alignment == 0;
}

// Small blocks keep the 64-byte (cache-line) alignment the NER rows rely
// on; blocks from kHugePageMinBytes on start on a 2 MiB boundary (so the
// kernel can back them with huge pages) and are writable to their end.
TEST(HugePagesTest, BlocksAreAlignedAndUsable) {
  for (size_t bytes : {size_t{1}, size_t{64}, size_t{1000},
                       kHugePageMinBytes - 1, kHugePageMinBytes, kHugePageBytes,
                       kHugePageBytes + 1, 3 * kHugePageBytes + 12345}) {
    void* p = AllocateTable(bytes);
    ASSERT_NE(p, nullptr) << bytes;
    EXPECT_TRUE(AlignedTo(p, 64)) << bytes;
    if (bytes >= kHugePageMinBytes) {
      EXPECT_TRUE(AlignedTo(p, kHugePageBytes)) << bytes;
    }
    std::memset(p, 0xAB, bytes);
    EXPECT_EQ(static_cast<unsigned char*>(p)[bytes - 1], 0xAB) << bytes;
    FreeTable(p, bytes);
  }
  FreeTable(nullptr, kHugePageBytes);  // a no-op, as free(nullptr)
}

// A vector on the allocator keeps its contents while it grows across the
// size at which its blocks change from the small to the huge-page path
// (and the old block is freed by the path it was allocated with).
TEST(HugePagesTest, VectorGrowsAcrossTheThreshold) {
  std::vector<uint32_t, HugePageAllocator<uint32_t>> v;
  const size_t n = 3 * kHugePageMinBytes / sizeof(uint32_t);
  for (size_t i = 0; i < n; ++i) v.push_back(static_cast<uint32_t>(i * 7));
  bool same = true;
  for (size_t i = 0; i < n; ++i) same &= v[i] == static_cast<uint32_t>(i * 7);
  EXPECT_TRUE(same);
  EXPECT_TRUE(AlignedTo(v.data(), kHugePageBytes));
  v.resize(10);
  v.shrink_to_fit();
  EXPECT_TRUE(AlignedTo(v.data(), 64));
  EXPECT_EQ(v[9], 63u);
}

}  // namespace
}  // namespace whosaid
