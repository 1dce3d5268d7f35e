// Tests of the attribution model file: Attributor::Load's errors, the
// AttributionModel's Save / Load round trip, and the cue-word prefix counts
// that the content features read.
#include "src/attribution/model.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "src/attribution/attribution.h"
#include "src/segment/segment.h"
#include "whosaid/document.h"

namespace whosaid {
namespace {

TEST(AttributorLoadTest, MissingModelNamesFile) {
  auto a = Attributor::Load("/nonexistent/dir");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kNotFound);
  EXPECT_NE(a.status().message().find("/nonexistent/dir/attribution.bin"),
            std::string::npos);
}

TEST(AttributorLoadTest, CorruptModelIsRejected) {
  // A directory of this process's own: ctest runs tests in parallel.
  std::string dir =
      ::testing::TempDir() + "/attribution-" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + kAttributionModelFile;
  {
    std::ofstream out(path, std::ios::binary);
    out << "whosaid-attribution-model v2\n"
        << "garbage";
  }
  auto a = Attributor::Load(dir);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kCorruption);
  EXPECT_NE(a.status().message().find(path), std::string::npos);
  {
    std::ofstream out(path, std::ios::binary);
    out << "not a model";
  }
  a = Attributor::Load(dir);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), Status::Code::kCorruption);
}

TEST(AttributionModelTest, SaveLoadRoundTrip) {
  attribution::AttributionModel m;
  m.cue_w[7] = 1.5f;
  m.content_w[3] = -2.f;
  m.source_w[11] = 0.25f;
  m.cue_vocab.Build({0x500, 0x300, 0x900});
  m.cue_left.Build({0x700});
  m.cue_strong.Build({0x300});
  std::string path =
      ::testing::TempDir() + "/roundtrip-" + std::to_string(getpid()) + ".bin";
  ASSERT_TRUE(m.Save(path).ok());
  attribution::AttributionModel n;
  ASSERT_TRUE(n.Load(path).ok());
  EXPECT_EQ(n.cue_w[7], 1.5f);
  EXPECT_EQ(n.content_w[3], -2.f);
  EXPECT_EQ(n.source_w[11], 0.25f);
  EXPECT_TRUE(n.cue_vocab.Has(0x900));
  EXPECT_FALSE(n.cue_vocab.Has(0x400));
  EXPECT_TRUE(n.cue_left.Has(0x700));
  EXPECT_FALSE(n.cue_left.Has(0x500));
  EXPECT_TRUE(n.cue_strong.Has(0x300));
  EXPECT_FALSE(n.cue_strong.Has(0x500));
}

// Load parses the file from memory (branch speed23): every truncation of a
// saved model is rejected as corrupt, never read past its end, and the
// whole file still loads.
TEST(AttributionModelTest, EveryTruncationIsRejected) {
  attribution::AttributionModel m;
  m.cue_w[5] = 0.5f;
  m.content_w[9] = -1.f;
  m.source_w[2] = 3.f;
  m.cue_vocab.Build({0x11, 0x22});
  m.cue_strong.Build({0x22});
  const std::string path =
      ::testing::TempDir() + "/truncated-" + std::to_string(getpid()) + ".bin";
  ASSERT_TRUE(m.Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in),
                 std::istreambuf_iterator<char>());
  }
  ASSERT_GT(bytes.size(), 100u);
  const std::string cut_path = path + ".cut";
  for (size_t len = 0; len < bytes.size(); ++len) {
    {
      std::ofstream out(cut_path, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(len));
    }
    attribution::AttributionModel n;
    Status st = n.Load(cut_path);
    ASSERT_FALSE(st.ok()) << len;
    EXPECT_EQ(st.code(), Status::Code::kCorruption) << len;
  }
  attribution::AttributionModel n;
  ASSERT_TRUE(n.Load(path).ok());
  EXPECT_EQ(n.cue_w[5], 0.5f);
  EXPECT_EQ(n.source_w[2], 3.f);
  EXPECT_TRUE(n.cue_strong.Has(0x22));
}

// The strong-cue prefix counts (content pair feature T19) count the
// cue_strong words only, on both the hashed and the word-bit paths.
TEST(AttributionModelTest, StrongCueCountsOnlyStrongWords) {
  attribution::AttributionModel m;
  m.cue_vocab.Build(
      {attribution::HashWord("said"), attribution::HashWord("expected")});
  m.cue_strong.Build({attribution::HashWord("said")});
  Document d;
  d.text = "Costs rose more than expected, he said, and she said so.";
  Segment(SegmentOptions(), &d);
  for (bool finalized : {false, true}) {
    if (finalized) m.Finalize();
    attribution::DocView v;
    v.Build(d);
    if (finalized) m.FillWordBits(v);
    m.FillCueCount(v);
    ASSERT_EQ(v.cuesc.size(), v.size() + 1);
    EXPECT_EQ(v.cuec.back(), 3) << finalized;
    EXPECT_EQ(v.cuesc.back(), 2) << finalized;
  }
}

}  // namespace
}  // namespace whosaid
