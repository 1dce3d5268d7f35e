#include "src/corpus/link_documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cstdint>
#include <set>
#include <utility>
#include <vector>

#include "src/corpus/features.h"
#include "src/corpus/link_index.h"
#include "src/corpus/link_test_util.h"

namespace whosaid {
namespace {

using test_util::Next;

struct Doc {
  int64_t row;
  uint64_t text_hash;
  bool has_simhash;
  uint64_t simhash;
  int64_t sketch;
};

// Documents in families of near SimHashes (a few bits flipped), some
// without one, some repeating an earlier text hash.
std::vector<Doc> SyntheticDocs(int n, uint64_t seed) {
  uint64_t x = seed;
  std::vector<Doc> docs;
  for (int i = 0; i < n; ++i) {
    Doc d{i + 1, Next(&x), Next(&x) % 10 != 0, Next(&x),
          static_cast<int64_t>(Next(&x) >> 1)};
    if (!docs.empty() && Next(&x) % 3 != 0) {
      const Doc& o = docs[Next(&x) % docs.size()];
      d.simhash = o.simhash;
      for (uint64_t k = Next(&x) % 9; k > 0; --k) {
        d.simhash ^= uint64_t{1} << (Next(&x) % 64);
      }
    }
    if (!docs.empty() && Next(&x) % 50 == 0) {
      d.text_hash = docs[Next(&x) % docs.size()].text_hash;
    }
    docs.push_back(d);
  }
  return docs;
}

using Found = std::set<std::pair<int64_t, int64_t>>;

Found Near(DocumentLinks* links, uint64_t simhash, int bits) {
  Found out;
  EXPECT_TRUE(links
                  ->ForEachNear(simhash, bits,
                                [&](int64_t row, int64_t sketch) {
                                  out.emplace(row, sketch);
                                })
                  .ok());
  return out;
}

// Runs merged four at a time: every key of every run is found in its range,
// and there are at most three runs of each level.
TEST(SortedRunsTest, FindsEveryPairAcrossMerges) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  SortedRuns runs;
  uint64_t x = 5;
  std::vector<std::pair<uint64_t, uint64_t>> all;
  for (int r = 0; r < 21; ++r) {
    std::vector<std::pair<uint64_t, uint64_t>> pairs;
    for (int i = 0; i < 300 + r * 7; ++i)
      pairs.emplace_back(Next(&x), Next(&x));
    std::sort(pairs.begin(), pairs.end());
    ASSERT_TRUE(runs.Add(pairs, &file).ok());
    all.insert(all.end(), pairs.begin(), pairs.end());
  }
  // 21 runs: 5 merges of level 0 and 1 of level 1 leave 1 + 1 + 1.
  EXPECT_EQ(runs.merges(), 6u);
  EXPECT_EQ(runs.runs(), 3u);
  std::sort(all.begin(), all.end());
  for (size_t i = 0; i < all.size(); i += 13) {
    std::vector<std::pair<uint64_t, uint64_t>> got;
    ASSERT_TRUE(runs.ForEachInRange(
                        all[i].first, all[i].first, file,
                        [&](uint64_t k, uint64_t v) { got.emplace_back(k, v); })
                    .ok());
    ASSERT_EQ(got, (std::vector<std::pair<uint64_t, uint64_t>>{all[i]}));
  }
  // A range: every key in it, none outside.
  const uint64_t lo = all[100].first, hi = all[400].first;
  size_t n = 0;
  ASSERT_TRUE(runs.ForEachInRange(lo, hi, file,
                                  [&](uint64_t k, uint64_t) {
                                    EXPECT_GE(k, lo);
                                    EXPECT_LE(k, hi);
                                    ++n;
                                  })
                  .ok());
  EXPECT_EQ(n, 301u);
}

// Against a brute-force scan of every document recorded: the same exact
// rows (the first recorded for a hash) and the same near set, in memory and
// past many spills and merges.
TEST(DocumentLinksTest, BoundedAnswersAsABruteForceScan) {
  constexpr int kBits = 6;
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  DocumentLinks bounded(kBits + 1, 50, &file);
  DocumentLinks unbounded(kBits + 1, 0, nullptr);
  std::vector<Doc> seen;
  int near_found = 0;
  for (const Doc& d : SyntheticDocs(4000, 88172645463325252ull)) {
    int64_t want_exact = 0;
    for (const Doc& s : seen) {
      if (s.text_hash == d.text_hash) {
        want_exact = s.row;
        break;
      }
    }
    int64_t got = -1, got_unbounded = -1;
    ASSERT_TRUE(bounded.FindExact(d.text_hash, &got).ok());
    ASSERT_TRUE(unbounded.FindExact(d.text_hash, &got_unbounded).ok());
    ASSERT_EQ(got, want_exact);
    ASSERT_EQ(got_unbounded, want_exact);
    if (d.has_simhash) {
      Found want;
      for (const Doc& s : seen) {
        if (s.has_simhash && std::popcount(s.simhash ^ d.simhash) <= kBits) {
          want.emplace(s.row, s.sketch);
        }
      }
      ASSERT_EQ(Near(&bounded, d.simhash, kBits), want) << d.row;
      ASSERT_EQ(Near(&unbounded, d.simhash, kBits), want) << d.row;
      near_found += !want.empty();
    }
    ASSERT_TRUE(
        bounded.Add(d.row, d.text_hash, d.has_simhash, d.simhash, d.sketch)
            .ok());
    ASSERT_TRUE(
        unbounded.Add(d.row, d.text_hash, d.has_simhash, d.simhash, d.sketch)
            .ok());
    seen.push_back(d);
  }
  EXPECT_GT(near_found, 1000);
  EXPECT_EQ(bounded.spills(), 4000u / 50);
  EXPECT_EQ(unbounded.spills(), 0u);
  // 80 runs merged four at a time: at most three of each level remain.
  EXPECT_GT(bounded.merges(), 20u);
  EXPECT_LE(bounded.band_runs(), 9u);
  EXPECT_GT(bounded.reads(), 1000u);
  EXPECT_EQ(bounded.documents(), unbounded.documents());
}

// The memory of the bounded tables stops growing per document: from 20k to
// 80k documents it grows by the sparse indexes only (well under a byte per
// document; the unbounded tables take ~100 bytes each).
TEST(DocumentLinksTest, MemoryDoesNotGrowPerDocument) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  DocumentLinks bounded(7, 1000, &file);
  DocumentLinks unbounded(7, 0, nullptr);
  std::vector<Doc> docs = SyntheticDocs(80000, 42);
  size_t at_20k = 0, unbounded_at_20k = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const Doc& d = docs[i];
    ASSERT_TRUE(
        bounded.Add(d.row, d.text_hash, d.has_simhash, d.simhash, d.sketch)
            .ok());
    ASSERT_TRUE(
        unbounded.Add(d.row, d.text_hash, d.has_simhash, d.simhash, d.sketch)
            .ok());
    if (i + 1 == 20000) {
      at_20k = bounded.memory_bytes();
      unbounded_at_20k = unbounded.memory_bytes();
    }
  }
  const size_t growth = bounded.memory_bytes() - at_20k;
  EXPECT_LT(growth, 60000u) << growth;  // < 1 byte per document
  EXPECT_GT(unbounded.memory_bytes() - unbounded_at_20k, 60000u * 50);
  // A lookup still finds a document of the first spill.
  const Doc& first = *std::find_if(docs.begin(), docs.end(),
                                   [](const Doc& d) { return d.has_simhash; });
  EXPECT_EQ(Near(&bounded, first.simhash, 0).count({first.row, first.sketch}),
            1u);
}

