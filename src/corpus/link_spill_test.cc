#include "src/corpus/link_spill.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "src/corpus/features.h"
#include "src/corpus/link_index.h"
#include "src/corpus/link_test_util.h"

namespace whosaid {
namespace {

using test_util::Next;

TEST(SpillFileTest, ReadsBackBufferedAndFlushedValues) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  std::vector<uint64_t> a(300000), b = {7, 8, 9};
  for (size_t i = 0; i < a.size(); ++i) a[i] = i * 3;
  uint64_t at_a = 0, at_b = 0;
  ASSERT_TRUE(file.Append(a, &at_a).ok());  // flushed (> 1 MiB)
  ASSERT_TRUE(file.Append(b, &at_b).ok());  // still buffered
  EXPECT_EQ(at_b, a.size());
  std::vector<uint64_t> out(4);
  // A read across the flushed part and the buffer.
  ASSERT_TRUE(file.Read(at_b - 1, out).ok());
  EXPECT_EQ(out, (std::vector<uint64_t>{a.back(), 7, 8, 9}));
  ASSERT_TRUE(file.Read(12345, {out.data(), 1}).ok());
  EXPECT_EQ(out[0], 12345u * 3);
  EXPECT_FALSE(file.Read(at_b + 1, out).ok());  // past the end
  ASSERT_TRUE(file.Truncate().ok());
  EXPECT_EQ(file.size(), 0u);
}

TEST(SpillFileTest, AMissingDirectoryIsAnError) {
  SpillFile file;
  EXPECT_FALSE(file.Open("/nonexistent/whosaid-dir").ok());
}

TEST(SpilledFingerprintsTest, FindsEveryKeyOfEveryRunAndNoOther) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  SpilledFingerprints spilled(256);  // tiny filter: many false positives
  uint64_t x = 88172645463325252ull;
  std::vector<std::pair<uint64_t, int64_t>> all;
  for (int run = 0; run < 3; ++run) {
    std::vector<std::pair<uint64_t, int64_t>> pairs;
    for (int i = 0; i < 1000 + run * 517; ++i) {
      pairs.emplace_back(Next(&x), run * 10000 + i + 1);
    }
    all.insert(all.end(), pairs.begin(), pairs.end());
    ASSERT_TRUE(spilled.AddRun(&pairs, &file).ok());
  }
  for (const auto& [k, v] : all) {
    int64_t got = 0;
    ASSERT_TRUE(spilled.Find(k, file, &got).ok());
    ASSERT_EQ(got, v);
  }
  for (int i = 0; i < 1000; ++i) {
    int64_t got = 1;
    ASSERT_TRUE(spilled.Find(Next(&x), file, &got).ok());
    ASSERT_EQ(got, 0);
  }
  EXPECT_GT(spilled.reads(), all.size());
}

// The filter sized to the spilled keys grows with them (rebuilt from the
// runs), finds every key, and lets few absent keys through: one sized for
// the first run only would hold ~5 bits per key by the fourth and let
// about a tenth of the absent keys through to a block read.
TEST(SpilledFingerprintsTest, AFilterSizedToTheKeysGrowsWithThem) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  SpilledFingerprints spilled(size_t{1} << 20, 24);
  EXPECT_EQ(spilled.bloom_bytes(), 0u);
  uint64_t x = 0x9E3779B97F4A7C15ull;
  std::vector<std::pair<uint64_t, int64_t>> all;
  size_t previous_bytes = 0;
  for (int run = 0; run < 4; ++run) {
    std::vector<std::pair<uint64_t, int64_t>> pairs;
    for (int i = 0; i < 2000 * (run + 1); ++i) {
      pairs.emplace_back(Next(&x), run * 100000 + i + 1);
    }
    all.insert(all.end(), pairs.begin(), pairs.end());
    ASSERT_TRUE(spilled.AddRun(&pairs, &file).ok());
    // 24 bits a key, in 64-byte blocks, sized when the keys grew by half.
    EXPECT_GE(spilled.bloom_bytes(), previous_bytes);
    EXPECT_GE(spilled.bloom_bytes() * 8 * 3, all.size() * 24 * 2 - 512 * 3);
    EXPECT_LE(spilled.bloom_bytes() * 8, all.size() * 24);
    previous_bytes = spilled.bloom_bytes();
  }
  for (const auto& [k, v] : all) {
    int64_t got = 0;
    ASSERT_TRUE(spilled.Find(k, file, &got).ok());
    ASSERT_EQ(got, v);
  }
  const uint64_t reads = spilled.reads();
  for (int i = 0; i < 20000; ++i) {
    int64_t got = 1;
    ASSERT_TRUE(spilled.Find(Next(&x), file, &got).ok());
    ASSERT_EQ(got, 0);
  }
  EXPECT_LT(spilled.reads() - reads, 100u);  // ~3e-4 of 20,000 expected
}

