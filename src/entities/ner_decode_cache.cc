// TypeCache: the out-of-line methods (see ner_decode_cache.h).
#include "src/entities/ner_decode_cache.h"

#include <algorithm>
#include <cstring>

namespace whosaid::ner::decode_internal {

void TypeCache::Reset(uint64_t id, int num_stages) {
  model_id = id;
  stages = num_stages;
  capacity = 1u << (kTypeCacheLog2 - (num_stages > 1 ? 1 : 0));
  slots.assign(2 * capacity, 0);
  entries.resize(capacity);
  hits.assign(capacity, 0);
  triple_vecs.assign(num_stages > 1 ? kTriples * kNumLabels : 0, 0);
  triple_done.assign(num_stages > 1 ? kTriples : 0, 0);
  vecs.assign(static_cast<size_t>(capacity) * NarrowStride(stages), 0);
  wide_of.assign(capacity, 0);
  wide.clear();
  used = 0;
}

void TypeCache::Evict() {
  const size_t stride = NarrowStride(stages);
  const size_t wide_stride = static_cast<size_t>(stages) * kVecs;
  uint32_t threshold = 1;
  for (;;) {
    uint32_t kept = 0;
    for (uint32_t e = 0; e < used; ++e) kept += hits[e] >= threshold;
    if (kept <= capacity / 2) break;
    threshold *= 2;
  }
  std::fill(slots.begin(), slots.end(), 0);
  const uint32_t mask = static_cast<uint32_t>(slots.size() - 1);
  uint32_t j = 0;
  uint32_t nwide = 0;
  for (uint32_t e = 0; e < used; ++e) {
    if (hits[e] < threshold) continue;
    if (wide_of[e] != 0) {
      // Kept wide vectors move down in `wide` (never past their source).
      size_t from = static_cast<size_t>(wide_of[e] - 1) * wide_stride;
      if (from != nwide * wide_stride) {
        std::memmove(&wide[nwide * wide_stride], &wide[from],
                     wide_stride * sizeof(int32_t));
      }
      wide_of[j] = ++nwide;
    } else {
      wide_of[j] = 0;
    }
    if (j != e) {
      entries[j] = entries[e];
      std::memcpy(&vecs[j * stride], &vecs[e * stride],
                  stride * sizeof(int16_t));
    }
    hits[j] = hits[e] / 2;
    uint32_t s = static_cast<uint32_t>(entries[j].hash) & mask;
    while (slots[s] != 0) s = (s + 1) & mask;
    slots[s] = j + 1;
    ++j;
  }
  used = j;
  wide.resize(nwide * wide_stride);
}

void TypeCache::Store(uint32_t e, const int32_t* v) {
  const size_t n = static_cast<size_t>(stages) * kVecs;
  bool fits = true;
  for (size_t k = 0; k < n; ++k) {
    fits &= v[k] >= INT16_MIN && v[k] <= INT16_MAX;
  }
  if (fits) {
    int16_t* dst = &vecs[static_cast<size_t>(e) * NarrowStride(stages)];
    for (size_t k = 0; k < n; ++k) dst[k] = static_cast<int16_t>(v[k]);
    wide_of[e] = 0;
  } else {
    wide_of[e] = static_cast<uint32_t>(wide.size() / n + 1);
    wide.insert(wide.end(), v, v + n);
  }
}

}  // namespace whosaid::ner::decode_internal
