// NerModel::Decode() (memoised, ner_decode.cc) must give exactly the labels
// of DecodeReference() (feature by feature): with the shipped model, with
// random weights, with and without clusters, and on windows with so many
// gazetteer bits that the reference truncates its features.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "src/entities/ner_model.h"
#include "src/segment/segment.h"

namespace whosaid::ner {
namespace {

Document MakeDoc(const std::string& text) {
  Document doc;
  doc.text = text;
  Segment(SegmentOptions(), &doc);
  return doc;
}

std::vector<Document> TestDocs() {
  std::vector<std::string> texts = {
      "Prime Minister Kaito Mori of Japan met Chancellor Olaf Berg in Vienna "
      "on Monday, the ministry said. Berg told reporters the European Union "
      "would back the deal.\n\nMori said: \u201cWe agree.\u201d",
      "THE COUNCIL VOTES TODAY\n\nThe council of Lakeside voted 7-2 to fund a "
      "$4.5 million library. \u201cIt's overdue,\u201d said Maria Lopez, who "
      "chairs the parks committee. Lopez's deputy, Tomas Novak, disagreed.",
      "Alpha Beta Gamma Delta Alpha Beta Gamma Delta met Alpha in Beta. "
      "Gamma Delta Alpha said Beta Gamma won.",
      "",
      "Hello",
      "a b c d e f g h i j k l m n o p q r s t u v w x y z",
      std::string(200, 'X') +
          " said Mr. Averyveryveryverylongnamethatexceeds"
          "thekeybytes of Springfield.",
  };
  std::string big;
  for (int i = 0; i < 300; ++i) {
    big += "Officer" + std::to_string(i) + " Smith" + std::to_string(i % 17) +
           " of Town" + std::to_string(i % 5) + " spoke on day " +
           std::to_string(i) + ". ";
  }
  texts.push_back(big);
  std::vector<Document> docs;
  for (const auto& t : texts) docs.push_back(MakeDoc(t));
  return docs;
}

void ExpectSame(const NerModel& m, const std::vector<Document>& docs) {
  for (int round = 0; round < 2; ++round) {  // cold and warm type cache
    for (size_t d = 0; d < docs.size(); ++d) {
      std::vector<int> fast, ref;
      m.Decode(docs[d], &fast);
      m.DecodeReference(docs[d], &ref);
      ASSERT_EQ(fast, ref) << "doc " << d << " round " << round;
    }
  }
}

uint64_t Lower(const char* w) { return HashWord(w, true); }

// A small model with random weights; `gaz` adds entries of every type for
// the words of TestDocs() so windows carry dozens of gazetteer bits. With
// `outlier_one_in` N > 0, weights are small (|w| <= 30) but for one in N of
// +-1000, so only the word types with an outlier overflow int16 sums.
NerModel RandomModel(int stages, bool clusters, bool gaz, uint64_t seed,
                     int outlier_one_in = 0) {
  NerModel m(14);
  m.set_stages(stages);
  uint64_t x = seed;
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  size_t n = (size_t{1} << 14) * kNumLabels;
  for (int st = 0; st < stages; ++st) {
    std::vector<float>& w = m.float_weights(st);
    w.assign(n, 0.0f);
    for (size_t i = 0; i < n; ++i) {
      if (next() % 3 != 0) continue;
      if (outlier_one_in == 0 || next() % outlier_one_in == 0) {
        w[i] = static_cast<float>(next() % 2001) - 1000.0f;
      } else {
        w[i] = static_cast<float>(next() % 61) - 30.0f;
      }
    }
  }
  if (clusters) {
    for (const char* word : {"Alpha", "Beta", "the", "said", "of", "Berg"}) {
      uint16_t ids[kClusterLevels] = {static_cast<uint16_t>(next() % 50 + 1),
                                      static_cast<uint16_t>(next() % 50 + 1),
                                      static_cast<uint16_t>(next() % 50 + 1)};
      m.clusters().Insert(HashWord(word, false), ids);
    }
  }
  if (gaz) {
    const char* words[] = {"alpha", "beta", "gamma", "delta"};
    for (int len = 1; len <= 4; ++len) {
      for (int start = 0; start < 4; ++start) {
        uint64_t h[4];
        for (int k = 0; k < len; ++k) h[k] = Lower(words[(start + k) % 4]);
        m.gazetteer().InsertSequence(h, len, 0xF);
        // The external gazetteer and its words: bits of their own.
        if (len <= 3) m.external_gazetteer().InsertSequence(h, len, 0x7);
      }
    }
    for (const char* w : {"alpha", "gamma", "berg", "said"}) {
      uint64_t h = Lower(w);
      m.external_words().Insert(SequenceKey(&h, 1), 0x5);
    }
  }
  m.Finalize();
  return m;
}

TEST(NerDecode, SameAsReferenceWithShippedModel) {
  auto m =
      NerModel::LoadFile(std::string(WHOSAID_SOURCE_DIR) + "/models/ner.bin");
  if (!m.ok())
    GTEST_SKIP() << "models/ner.bin absent: " << m.status().ToString();
  ExpectSame(m.value(), TestDocs());
}

TEST(NerDecode, SameAsReferenceWithRandomWeights) {
  std::vector<Document> docs = TestDocs();
  for (int stages = 1; stages <= 2; ++stages) {
    for (int variant = 0; variant < 4; ++variant) {
      NerModel m = RandomModel(stages, variant & 1, variant & 2,
                               0x9E3779B97F4A7C15ULL + variant + 7 * stages);
      SCOPED_TRACE(testing::Message() << stages << " " << variant);
      ExpectSame(m, docs);
    }
  }
}

TEST(NerDecode, SameAsReferenceWithCandidateGate) {
  std::vector<Document> docs = TestDocs();
  for (int radius = 0; radius <= 2; ++radius) {
    for (int initial = 0; initial <= 1; ++initial) {
      NerModel m = RandomModel(radius == 1 ? 2 : 1, true, true, 11 + radius);
      m.set_gate(radius, initial != 0);
      SCOPED_TRACE(testing::Message() << radius << " " << initial);
      ExpectSame(m, docs);
    }
  }
}

TEST(NerDecode, SameAsReferenceWithDocumentFeatures) {
  std::vector<Document> docs = TestDocs();
  for (int stages = 1; stages <= 2; ++stages) {
    for (uint32_t f = 1; f <= 3; ++f) {
      NerModel m = RandomModel(stages, true, stages == 2, 31 + f + 5 * stages);
      m.set_doc_features(f);
      m.set_gate(stages == 2 ? 1 : -1, true);
      SCOPED_TRACE(testing::Message() << stages << " " << f);
      ExpectSame(m, docs);
    }
  }
}

// The feature options beyond the document features (all-caps words take
// the clusters of their capitalised form, the external gazetteer's token
// feature, longest-match marking), alone and together.
TEST(NerDecode, SameAsReferenceWithFeatureOptions) {
  std::vector<Document> docs = TestDocs();
  docs.push_back(
      MakeDoc("ALPHA BETA GAMMA DELTA MET BERG IN ALPHA .\n\n"
              "Alpha Beta Gamma said the BERG report."));
  const uint32_t options[] = {
      NerModel::kCaseClusters, NerModel::kExtToken, NerModel::kLongestMatch,
      3 | NerModel::kCaseClusters | NerModel::kExtToken |
          NerModel::kLongestMatch};
  for (int stages = 1; stages <= 2; ++stages) {
    for (uint32_t f : options) {
      NerModel m = RandomModel(stages, true, true, 53 + f + 3 * stages);
      m.set_doc_features(f);
      m.set_gate(stages == 2 ? 1 : -1, true);
      SCOPED_TRACE(testing::Message() << stages << " " << f);
      ExpectSame(m, docs);
    }
  }
}

// kCaseClusters: an all-caps word the clusters lack takes the cluster of its
// capitalised form, else of its lower-case form; words the clusters have,
// and mixed-case words, keep their own (or none).
TEST(NerDecode, CaseClustersBackOffForAllCapsWords) {
  NerModel m(14);
  uint16_t germany[kClusterLevels] = {3, 4, 5};
  uint16_t soccer[kClusterLevels] = {6, 7, 8};
  uint16_t nato[kClusterLevels] = {9, 10, 11};
  m.clusters().Insert(HashWord("Germany", false), germany);
  m.clusters().Insert(HashWord("soccer", false), soccer);
  m.clusters().Insert(HashWord("NATO", false), nato);
  m.clusters().Insert(HashWord("Nato", false), germany);
  auto cluster = [&](const char* w) {
    TokenInfo ti;
    m.WordInfo(w, &ti);
    return ti.cluster[2];
  };
  EXPECT_EQ(cluster("GERMANY"), 0);  // option off: exact words only
  m.set_doc_features(NerModel::kCaseClusters);
  EXPECT_EQ(cluster("GERMANY"), 5);
  EXPECT_EQ(cluster("SOCCER"), 8);   // no "Soccer": the lower-case form
  EXPECT_EQ(cluster("NATO"), 11);    // its own cluster first
  EXPECT_EQ(cluster("GeRMANY"), 0);  // not all caps
  EXPECT_EQ(cluster("G"), 0);        // one letter
  EXPECT_EQ(cluster("BERLIN"), 0);
}

// kLongestMatch: only the longest gazetteer entry starting at a token is
// marked, and matching resumes after it.
TEST(NerDecode, LongestMatchMarksOnlyTheLongestEntry) {
  NerModel m(14);
  uint64_t h[3] = {Lower("new"), Lower("york"), Lower("times")};
  m.external_gazetteer().InsertSequence(h, 2, 1 << 2);      // LOC New York
  m.external_gazetteer().InsertSequence(h, 3, 1 << 1);      // ORG ... Times
  m.external_gazetteer().InsertSequence(&h[1], 1, 1 << 2);  // LOC York
  Document doc = MakeDoc("The New York Times said so.");
  std::vector<TokenInfo> info;
  m.ComputeTokenInfo(doc, &info);
  auto bit = [&](size_t i, int type, int pos) {
    return (info[i].gaz >> (kExtGazShift + 4 * type + pos) & 1) != 0;
  };
  EXPECT_TRUE(bit(1, 2, 0));  // every match: B-LOC on New
  EXPECT_TRUE(bit(2, 2, 3));  // U-LOC on York
  EXPECT_TRUE(bit(3, 1, 2));  // L-ORG on Times
  m.set_doc_features(NerModel::kLongestMatch);
  m.ComputeTokenInfo(doc, &info);
  EXPECT_FALSE(bit(1, 2, 0));
  EXPECT_FALSE(bit(2, 2, 3));
  EXPECT_FALSE(bit(2, 2, 2));
  EXPECT_TRUE(bit(1, 1, 0));
  EXPECT_TRUE(bit(2, 1, 1));
  EXPECT_TRUE(bit(3, 1, 2));
}

// The history keeps each word's share of labels and its BILOU positions per
// type; DocFeatures() reads them.
TEST(NerDecode, HistoryKeepsSharesAndPositions) {
  History h;
  uint64_t clinton = Lower("clinton");
  h.Add(clinton, 0, 2);  // L-PER ("Bill Clinton")
  h.Add(clinton, 0, 3);  // U-PER
  h.Add(clinton, -1);    // O
  const History::Slot* s = h.Get(clinton);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->counts[0], 2);
  EXPECT_EQ(s->counts[4], 1);
  EXPECT_EQ(s->pos[0], (1 << 2) | (1 << 3));
  EXPECT_EQ(s->pos[1], 0);
  EXPECT_EQ(h.Get(Lower("bill")), nullptr);
  NerModel m(14);
  uint32_t out[kMaxFeatures];
  EXPECT_EQ(m.DocFeatures(h, clinton, 0, 94, out, kMaxFeatures), 0);
  m.set_doc_features(NerModel::kDocFraction);
  EXPECT_EQ(m.DocFeatures(h, clinton, 0, 94, out, kMaxFeatures), 2);
  m.set_doc_features(NerModel::kDocFraction | NerModel::kDocPositions);
  EXPECT_EQ(m.DocFeatures(h, clinton, 0, 94, out, kMaxFeatures), 3);
  EXPECT_EQ(m.DocFeatures(h, clinton, 0, 94, out, 1), 1);  // the cap holds
  EXPECT_EQ(m.DocFeatures(h, Lower("bill"), 0, 94, out, kMaxFeatures), 0);
  h.Clear();
  EXPECT_EQ(h.Get(clinton), nullptr);
}

TEST(NerDecode, DocumentFeaturesSurviveSaveAndLoad) {
  NerModel m = RandomModel(1, true, true, 77);
  m.set_doc_features(NerModel::kDocFraction | NerModel::kDocPositions);
  m.set_gate(1, true);
  std::string path = testing::TempDir() + "/ner-docf-" +
                     std::to_string(reinterpret_cast<uintptr_t>(&m)) + ".bin";
  ASSERT_TRUE(m.Save(path).ok());
  auto loaded = NerModel::LoadFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded.value().doc_features(), 3u);
  std::vector<int> a, b;
  for (const Document& doc : TestDocs()) {
    m.DecodeReference(doc, &a);
    loaded.value().Decode(doc, &b);
    EXPECT_EQ(a, b);
  }
}