TEST(SpilledFingerprintsTest, AFilterIsNeverLargerThanItsLimit) {
  SpillFile file;
  ASSERT_TRUE(file.Open("").ok());
  for (size_t bits : {size_t{0}, size_t{24}}) {
    SpilledFingerprints spilled(4096, bits);
    uint64_t x = 7;
    std::vector<std::pair<uint64_t, int64_t>> pairs;
    for (int i = 0; i < 5000; ++i) pairs.emplace_back(Next(&x), i + 1);
    ASSERT_TRUE(spilled.AddRun(&pairs, &file).ok());
    EXPECT_EQ(spilled.bloom_bytes(), 4096u);  // 0 bits: the limit at once
    for (const auto& [k, v] : pairs) {
      int64_t got = 0;
      ASSERT_TRUE(spilled.Find(k, file, &got).ok());
      ASSERT_EQ(got, v);
    }
  }
}

// "w<n> " (appended piecewise: GCC 12 warns falsely on "w" + std::string).
void AddWord(uint64_t n, std::string* q) {
  q->push_back('w');
  q->append(std::to_string(n));
  q->push_back(' ');
}

// Quotes made of overlapping runs of a small vocabulary, so that many join
// clusters, some through fingerprints and representatives long evicted.
std::vector<std::string> SyntheticQuotes(int n) {
  std::vector<std::string> base;
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 400; ++i) {
    std::string q;
    const int words = 8 + static_cast<int>(Next(&x) % 20);
    for (int w = 0; w < words; ++w) {
      AddWord(Next(&x) % 3000, &q);
    }
    base.push_back(q);
  }
  std::vector<std::string> out;
  for (int i = 0; i < n; ++i) {
    const std::string& b = base[Next(&x) % base.size()];
    // A truncation or an extension of a base quote, or a new one.
    switch (Next(&x) % 4) {
      case 0:
        out.push_back(b.substr(0, b.size() * 2 / 3));
        break;
      case 1:
        out.push_back(b);
        AddWord(Next(&x) % 3000, &out.back());
        break;
      case 2:
        out.push_back(b);
        break;
      default: {
        std::string q;
        for (int w = 0; w < 12; ++w) {
          AddWord(Next(&x) % 3000, &q);
        }
        out.push_back(q);
      }
    }
  }
  return out;
}

// Representatives are located by a prefix sum over ids written in order;
// ids out of order, gaps between ids, and quotes of more than 254 shingles
// take the other way (a map). Both must answer as the unbounded index.
void ExpectOutOfOrderRepresentativesAnswerAsUnbounded(
    const CorpusOptions& bounded_opt, uint64_t min_cluster_reads) {
  CorpusOptions unbounded_opt;
  unbounded_opt.link_memory_fingerprints = 0;
  unbounded_opt.link_memory_representatives = 0;
  LinkIndex unbounded(unbounded_opt), bounded(bounded_opt);
  uint64_t x = 99;
  std::vector<std::string> quotes = SyntheticQuotes(3000);
  for (size_t i = 0; i < quotes.size(); i += 37) {
    std::string q = quotes[i];  // long: > 254 shingles
    for (int w = 0; w < 300; ++w) AddWord(Next(&x) % 3000, &q);
    quotes.push_back(quotes[i + 1]);  // then joined through its start
    quotes[i] = q;
  }
  int64_t high = 100000, low = 50000, joined = 0, long_joined = 0;
  for (const std::string& text : quotes) {
    QuoteFeatures q = ComputeQuoteFeatures(text, unbounded_opt);
    const int64_t want = unbounded.FindCluster(q);
    ASSERT_EQ(bounded.FindCluster(q), want) << text;
    ASSERT_TRUE(bounded.status().ok());
    joined += want != 0;
    long_joined += want != 0 && q.shingles.size() > 254;
    // New ids mostly rising with gaps, every fifth one below them all.
    const int64_t cluster = want != 0           ? want
                            : Next(&x) % 5 == 0 ? low--
                                                : (high += 1 + Next(&x) % 3);
    unbounded.AddQuote(cluster, q);
    bounded.AddQuote(cluster, q);
  }
  EXPECT_GT(joined, 1000);
  EXPECT_GT(long_joined, 0);
  EXPECT_GT(bounded.reads(), 1000u);
  EXPECT_GE(bounded.counters().cluster_reads, min_cluster_reads);
}