// A text hash recorded again after its first record went to the file keeps
// the first row, as the in-memory table does.
TEST(DocumentLinksTest, TheFirstRowOfAHashStaysAcrossASpill) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  DocumentLinks links(7, 2, &file);
  ASSERT_TRUE(links.Add(10, 777, false, 0, 0).ok());
  ASSERT_TRUE(links.Add(11, 778, true, 5, 9).ok());  // spills both
  EXPECT_EQ(links.spills(), 1u);
  ASSERT_TRUE(links.Add(12, 777, false, 0, 0).ok());
  int64_t row = 0;
  ASSERT_TRUE(links.FindExact(777, &row).ok());
  EXPECT_EQ(row, 10);
  EXPECT_EQ(links.documents(), 2u);
  EXPECT_EQ(Near(&links, 5, 0), (Found{{11, 9}}));
  links.Clear();
  ASSERT_TRUE(links.FindExact(777, &row).ok());
  EXPECT_EQ(row, 0);
  EXPECT_TRUE(Near(&links, 5, 0).empty());
}

// Merged runs give their disk space back; the values around them still
// read back.
TEST(DocumentLinksTest, DiscardKeepsTheRestOfTheFile) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  std::vector<uint64_t> a(400000);
  for (size_t i = 0; i < a.size(); ++i) a[i] = i;
  uint64_t at = 0;
  ASSERT_TRUE(file.Append(a, &at).ok());
  file.Discard(1000, 200000);
  uint64_t v[2];
  ASSERT_TRUE(file.Read(999, {v, 1}).ok());
  EXPECT_EQ(v[0], 999u);
  ASSERT_TRUE(file.Read(200000 + 1000, {v, 2}).ok());
  EXPECT_EQ(v[0], 201000u);
  EXPECT_EQ(v[1], 201001u);
}

// The link index with documents spilled early answers as the one with all
// of them in memory.
TEST(DocumentLinksTest, LinkIndexWithDocumentsInTheFileAnswersTheSame) {
  CorpusOptions all_in_memory;
  all_in_memory.link_memory_documents = 0;
  CorpusOptions bounded_opt;
  bounded_opt.link_memory_documents = 7;
  LinkIndex unbounded(all_in_memory), bounded(bounded_opt);
  uint64_t x = 1234567;
  std::vector<DocumentFeatures> docs;
  int near = 0, exact = 0;
  for (int i = 0; i < 600; ++i) {
    int source;
    DocumentFeatures f =
        test_util::RandomDocumentFeatures(docs, i, &x, &source);
    f.has_simhash = i % 11 != 0;
    // Some near copies are exact copies of the text.
    if (source >= 0 && i % 17 == 0) f.text_hash = docs[source].text_hash;
    docs.push_back(f);
    bool e1 = false, e2 = false;
    const int64_t want = unbounded.FindDuplicate(f, &e1);
    ASSERT_EQ(bounded.FindDuplicate(f, &e2), want) << i;
    ASSERT_EQ(e1, e2);
    near += want != 0 && !e1;
    exact += e1;
    if (want == 0) {
      unbounded.AddDocument(i + 1, f);
      bounded.AddDocument(i + 1, f);
    }
  }
  ASSERT_TRUE(bounded.status().ok());
  EXPECT_GT(near, 50);
  EXPECT_GT(exact, 5);
  EXPECT_GT(bounded.counters().document_spills, 20u);
  EXPECT_EQ(unbounded.counters().document_spills, 0u);
  EXPECT_EQ(bounded.documents(), unbounded.documents());
}

}  // namespace
}  // namespace whosaid