// The external gazetteer marks its matches at bits kExtGazShift.., its
// words at kExtWordShift..; both survive Save and LoadFile (version 8).
TEST(NerDecode, ExternalGazetteerBitsAndSaveLoad) {
  NerModel m = RandomModel(1, false, false, 91);
  uint64_t h[2] = {Lower("lakeside"), Lower("council")};
  m.external_gazetteer().InsertSequence(h, 2, 1 << 1);       // ORG
  m.external_words().Insert(SequenceKey(&h[0], 1), 1 << 2);  // LOC word
  m.set_gate(1, true);
  Document doc = MakeDoc("The Lakeside Council met. Lakeside is small.");
  std::vector<TokenInfo> info;
  m.ComputeTokenInfo(doc, &info);
  ASSERT_GE(info.size(), 3u);
  EXPECT_EQ(doc.TokenText(1), "Lakeside");
  EXPECT_TRUE(info[1].gaz >> (kExtGazShift + 4 * 1 + 0) & 1);  // B-ORG
  EXPECT_TRUE(info[2].gaz >> (kExtGazShift + 4 * 1 + 2) & 1);  // L-ORG
  EXPECT_TRUE(info[1].gaz >> (kExtWordShift + 2) & 1);
  EXPECT_EQ(info[1].gaz & 0xFFFF, 0u);  // not in the train gazetteer
  std::string path = testing::TempDir() + "/ner-extgaz-" +
                     std::to_string(reinterpret_cast<uintptr_t>(&m)) + ".bin";
  ASSERT_TRUE(m.Save(path).ok());
  auto loaded = NerModel::LoadFile(path);
  std::remove(path.c_str());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded.value().external_gazetteer().size(),
            m.external_gazetteer().size());
  EXPECT_EQ(loaded.value().external_words().size(), m.external_words().size());
  std::vector<TokenInfo> info2;
  loaded.value().ComputeTokenInfo(doc, &info2);
  for (size_t i = 0; i < info.size(); ++i) EXPECT_EQ(info[i].gaz, info2[i].gaz);
  std::vector<int> a, b;
  m.DecodeReference(doc, &a);
  loaded.value().Decode(doc, &b);
  EXPECT_EQ(a, b);
}