TEST(LinkIndexSpillTest, RepresentativesOutOfIdOrderAnswerAsTheUnboundedOne) {
  CorpusOptions bounded_opt;
  bounded_opt.link_memory_representatives = 100;  // most are read back
  ExpectOutOfOrderRepresentativesAnswerAsUnbounded(bounded_opt, 0);
}

// The same with the sizes of all but ~128 cluster ids in the file: those
// blocks are final, ids marked elsewhere below them are found in the map.
TEST(LinkIndexSpillTest, ClusterSizesInTheFileAnswerAsTheUnboundedOne) {
  CorpusOptions bounded_opt;
  bounded_opt.link_memory_representatives = 100;
  bounded_opt.link_memory_clusters = 128;
  ExpectOutOfOrderRepresentativesAnswerAsUnbounded(bounded_opt, 100);
}

TEST(LinkIndexSpillTest, BoundedIndexAnswersAsTheUnboundedOne) {
  CorpusOptions unbounded_opt;
  unbounded_opt.link_memory_fingerprints = 0;
  unbounded_opt.link_memory_representatives = 0;
  CorpusOptions bounded_opt;
  bounded_opt.link_memory_fingerprints = 64;
  bounded_opt.link_memory_representatives = 100;
  bounded_opt.link_bloom_bytes = 512;
  LinkIndex unbounded(unbounded_opt), bounded(bounded_opt);

  for (int round = 0; round < 2; ++round) {  // the second after Clear()
    int64_t next_cluster = 1, joined = 0;
    for (const std::string& text : SyntheticQuotes(3000)) {
      QuoteFeatures q = ComputeQuoteFeatures(text, unbounded_opt);
      const int64_t want = unbounded.FindCluster(q);
      ASSERT_EQ(bounded.FindCluster(q), want) << text;
      ASSERT_TRUE(bounded.status().ok());
      const int64_t cluster = want != 0 ? want : next_cluster++;
      joined += want != 0;
      unbounded.AddQuote(cluster, q);
      bounded.AddQuote(cluster, q);
    }
    EXPECT_GT(joined, 1000);
    EXPECT_GT(bounded.spilled_fingerprints(), 1000u);
    EXPECT_GT(bounded.reads(), 1000u);
    // Candidates in the file that could not beat a full match were not
    // read, and the answers above stayed the unbounded index's.
    EXPECT_GT(bounded.representatives_skipped(), 0u);

    // Documents: near duplicates whose sketches are only in the file.
    uint64_t x = 1234567;
    std::vector<DocumentFeatures> docs;
    for (int i = 0; i < 300; ++i) {
      int source;
      const DocumentFeatures f =
          test_util::RandomDocumentFeatures(docs, i, &x, &source);
      docs.push_back(f);
      bool e1 = false, e2 = false;
      const int64_t want = unbounded.FindDuplicate(f, &e1);
      ASSERT_EQ(bounded.FindDuplicate(f, &e2), want) << i;
      ASSERT_EQ(e1, e2);
      if (want == 0) {
        unbounded.AddDocument(i + 1, f);
        bounded.AddDocument(i + 1, f);
      }
    }
    ASSERT_TRUE(bounded.status().ok());
    unbounded.Clear();
    bounded.Clear();
  }
}

