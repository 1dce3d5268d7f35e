// FlatMap64 and ArrayPool against std containers on the same operations.
#include "src/corpus/flat_tables.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <unordered_map>
#include <vector>

namespace whosaid {
namespace {

TEST(FlatMap64Test, BehavesLikeEmplaceIntoAnUnorderedMap) {
  FlatMap64 flat;
  std::unordered_map<uint64_t, int64_t> ref;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 200000; ++i) {
    // Small keys collide often (re-inserts); 0 is a key like any other.
    uint64_t key = i % 3 == 0 ? rng() % 5000 : rng();
    int64_t value = 1 + static_cast<int64_t>(rng() % 1000000);
    bool inserted = ref.emplace(key, value).second;
    EXPECT_EQ(flat.Insert(key, value), inserted);
  }
  EXPECT_EQ(flat.size(), ref.size());
  for (const auto& [k, v] : ref) {
    ASSERT_EQ(flat.Find(k), v);
  }
  for (int i = 0; i < 1000; ++i) {
    uint64_t key = rng();
    if (!ref.count(key)) {
      EXPECT_EQ(flat.Find(key), 0);
    }
  }
  flat.Set(ref.begin()->first, 42);
  EXPECT_EQ(flat.Find(ref.begin()->first), 42);
  EXPECT_EQ(flat.size(), ref.size());
  flat.Clear();
  EXPECT_EQ(flat.size(), 0u);
  EXPECT_EQ(flat.Find(ref.begin()->first), 0);
}

TEST(FlatMap64Test, ReplaceAndDrainSeeEveryEntryOnce) {
  FlatMap64 map;
  std::unordered_map<uint64_t, int64_t> ref;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 5000; ++i) {
    const uint64_t k = rng() % 20000;
    if (ref.emplace(k, i + 1).second) map.Insert(k, i + 1);
  }
  EXPECT_FALSE(map.Replace(uint64_t{1} << 40, 5));  // absent: not added
  for (auto& [k, v] : ref) {
    if (k % 3 == 0) {
      v = -v;
      EXPECT_TRUE(map.Replace(k, v));
    }
  }
  const size_t slots = map.memory_bytes();
  std::unordered_map<uint64_t, int64_t> drained;
  map.Drain([&](std::span<std::pair<uint64_t, int64_t>> entries) {
    std::sort(entries.begin(), entries.end());
    for (const auto& [k, v] : entries) drained.emplace(k, v);
    EXPECT_EQ(entries.size(), ref.size());
  });
  EXPECT_EQ(drained, ref);
  EXPECT_EQ(map.size(), 0u);
  EXPECT_EQ(map.memory_bytes(), slots);  // slots kept for the refill
  for (const auto& [k, v] : ref) EXPECT_EQ(map.Find(k), 0);
}

TEST(ArrayPoolTest, KeepsEveryArrayAcrossChunks) {
  ArrayPool pool;
  std::vector<std::vector<uint64_t>> arrays;
  std::vector<int64_t> handles;
  std::mt19937_64 rng(3);
  for (int i = 0; i < 5000; ++i) {
    // Mostly short arrays, some empty, a few larger than a chunk.
    size_t n = i % 997 == 0 ? 70000 : rng() % 40;
    std::vector<uint64_t> a(n);
    for (uint64_t& x : a) x = rng();
    handles.push_back(pool.Add(a));
    EXPECT_GT(handles.back(), 0);
    arrays.push_back(std::move(a));
  }
  for (size_t i = 0; i < arrays.size(); ++i) {
    auto got = pool.Get(handles[i]);
    ASSERT_EQ(got.size(), arrays[i].size());
    EXPECT_TRUE(std::equal(got.begin(), got.end(), arrays[i].begin()));
  }
}