// Regression: in transcript-like text an entity ran across the colon of a
// speaker label ("NAME: We ..." as one entity). A ":" token is never scored
// (always O), and the word after it starts like a sentence.
TEST(NerDecode, ColonIsNeverInsideAnEntity) {
  Document doc = MakeDoc(
      "HOLT: We begin tonight. Ms. Ortiz: We will not go. Mission: Home.");
  for (int gate = -1; gate <= 1; gate += 2) {
    NerModel m = RandomModel(1, false, false, 17);
    m.set_gate(gate, true);
    std::vector<TokenInfo> info;
    m.ComputeTokenInfo(doc, &info);
    std::vector<uint8_t> scored;
    m.ScoredMask(doc, info, &scored);
    std::vector<int> labels, ref;
    m.Decode(doc, &labels);
    m.DecodeReference(doc, &ref);
    EXPECT_EQ(labels, ref);
    int colons = 0;
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.TokenText(i) != ":") continue;
      ++colons;
      EXPECT_FALSE(scored[i]) << "gate " << gate << " token " << i;
      EXPECT_EQ(labels[i], 0);
      ASSERT_LT(i + 1, info.size());
      EXPECT_TRUE(info[i + 1].flags & kSentStart) << i;
    }
    EXPECT_EQ(colons, 3);
    std::vector<TokenSpan> spans;
    LabelsToSpans(doc, labels, &spans);
    for (const TokenSpan& sp : spans) {
      for (uint32_t k = sp.first; k <= sp.last; ++k) {
        EXPECT_NE(doc.TokenText(k), ":") << "gate " << gate;
      }
    }
  }
}