// A spill keeps the fingerprints found since they entered memory, read
// back from the run it wrote (one bit per spilled entry says which), with
// their clusters: finding those quotes again reads no fingerprint block
// that holds the key, where an index that keeps none reads one for each.
TEST(LinkIndexSpillTest, UsedFingerprintsStayInMemoryAcrossASpill) {
  CorpusOptions unbounded_opt;
  unbounded_opt.link_memory_fingerprints = 0;
  unbounded_opt.link_memory_representatives = 0;
  std::vector<QuoteFeatures> first, later;
  uint64_t x = 77;
  auto quote = [&x](int words) {
    std::string q;
    for (int w = 0; w < words; ++w) AddWord(Next(&x) % 100000, &q);
    return q;
  };
  for (int i = 0; i < 200; ++i) {
    first.push_back(ComputeQuoteFeatures(quote(20), unbounded_opt));
  }
  for (int i = 0; i < 6000; ++i) {
    later.push_back(ComputeQuoteFeatures(quote(20), unbounded_opt));
  }
  uint64_t found[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    CorpusOptions opt;
    opt.link_memory_fingerprints = 8000;
    opt.link_keep_used_fingerprints = k == 0 ? 0 : 4000;
    opt.link_memory_representatives = 100000;
    LinkIndex unbounded(unbounded_opt), bounded(opt);
    int64_t cluster = 0;
    for (const QuoteFeatures& q : first) {
      ++cluster;
      unbounded.AddQuote(cluster, q);
      bounded.AddQuote(cluster, q);
    }
    for (const QuoteFeatures& q : first) {  // marks their fingerprints used
      ASSERT_EQ(bounded.FindCluster(q), unbounded.FindCluster(q));
    }
    // Fills memory up to one spill (a second one would spill the kept
    // fingerprints too: they are no longer marked).
    for (const QuoteFeatures& q : later) {
      ++cluster;
      unbounded.AddQuote(cluster, q);
      bounded.AddQuote(cluster, q);
      if (bounded.counters().fingerprint_spills == 1) break;
    }
    ASSERT_EQ(bounded.counters().fingerprint_spills, 1u);
    const uint64_t before = bounded.counters().fingerprint_found;
    for (const QuoteFeatures& q : first) {
      const int64_t want = unbounded.FindCluster(q);
      EXPECT_NE(want, 0);
      ASSERT_EQ(bounded.FindCluster(q), want);
    }
    ASSERT_TRUE(bounded.status().ok());
    found[k] = bounded.counters().fingerprint_found - before;
    if (k == 1) {
      EXPECT_GT(bounded.counters().fingerprints_kept, 200u);
    }
  }
  EXPECT_GT(found[0], 200u);  // keeping none: each found in the file
  EXPECT_EQ(found[1], 0u);    // all kept in memory
}

// The near-duplicate index keeps SimHash bands in chunked tables (8 bytes
// per band and document) and representative locations in a chunked table
// by cluster id: across many chunks its answers are those of a brute-force
// scan (near duplicates) and of the in-memory index (clusters with ids far
// apart, so the location table grows by several chunks at once).
TEST(LinkIndexSpillTest, ChunkedTablesAnswerAsABruteForceScan) {
  CorpusOptions opt;
  opt.link_memory_representatives = 100;  // representatives in the file
  CorpusOptions all_in_memory;
  all_in_memory.link_memory_fingerprints = 0;
  all_in_memory.link_memory_representatives = 0;
  LinkIndex index(opt), reference(all_in_memory);
  struct Stored {
    int64_t row;
    DocumentFeatures f;
  };
  std::vector<Stored> stored;
  uint64_t x = 99;
  // Few distinct high bits: long chains in every band.
  std::vector<uint64_t> bases;
  for (int i = 0; i < 8; ++i) bases.push_back(Next(&x));
  const int kDocs = 12000;  // 7 bands x 12,000 entries: several chunks
  int found = 0;
  for (int i = 0; i < kDocs; ++i) {
    DocumentFeatures f;
    f.text_hash = Next(&x);
    f.has_simhash = true;
    f.simhash = bases[Next(&x) % bases.size()];
    const int flips = static_cast<int>(Next(&x) % 12);
    for (int k = 0; k < flips; ++k) f.simhash ^= uint64_t{1} << (Next(&x) % 64);
    const uint64_t topic = Next(&x) % 40;
    for (uint64_t k = 0; k < 8; ++k) {
      f.sketch.push_back(k < 6 ? topic * 100 + k : Next(&x));
    }
    std::sort(f.sketch.begin(), f.sketch.end());
    int64_t want = 0;
    double best = -1;
    for (const Stored& s : stored) {
      if (HammingDistance(s.f.simhash, f.simhash) > opt.near_duplicate_bits) {
        continue;
      }
      const double j = SketchJaccard(f.sketch, s.f.sketch);
      if (j < opt.near_duplicate_jaccard) continue;
      if (j > best || (j == best && s.row < want)) best = j, want = s.row;
    }
    bool exact = true;
    ASSERT_EQ(index.FindDuplicate(f, &exact), want) << i;
    EXPECT_FALSE(exact);
    found += want != 0;
    if (want == 0 && i % 5 != 0) {  // some rows left out: ids with gaps
      index.AddDocument(i + 1, f);
      stored.push_back({i + 1, f});
    }
  }
  EXPECT_GT(found, 100);
  EXPECT_GT(stored.size(), 1000u);

  int64_t next_cluster = 1;
  for (const std::string& text : SyntheticQuotes(2000)) {
    QuoteFeatures q = ComputeQuoteFeatures(text, opt);
    const int64_t want = reference.FindCluster(q);
    ASSERT_EQ(index.FindCluster(q), want) << text;
    const int64_t cluster = want != 0 ? want : (next_cluster += 331);
    reference.AddQuote(cluster, q);
    index.AddQuote(cluster, q);
  }
  EXPECT_GT(index.reads(), 100u);
  ASSERT_TRUE(index.status().ok());
}

