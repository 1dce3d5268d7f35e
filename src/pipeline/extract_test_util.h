// Test helpers: one Extractor with the default options (the committed
// models), shared by the tests of a binary, and the whole pipeline run on a
// text written for a test. Tests only; the extractor is const after its
// creation, so any test thread may call these.
#ifndef WHOSAID_SRC_PIPELINE_EXTRACT_TEST_UTIL_H_
#define WHOSAID_SRC_PIPELINE_EXTRACT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "whosaid/extractor.h"

namespace whosaid::test_util {

inline const Extractor& DefaultExtractor() {
  static std::unique_ptr<Extractor> e = [] {
    auto created = Extractor::Create(Options());
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? std::move(created).value() : nullptr;
  }();
  return *e;
}

// `text` as the body of a document with id "t", through every stage.
inline Document ExtractText(const std::string& text) {
  RawDocument raw;
  raw.id = "t";
  raw.body = text;
  return DefaultExtractor().Extract(raw);
}

}  // namespace whosaid::test_util

#endif  // WHOSAID_SRC_PIPELINE_EXTRACT_TEST_UTIL_H_