TEST(NerDecode, GateScoresOnlyTokensNearCandidates) {
  NerModel m = RandomModel(1, false, false, 5);
  m.set_gate(1, true);
  // The: sentence-initial and seen lower-case ("the"), so no candidate.
  Document doc = MakeDoc(
      "The old ferry left the quay at dawn and crossed slowly to Brindle "
      "harbour in 3 hours.");
  std::vector<TokenInfo> info;
  m.ComputeTokenInfo(doc, &info);
  std::vector<uint8_t> scored;
  m.ScoredMask(doc, info, &scored);
  std::string got;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (scored[i]) got += std::string(doc.TokenText(i)) + " ";
  }
  EXPECT_EQ(got, "to Brindle harbour in 3 hours ");
  std::vector<int> labels;
  m.Decode(doc, &labels);
  for (size_t i = 0; i < labels.size(); ++i) {
    if (!scored[i]) {
      EXPECT_EQ(labels[i], 0) << i;
    }
  }
  m.set_gate(-1, false);  // ungated: every token is scored
  m.ScoredMask(doc, info, &scored);
  EXPECT_EQ(std::count(scored.begin(), scored.end(), 1),
            static_cast<long>(doc.tokens.size()));
}

TEST(NerDecode, GazetteerHeavyWindowsReachTheFeatureCap) {
  // The test is only meaningful if some window has more gazetteer bits than
  // the fast path handles (it then takes the reference path).
  NerModel m = RandomModel(2, true, true, 42);
  Document doc = TestDocs()[2];
  std::vector<TokenInfo> info;
  m.ComputeTokenInfo(doc, &info);
  int most = 0;
  for (size_t i = 1; i + 1 < info.size(); ++i) {
    most = std::max(most, __builtin_popcountll(info[i - 1].gaz) +
                              __builtin_popcountll(info[i].gaz) +
                              __builtin_popcountll(info[i + 1].gaz));
  }
  EXPECT_GT(most, kMaxFeatures - 46 - 18);
  ExpectSame(m, {doc});
}

