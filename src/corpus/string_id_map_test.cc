// StringIdMap against std::unordered_map<std::string, int64_t> on the same
// operations.
#include "src/corpus/string_id_map.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <unordered_map>

namespace whosaid {
namespace {

std::string RandomKey(std::mt19937_64* rng) {
  // Short keys collide often (re-inserts); some are longer than the
  // short-string buffer, a few longer than a 64 KiB chunk, one empty.
  const uint64_t r = (*rng)();
  size_t n = r % 100 == 0 ? 70000 + r % 5000 : r % 3 == 0 ? r % 4 : r % 40;
  std::string k(n, 'a');
  for (char& c : k) c = static_cast<char>('a' + (*rng)() % 3);
  return k;
}

TEST(StringIdMapTest, BehavesLikeEmplaceIntoAnUnorderedMap) {
  StringIdMap map;
  std::unordered_map<std::string, int64_t> ref;
  std::mt19937_64 rng(11);
  for (int round = 0; round < 2; ++round) {
    for (int i = 0; i < 30000; ++i) {
      const std::string key = RandomKey(&rng);
      const int64_t id = 1 + static_cast<int64_t>(rng() % 1000000);
      const bool added = ref.emplace(key, id).second;
      ASSERT_EQ(map.Insert(key, id), added) << key;
      if (i % 7 == 0) {  // look-ups interleaved with growth
        const std::string probe = RandomKey(&rng);
        auto it = ref.find(probe);
        ASSERT_EQ(map.Find(probe), it == ref.end() ? 0 : it->second);
      }
    }
    EXPECT_EQ(map.size(), ref.size());
    for (const auto& [k, v] : ref) ASSERT_EQ(map.Find(k), v) << k;
    // Keys that differ from stored ones only in the last byte or length.
    for (const auto& [k, v] : ref) {
      std::string other = k + "d";
      EXPECT_EQ(map.Find(other), ref.count(other) ? ref[other] : 0);
    }
    EXPECT_GT(map.memory_bytes(), 0u);
    map.Clear();
    ref.clear();
    EXPECT_EQ(map.Find("ab"), 0);
    EXPECT_EQ(map.size(), 0u);
  }
}

}  // namespace
}  // namespace whosaid
