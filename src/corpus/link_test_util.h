// Test helpers for the link index's tests (link_*_test.cc): a seeded
// xorshift stream and random document features with near copies, so that a
// bounded table can be checked against an unbounded one on the same input.
// Header-only, for tests; no shared state.
#ifndef WHOSAID_SRC_CORPUS_LINK_TEST_UTIL_H_
#define WHOSAID_SRC_CORPUS_LINK_TEST_UTIL_H_

#include <algorithm>
#include <cstdint>
#include <vector>

#include "src/corpus/features.h"

namespace whosaid::test_util {

// The next value of a xorshift64 stream seeded by *x (never 0).
inline uint64_t Next(uint64_t* x) {
  *x ^= *x << 13, *x ^= *x >> 7, *x ^= *x << 17;
  return *x;
}

// Features of document i: every third one (and the first) new, the others a
// near copy of a random earlier one in `docs` (its SimHash with one bit
// flipped, most or little of its sketch kept). *source is that earlier
// document's index, or -1 for a new one. Sketches come sorted.
inline DocumentFeatures RandomDocumentFeatures(
    const std::vector<DocumentFeatures>& docs, int i, uint64_t* x,
    int* source) {
  DocumentFeatures f;
  f.text_hash = Next(x);
  f.has_simhash = true;
  *source = -1;
  if (i % 3 == 0 || docs.empty()) {
    f.simhash = Next(x);
    for (int k = 0; k < 64; ++k) f.sketch.push_back(Next(x));
  } else {
    *source = static_cast<int>(Next(x) % docs.size());
    const DocumentFeatures& o = docs[*source];
    f.simhash = o.simhash ^ (uint64_t{1} << (Next(x) % 64));
    f.sketch = o.sketch;
    // Keep most of the sketch, or little of it.
    const int keep = i % 2 ? 60 : 20;
    for (int k = keep; k < 64; ++k) f.sketch[k] = Next(x);
  }
  std::sort(f.sketch.begin(), f.sketch.end());
  return f;
}

}  // namespace whosaid::test_util

#endif  // WHOSAID_SRC_CORPUS_LINK_TEST_UTIL_H_
