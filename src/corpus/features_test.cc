#include "src/corpus/features.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "src/corpus/link_index.h"
#include "src/segment/segment.h"

namespace whosaid {
namespace {

constexpr char kArticle[] =
    "The harbor authority opened the new ferry terminal on Tuesday after "
    "three years of construction and several delays caused by flooding. "
    "Officials expect the terminal to handle twice as many passengers as "
    "the old pier, and the city plans to add a second route next spring "
    "if demand keeps growing through the summer months.";

std::vector<uint64_t> Words(std::string_view s) {
  std::vector<uint64_t> h;
  NormalizedWords(s, &h, nullptr);
  return h;
}

TEST(FeaturesTest, NormalizeTextFoldsCaseQuotesAndPunctuation) {
  EXPECT_EQ(NormalizeText("“We Don’t  negotiate,” he said."),
            "we dont negotiate he said");
  EXPECT_EQ(NormalizeText("Gen. VALERY Gerasimov"), "gen valery gerasimov");
  EXPECT_EQ(NormalizeText("Ärzte über Öl"), "ärzte über öl");
  EXPECT_EQ(NormalizeText("..."), "");
}

TEST(FeaturesTest, HashIsStableAndSensitive) {
  EXPECT_EQ(Hash64("harbor"), Hash64("harbor"));
  EXPECT_NE(Hash64("harbor"), Hash64("harbour"));
  EXPECT_NE(Hash64("abcdefgh1"), Hash64("abcdefgh2"));
  EXPECT_NE(Hash64("x", 1), Hash64("x", 2));
}

TEST(FeaturesTest, SimHashSeparatesNearFromFar) {
  std::string edited = kArticle;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  uint64_t a = 0, b = 0, c = 0;
  ASSERT_TRUE(SimHash(Words(kArticle), 3, 30, &a));
  ASSERT_TRUE(SimHash(Words(edited), 3, 30, &b));
  ASSERT_TRUE(SimHash(
      Words("A regional orchestra announced a season of free concerts in "
            "public parks, with rehearsals open to students and a new "
            "commission from a young composer who grew up in the valley and "
            "studied music abroad before returning home to teach children."),
      3, 30, &c));
  EXPECT_LE(HammingDistance(a, b), 12);
  EXPECT_GT(HammingDistance(a, c), 16);
  uint64_t unused = 0;
  EXPECT_FALSE(SimHash(Words("too short to sign"), 3, 30, &unused));
}

TEST(FeaturesTest, SketchEstimatesJaccard) {
  std::string edited = kArticle;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  uint64_t sa, sb, sc;
  std::vector<uint64_t> a, b, c;
  ASSERT_TRUE(Signature(Words(kArticle), 3, 30, 64, &sa, &a));
  ASSERT_TRUE(Signature(Words(edited), 3, 30, 64, &sb, &b));
  std::string half = kArticle;
  half = half.substr(0, half.size() / 2) +
         " while the orchestra rehearsed in the park for a season of free "
         "concerts with students from the valley and a young composer";
  ASSERT_TRUE(Signature(Words(half), 3, 30, 64, &sc, &c));
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_DOUBLE_EQ(SketchJaccard(a, a), 1.0);
  EXPECT_GT(SketchJaccard(a, b), 0.8);
  EXPECT_LT(SketchJaccard(a, c), 0.6);
  EXPECT_GT(SketchJaccard(a, c), 0.1);
  EXPECT_EQ(SketchJaccard(a, {}), 0.0);
}

TEST(FeaturesTest, QuoteTruncationIsContained) {
  CorpusOptions opt;
  QuoteFeatures full = ComputeQuoteFeatures(
      "We will not allow the bridge to close before the new one is ready, "
      "and we will pay for the repairs ourselves",
      opt);
  QuoteFeatures cut = ComputeQuoteFeatures(
      "“we will not allow the bridge to close before the new one is ready”",
      opt);
  QuoteFeatures other = ComputeQuoteFeatures(
      "The budget for schools will rise by a small amount next year", opt);
  ASSERT_FALSE(full.shingles.empty());
  EXPECT_FALSE(full.fingerprints.empty());
  EXPECT_LT(full.fingerprints.size(), full.shingles.size());
  EXPECT_DOUBLE_EQ(Containment(cut.shingles, full.shingles), 1.0);
  EXPECT_LT(Containment(other.shingles, full.shingles), 0.2);
  EXPECT_TRUE(ComputeQuoteFeatures("Yes.", opt).shingles.empty());
}

// Regression: ingest "cleared" these arrays with `v = {}`, which keeps the
// allocation, so every extracted document waiting for the writer still held
// them (~20 MB a batch of 500 AllSides articles).
TEST(FeaturesTest, ReleaseTokenArraysFreesTheirMemory) {
  Document doc;
  doc.text = kArticle;
  Segment(SegmentOptions(), &doc);
  doc.input_map.resize(3);
  ASSERT_FALSE(doc.tokens.empty());
  ASSERT_FALSE(doc.sentences.empty());
  ASSERT_FALSE(doc.paragraphs.empty());
  doc.quotes.emplace_back();
  ReleaseTokenArrays(&doc);
  EXPECT_EQ(doc.tokens.capacity(), 0u);
  EXPECT_EQ(doc.sentences.capacity(), 0u);
  EXPECT_EQ(doc.paragraphs.capacity(), 0u);
  EXPECT_EQ(doc.input_map.capacity(), 0u);
  EXPECT_EQ(doc.text, kArticle);  // what the store reads stays
  EXPECT_EQ(doc.quotes.size(), 1u);
}

TEST(FeaturesTest, ClaimKeyNormalisesTheCountedNoun) {
  EXPECT_EQ(ClaimKey("the soldiers killed", ""),
            ClaimKey("killed soldiers", ""));
  EXPECT_EQ(ClaimKey("Soldiers killed", ""), "killed soldier|");
  EXPECT_NE(ClaimKey("soldiers killed", ""), ClaimKey("soldiers wounded", ""));
  EXPECT_EQ(ClaimKey("of the city budget", "percent"), "budget city|percent");
  EXPECT_EQ(ClaimKey("", "percent"), "");
  EXPECT_EQ(ClaimKey("years", "years"), "");  // one word: no quantity
  EXPECT_EQ(ClaimKey("the people", ""), "");
}

// A segmented document with one claim and hand-placed entities.
Document ClaimDoc(std::string text, std::string_view claim,
                  std::string_view counted, std::string source,
                  std::vector<std::string_view> entities) {
  Document doc;
  doc.text = std::move(text);
  Segment(SegmentOptions(), &doc);
  auto span = [&](std::string_view s) {
    size_t p = doc.text.find(s);
    EXPECT_NE(p, std::string::npos) << s;
    return Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + s.size())};
  };
  for (std::string_view e : entities) {
    Entity en;
    en.span = span(e);
    en.label = EntityLabel::kLoc;
    doc.entities.push_back(en);
  }
  Claim c;
  c.span = span(claim);
  c.counted = span(counted);
  if (!source.empty()) c.source = span(source);
  c.source_name = std::move(source);
  doc.claims.push_back(c);
  return doc;
}