TEST(NerDecode, SameAfterTheTypeCacheFillsUp) {
  // More distinct words than the per-thread type cache holds (2^14), mixed
  // with frequent ones, so entries are evicted and re-created.
  std::vector<Document> docs;
  for (int d = 0; d < 8; ++d) {
    std::string text;
    for (int i = 0; i < 3000; ++i) {
      // Unique words, and words frequent in this document only, so
      // evictions keep entries from the middle of the table.
      text += (i % 7 == 0 ? "Mayor Quill" : "word") +
              std::to_string(d * 3000 + i) + " met Brook" +
              std::to_string(d * 10 + i % 10);
      text += i % 5 == 0 ? " said the council. " : " and ";
    }
    docs.push_back(MakeDoc(text));
  }
  NerModel m = RandomModel(2, true, false, 99, 400);
  ExpectSame(m, docs);
  // Rare large weights overflow int16 sums for some types and not for
  // others, so both storages went through evictions.
  size_t narrow = 0, wide = 0;
  NerModel::CachedTypeCounts(&narrow, &wide);
  EXPECT_GT(narrow, 0u);
  EXPECT_GT(wide, 0u);
}

TEST(NerDecode, WideVectorsMoveWithEviction) {
  // Words frequent in document d come back in document d + 1; between them
  // in the cache sit words used once, which each eviction (every document
  // here has more tokens than the cache has entries) drops, so the kept
  // entries, int16 and int32 alike, move down the tables.
  std::vector<Document> docs;
  for (int d = 0; d < 4; ++d) {
    std::string text;
    for (int i = 0; i < 3000; ++i) {
      text += "Once" + std::to_string(d * 3000 + i) + " met Often" +
              std::to_string(d * 20 + i % 20) + " and Often" +
              std::to_string((d + 3) * 20 + i % 20 - 20) + ". ";
    }
    docs.push_back(MakeDoc(text));
  }
  NerModel m = RandomModel(2, false, false, 123, 40);
  ExpectSame(m, docs);
  size_t narrow = 0, wide = 0;
  NerModel::CachedTypeCounts(&narrow, &wide);
  EXPECT_GT(narrow, 0u);
  EXPECT_GT(wide, 0u);
}

