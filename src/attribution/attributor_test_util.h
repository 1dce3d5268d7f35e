// Test fixture of the Attributor's end-to-end tests: one Extractor with the
// committed models and cleaning off, created once per test suite and shared
// by its tests, which run a text written for the test through every stage.
// Tests only; gtest runs a suite's tests on one thread.
#ifndef WHOSAID_SRC_ATTRIBUTION_ATTRIBUTOR_TEST_UTIL_H_
#define WHOSAID_SRC_ATTRIBUTION_ATTRIBUTOR_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>

#include "whosaid/document.h"
#include "whosaid/extractor.h"

namespace whosaid {

// The committed models (models/ of the source tree).
inline std::string ModelDir() {
  return std::string(WHOSAID_SOURCE_DIR) + "/models";
}

class AttributorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Options options;
    options.clean = false;
    options.model_dir = ModelDir();
    auto ex = Extractor::Create(options);
    ASSERT_TRUE(ex.ok()) << ex.status().ToString();
    extractor_ = std::move(ex).value().release();
  }
  static void TearDownTestSuite() {
    delete extractor_;
    extractor_ = nullptr;
  }

  static Document Run(const std::string& text) {
    RawDocument raw;
    raw.id = "t";
    raw.body = text;
    return extractor_->Extract(raw);
  }

  // The relation whose cue reads `cue`, or nullptr.
  static const Attribution* ByCue(const Document& d, std::string_view cue) {
    for (const auto& q : d.quotes) {
      if (d.Text(q.cue) == cue) return &q;
    }
    return nullptr;
  }

  inline static Extractor* extractor_ = nullptr;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_ATTRIBUTION_ATTRIBUTOR_TEST_UTIL_H_