// A spill keeps the fingerprints found since they entered memory; the
// answers stay those of the unbounded index either way. (Whether it saves
// reads depends on the data: here, with limits of a few hundred, keeping
// half the table means twice the spills and runs, and more blocks read —
// 148,875 against 96,909; on the full AllSides ingest, one spill, it read
// 57 % fewer blocks: doc/performance.md.)
TEST(LinkIndexSpillTest, KeepingUsedFingerprintsKeepsTheAnswers) {
  CorpusOptions unbounded_opt;
  unbounded_opt.link_memory_fingerprints = 0;
  unbounded_opt.link_memory_representatives = 0;
  std::vector<QuoteFeatures> quotes;
  for (const std::string& text : SyntheticQuotes(3000)) {
    quotes.push_back(ComputeQuoteFeatures(text, unbounded_opt));
  }
  uint64_t kept[2] = {0, 0}, spills[2] = {0, 0};
  for (int k = 0; k < 2; ++k) {
    CorpusOptions opt;
    opt.link_memory_fingerprints = 256;
    opt.link_keep_used_fingerprints = k == 0 ? 0 : 128;
    opt.link_memory_representatives = 100;
    opt.link_bloom_bytes = 4096;
    LinkIndex unbounded(unbounded_opt), bounded(opt);
    int64_t next_cluster = 1;
    for (const QuoteFeatures& q : quotes) {
      const int64_t want = unbounded.FindCluster(q);
      ASSERT_EQ(bounded.FindCluster(q), want);
      const int64_t cluster = want != 0 ? want : next_cluster++;
      unbounded.AddQuote(cluster, q);
      bounded.AddQuote(cluster, q);
    }
    ASSERT_TRUE(bounded.status().ok());
    const WriteCounts::LinkCounters c = bounded.counters();
    EXPECT_GT(c.fingerprint_spills, 10u);
    // The spills' CPU time (ingest --timing), the longest within the sum.
    EXPECT_GT(c.fingerprint_spill_max_seconds, 0.0);
    EXPECT_GE(c.fingerprint_spill_seconds, c.fingerprint_spill_max_seconds);
    EXPECT_LT(c.fingerprint_spill_seconds, 60.0);
    EXPECT_LE(c.fingerprint_found, c.fingerprint_blocks);
    EXPECT_LE(c.fingerprint_blocks, c.fingerprint_probes * 64);
    EXPECT_GT(c.memory_bytes, 0u);
    kept[k] = c.fingerprints_kept;
    spills[k] = c.fingerprint_spills;
  }
  EXPECT_EQ(kept[0], 0u);
  EXPECT_GT(kept[1], 0u);
  EXPECT_GT(spills[1], spills[0]);  // less room for new fingerprints
}

TEST(LinkIndexSpillTest, AnUnwritableDirectoryIsReportedNotIgnored) {
  CorpusOptions opt;
  opt.link_spill_dir = "/nonexistent/whosaid-dir";
  LinkIndex index(opt);
  QuoteFeatures q = ComputeQuoteFeatures(
      "the ferry will run every hour from the first of May", opt);
  index.AddQuote(1, q);
  EXPECT_FALSE(index.status().ok());
  EXPECT_EQ(index.FindCluster(q), 0);
}

}  // namespace
}  // namespace whosaid