TEST(NerDecode, ShippedModelTypesFitInt16) {
  // Not a correctness condition (wide types are exact too), but the int16
  // type cache only pays if the shipped model's sums fit it almost always.
  auto m =
      NerModel::LoadFile(std::string(WHOSAID_SOURCE_DIR) + "/models/ner.bin");
  if (!m.ok())
    GTEST_SKIP() << "models/ner.bin absent: " << m.status().ToString();
  std::vector<int> labels;
  for (const Document& doc : TestDocs()) m.value().Decode(doc, &labels);
  size_t narrow = 0, wide = 0;
  NerModel::CachedTypeCounts(&narrow, &wide);
  EXPECT_GT(narrow, 100u);
  EXPECT_LE(wide * 100, narrow);
}

TEST(NerDecode, ThreadsAgree) {
  NerModel m = RandomModel(2, true, true, 7);
  std::vector<Document> docs = TestDocs();
  std::vector<std::vector<int>> ref(docs.size());
  for (size_t d = 0; d < docs.size(); ++d) m.DecodeReference(docs[d], &ref[d]);
  std::vector<int> ok(2, 1);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int r = 0; r < 3; ++r) {
        for (size_t k = 0; k < docs.size(); ++k) {
          size_t d = t ? docs.size() - 1 - k : k;
          std::vector<int> labels;
          m.Decode(docs[d], &labels);
          if (labels != ref[d]) ok[t] = 0;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok, std::vector<int>({1, 1}));
}

// CompactWeights: rows split 16 + 1 labels, bitmap and rank side by side.
TEST(CompactWeights, FindsRowsAcrossIndexWords) {
  CompactWeights w;
  w.Reset(128);
  const uint32_t buckets[] = {0, 31, 32, 63, 64, 100, 127};
  for (uint32_t b : buckets) {
    int16_t row[kNumLabels];
    for (int l = 0; l < kNumLabels; ++l) {
      row[l] = static_cast<int16_t>(b * 100 + l - 8);
    }
    w.Append(b, row);
  }
  w.Seal();
  EXPECT_EQ(w.num_rows(), 7u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(w.head.data()) % 64, 0u);
  for (uint32_t b = 0; b < 128; ++b) {
    bool stored = std::find(std::begin(buckets), std::end(buckets), b) !=
                  std::end(buckets);
    EXPECT_EQ(w.Has(b), stored) << b;
    uint32_t r = w.Find(b);
    if (!stored) {
      EXPECT_EQ(r, CompactWeights::kNoRow) << b;
      continue;
    }
    ASSERT_NE(r, CompactWeights::kNoRow) << b;
    int32_t sum[kNumLabels];
    std::fill(sum, sum + kNumLabels, 1);
    w.AddTo(r, sum);
    for (int l = 0; l < kNumLabels; ++l) {
      EXPECT_EQ(w.At(r, l), static_cast<int16_t>(b * 100 + l - 8)) << b;
      EXPECT_EQ(sum[l], 1 + static_cast<int32_t>(b * 100 + l - 8)) << b;
    }
  }
}

}  // namespace
}  // namespace whosaid::ner