TEST(ChunkedVectorTest, BehavesLikeAVectorAcrossChunks) {
  struct Pair {
    uint32_t a, b;
  };
  ChunkedVector<Pair> chunked;
  std::vector<Pair> ref;
  const size_t n = 3 * ChunkedVector<Pair>::kPerChunk + 17;
  for (size_t i = 0; i < n; ++i) {
    chunked.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(~i)});
    ref.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(~i)});
  }
  ASSERT_EQ(chunked.size(), ref.size());
  for (size_t i = 0; i < n; ++i) {
    ASSERT_EQ(chunked[i].a, ref[i].a);
    ASSERT_EQ(chunked[i].b, ref[i].b);
  }
  chunked[5].b = 9;
  EXPECT_EQ(chunked[5].b, 9u);
  // Memory: whole chunks, at most one of them partly used (a vector that
  // doubled would hold up to twice the size).
  EXPECT_LE(chunked.memory_bytes(),
            n * sizeof(Pair) + ChunkedVector<Pair>::kChunkBytes + 4096);
  chunked.Clear();
  EXPECT_EQ(chunked.size(), 0u);
  EXPECT_EQ(chunked.memory_bytes(), 0u);
}

TEST(ChunkedVectorTest, GrowToZeroFillsWithoutTouchingWhatIsStored) {
  ChunkedVector<uint64_t> v;
  v.GrowTo(10);
  ASSERT_EQ(v.size(), 10u);
  for (size_t i = 0; i < 10; ++i) EXPECT_EQ(v[i], 0u);
  v[3] = 33;
  // Across several chunks at once, then a no-op.
  const size_t far = 2 * ChunkedVector<uint64_t>::kPerChunk + 5;
  v.GrowTo(far + 1);
  v[far] = 7;
  v.GrowTo(4);
  ASSERT_EQ(v.size(), far + 1);
  EXPECT_EQ(v[3], 33u);
  for (size_t i = 10; i < far; ++i) ASSERT_EQ(v[i], 0u) << i;
  EXPECT_EQ(v[far], 7u);
}

// The slot array's home of `key` (the map's hash, copied) for `slots` slots.
size_t HomeIn(uint64_t key, size_t slots) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<size_t>(key) & (slots - 1);
}

// Growth re-places the entries in the same array; a probe chain broken by
// it loses keys. Checked after every doubling, with chains that run off the
// array's end before and after (keys homed in the last slots).
TEST(FlatMap64Test, GrowingInPlaceKeepsEveryKey) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 40; ++round) {
    FlatMap64 flat;
    std::unordered_map<uint64_t, int64_t> ref;
    std::vector<uint64_t> keys;
    // 60 keys homed in the last 24 of 2048 slots (so in the last 24 of
    // 1024 too): their chain wraps in both tables.
    while (keys.size() < 60) {
      const uint64_t k = rng();
      if (HomeIn(k, 2048) >= 2048 - 24) keys.push_back(k);
    }
    while (keys.size() < 20000) keys.push_back(rng() % (1u << 20));
    std::shuffle(keys.begin() + 30, keys.end(), rng);
    size_t last_bytes = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
      const int64_t value = static_cast<int64_t>(i) + 1;
      EXPECT_EQ(flat.Insert(keys[i], value),
                ref.emplace(keys[i], value).second);
      if (flat.memory_bytes() != last_bytes) {  // just doubled
        last_bytes = flat.memory_bytes();
        for (const auto& [k, v] : ref) ASSERT_EQ(flat.Find(k), v) << i;
      }
    }
    EXPECT_EQ(flat.size(), ref.size());
    for (const auto& [k, v] : ref) ASSERT_EQ(flat.Find(k), v);
    size_t seen = 0;
    flat.ForEach([&](uint64_t k, int64_t v) {
      ++seen;
      EXPECT_EQ(ref.at(k), v);
    });
    EXPECT_EQ(seen, ref.size());
  }
}

TEST(FlatMap64Test, MovesOwnTheSlots) {
  FlatMap64 a;
  for (uint64_t k = 1; k <= 5000; ++k) a.Insert(k, static_cast<int64_t>(k));
  FlatMap64 b(std::move(a));
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): documented
  EXPECT_EQ(a.Find(7), 0);  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(b.Find(4321), 4321);
  FlatMap64 c;
  c.Insert(9, 9);
  c = std::move(b);
  EXPECT_EQ(c.size(), 5000u);
  EXPECT_EQ(c.Find(9), 9);
  EXPECT_EQ(c.Find(5000), 5000);
  a.Insert(3, 30);  // a moved-from map is empty and usable
  EXPECT_EQ(a.Find(3), 30);
}

}  // namespace
}  // namespace whosaid