TEST(FeaturesTest, ClaimContextsNameTheEventNotTheQuantity) {
  Document d = ClaimDoc(
      "Farmers met in Dunmore on Friday. At least 300 protesters marched to "
      "the town hall in Kelby on Sunday, Kelby Police said.",
      "At least 300", "protesters marched", "Kelby Police",
      {"Dunmore", "Kelby", "Kelby Police"});
  auto ctx = ClaimContexts(d, 12);
  ASSERT_EQ(ctx.size(), 1u);
  const auto& k = ctx[0];
  auto has = [&](std::string_view s) {
    return std::find(k.begin(), k.end(), s) != k.end();
  };
  EXPECT_TRUE(has("kelby")) << ::testing::PrintToString(k);
  EXPECT_TRUE(has("town hall")) << ::testing::PrintToString(k);
  EXPECT_FALSE(has("dunmore"));       // another sentence
  EXPECT_FALSE(has("kelby police"));  // the claim's own source
  for (const std::string& key : k) {  // not the counted words themselves
    EXPECT_EQ(key.find("protester"), std::string::npos) << key;
    EXPECT_EQ(key.find("marched"), std::string::npos) << key;
  }
  EXPECT_LE(ClaimContexts(d, 1)[0].size(), 1u);
}

TEST(FeaturesTest, ClaimContextsFallBackToTheArticlesEntities) {
  // The claim's sentence names nothing: the article's most mentioned
  // entities stand in.
  Document d = ClaimDoc(
      "Ferries leave Portmore hourly. Portmore wants more. Some 900 regular "
      "passengers were asked.",
      "Some 900", "regular passengers", "", {"Portmore", "Portmore"});
  auto ctx = ClaimContexts(d, 12);
  ASSERT_EQ(ctx.size(), 1u);
  EXPECT_NE(std::find(ctx[0].begin(), ctx[0].end(), "portmore"), ctx[0].end());
}

