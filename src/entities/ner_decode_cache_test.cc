// TypeCache (ner_decode_cache.h): vectors come back as stored, as int16
// when they fit and as int32 when not, and Evict() keeps the used entries
// with their vectors and slots.
#include "src/entities/ner_decode_cache.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace whosaid::ner::decode_internal {
namespace {

// Inserts a new entry of hash `h` as the decoder's Lookup() does; returns
// its index.
uint32_t Insert(TypeCache* c, uint64_t h) {
  const uint32_t mask = static_cast<uint32_t>(c->slots.size() - 1);
  uint32_t s = static_cast<uint32_t>(h) & mask;
  while (c->slots[s] != 0) s = (s + 1) & mask;
  uint32_t e = c->used++;
  c->slots[s] = e + 1;
  c->hits[e] = 0;
  c->entries[e].hash = h;
  return e;
}

// The entry of hash `h`, or -1.
int64_t Find(const TypeCache& c, uint64_t h) {
  const uint32_t mask = static_cast<uint32_t>(c.slots.size() - 1);
  for (uint32_t s = static_cast<uint32_t>(h) & mask; c.slots[s] != 0;
       s = (s + 1) & mask) {
    if (c.entries[c.slots[s] - 1].hash == h) return c.slots[s] - 1;
  }
  return -1;
}

std::vector<int32_t> Vectors(int stages, int32_t base) {
  std::vector<int32_t> v(static_cast<size_t>(stages) * kVecs);
  for (size_t k = 0; k < v.size(); ++k) {
    v[k] = base + static_cast<int32_t>(k % 97) - 48;
  }
  return v;
}

// Reads back the vectors of entry e through Ref() and AddVector().
std::vector<int32_t> ReadBack(const TypeCache& c, uint32_t e) {
  std::vector<int32_t> out(static_cast<size_t>(c.stages) * kVecs, 0);
  VecRef r = c.Ref(e);
  for (int st = 0; st < c.stages; ++st) {
    for (int index = 0; index < kVecs / kNumLabels; ++index) {
      AddVector(r, st, index, &out[st * kVecs + index * kNumLabels]);
    }
  }
  return out;
}

TEST(TypeCache, StoresNarrowAndWideVectorsExactly) {
  for (int stages = 1; stages <= NerModel::kMaxStages; ++stages) {
    TypeCache c;
    c.Reset(7, stages);
    EXPECT_EQ(c.model_id, 7u);
    EXPECT_EQ(c.capacity, 1u << (kTypeCacheLog2 - (stages > 1 ? 1 : 0)));
    std::vector<int32_t> small = Vectors(stages, 100);
    std::vector<int32_t> big = Vectors(stages, 40000);  // beyond int16
    uint32_t a = Insert(&c, 11);
    uint32_t b = Insert(&c, 13);
    c.Store(a, small.data());
    c.Store(b, big.data());
    EXPECT_NE(c.Ref(a).narrow, nullptr);
    EXPECT_EQ(c.Ref(a).wide, nullptr);
    EXPECT_EQ(c.Ref(b).narrow, nullptr);
    EXPECT_NE(c.Ref(b).wide, nullptr);
    EXPECT_EQ(ReadBack(c, a), small);
    EXPECT_EQ(ReadBack(c, b), big);
  }
}

TEST(TypeCache, EvictKeepsTheUsedEntriesWithTheirVectors) {
  TypeCache c;
  c.Reset(1, 2);
  const uint64_t hashes[] = {21, 22, 23, 24, 25};
  const uint32_t hits[] = {0, 5, 0, 9, 3};
  std::vector<std::vector<int32_t>> vecs;
  for (int k = 0; k < 5; ++k) {
    uint32_t e = Insert(&c, hashes[k]);
    // Entries 1 and 3 wide, the others narrow.
    vecs.push_back(Vectors(2, k % 2 ? 50000 + k : 10 * k));
    c.Store(e, vecs.back().data());
    c.hits[e] = hits[k];
  }
  c.Evict();
  ASSERT_EQ(c.used, 3u);
  for (int k = 0; k < 5; ++k) {
    int64_t e = Find(c, hashes[k]);
    if (hits[k] == 0) {
      EXPECT_EQ(e, -1) << k;
      continue;
    }
    ASSERT_GE(e, 0) << k;
    EXPECT_EQ(c.hits[e], hits[k] / 2) << k;
    EXPECT_EQ(ReadBack(c, static_cast<uint32_t>(e)), vecs[k]) << k;
  }
  // Only the kept wide vectors remain.
  EXPECT_EQ(c.wide.size(), 2u * 2 * kVecs);
}

}  // namespace
}  // namespace whosaid::ner::decode_internal
