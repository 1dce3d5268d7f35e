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

// A bounded cache answers every key it holds with the id it was given,
// holds at most two generations, and says when it dropped one.
TEST(StringIdCacheTest, HoldsAtMostTwoGenerationsAndNeverAWrongId) {
  StringIdCache cache(100);
  std::unordered_map<std::string, int64_t> ref;
  std::mt19937_64 rng(5);
  size_t misses = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string key = "name " + std::to_string(rng() % 400);
    auto [it, added] = ref.emplace(key, static_cast<int64_t>(ref.size() + 1));
    const int64_t found = cache.Find(key);
    if (found == 0) {
      ++misses;
      cache.Insert(key, it->second);  // as the store does after its look-up
    } else {
      ASSERT_EQ(found, it->second) << key;
    }
    ASSERT_LE(cache.size(), 200u);
  }
  EXPECT_FALSE(cache.complete());  // 400 keys do not fit in 2 x 100
  EXPECT_GT(misses, 400u);         // dropped keys came back as misses
  cache.Clear();
  EXPECT_TRUE(cache.complete());
  EXPECT_EQ(cache.size(), 0u);
}

TEST(StringIdCacheTest, WithoutALimitEveryKeyStays) {
  StringIdCache cache(0);
  for (int i = 1; i <= 3000; ++i) cache.Insert("k" + std::to_string(i), i);
  for (int i = 1; i <= 3000; ++i) {
    ASSERT_EQ(cache.Find("k" + std::to_string(i)), i);
  }
  EXPECT_TRUE(cache.complete());
  EXPECT_EQ(cache.size(), 3000u);
  cache.MarkIncomplete();
  EXPECT_FALSE(cache.complete());
}

// Keys used again stay past a turn of generations; keys not used are
// dropped after two.
TEST(StringIdCacheTest, UsedKeysSurviveTheTurn) {
  StringIdCache cache(4);
  cache.Insert("hot", 1);
  for (int i = 0; i < 40; ++i) {
    cache.Insert("cold" + std::to_string(i), 100 + i);
    ASSERT_EQ(cache.Find("hot"), 1) << i;
  }
  EXPECT_EQ(cache.Find("cold0"), 0);
  EXPECT_EQ(cache.Find("cold39"), 139);
}

}  // namespace
}  // namespace whosaid