TEST(LinkIndexTest, FindsExactAndNearDuplicatesAndClusters) {
  CorpusOptions opt;
  LinkIndex index(opt);
  Document doc;
  doc.text = kArticle;
  DocumentFeatures f = ComputeFeatures(doc, doc.text, opt);
  bool exact = false;
  EXPECT_EQ(index.FindDuplicate(f, &exact), 0);
  index.AddDocument(7, f);
  EXPECT_EQ(index.FindDuplicate(f, &exact), 7);
  EXPECT_TRUE(exact);

  // A far signature (all bits flipped) is not a duplicate.
  DocumentFeatures far = f;
  far.text_hash ^= 1;
  far.simhash = ~f.simhash;
  EXPECT_EQ(index.FindDuplicate(far, &exact), 0);
  // Six bits off (spread over the bands) is near; seven is not.
  DocumentFeatures near = far;
  near.simhash = f.simhash ^ 0x8000'1001'0010'0101ull;
  EXPECT_EQ(HammingDistance(near.simhash, f.simhash), 6);
  EXPECT_EQ(index.FindDuplicate(near, &exact), 7);
  EXPECT_FALSE(exact);
  near.simhash = f.simhash ^ 0x8000'1001'0010'0103ull;
  EXPECT_EQ(index.FindDuplicate(near, &exact), 0);
  // Every 6-bit pattern is found (the band index may not miss any).
  for (int i = 0; i < 200; ++i) {
    uint64_t flip = 0;
    uint64_t x = 0x9E3779B97F4A7C15ull * (i + 1);
    while (__builtin_popcountll(flip) < 6) {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      flip |= uint64_t{1} << (x % 64);
    }
    near.simhash = f.simhash ^ flip;
    ASSERT_EQ(index.FindDuplicate(near, &exact), 7) << i;
  }

  // A close SimHash is only a candidate: different shingles (a sketch
  // that shares nothing) are not a duplicate.
  DocumentFeatures boiler = near;
  boiler.simhash = f.simhash ^ 1;
  EXPECT_EQ(index.FindDuplicate(boiler, &exact), 7);
  for (uint64_t& h : boiler.sketch) h ^= 0x5555;
  std::sort(boiler.sketch.begin(), boiler.sketch.end());
  EXPECT_EQ(index.FindDuplicate(boiler, &exact), 0);

  QuoteFeatures q1 = ComputeQuoteFeatures(
      "the ferry will run every hour from the first of May until the end of "
      "October",
      opt);
  QuoteFeatures q2 = ComputeQuoteFeatures(
      "The ferry will run every hour from the first of May", opt);
  QuoteFeatures q3 =
      ComputeQuoteFeatures("nobody expected the vote to pass so easily", opt);
  EXPECT_EQ(index.FindCluster(q1), 0);
  index.AddQuote(3, q1);
  EXPECT_EQ(index.FindCluster(q2), 3);
  EXPECT_EQ(index.FindCluster(q3), 0);

  // Sharing only a generic phrase is not the same quote, however short the
  // other quote is.
  QuoteFeatures generic = ComputeQuoteFeatures(
      "it would be hard for the ferry to run in winter", opt);
  QuoteFeatures other = ComputeQuoteFeatures(
      "said it would be wrong to raise taxes on the harbor", opt);
  index.AddQuote(9, generic);
  EXPECT_EQ(index.FindCluster(other), 0);
  EXPECT_TRUE(ComputeQuoteFeatures("it would be fine", opt).shingles.empty());
}

}  // namespace
}  // namespace whosaid
