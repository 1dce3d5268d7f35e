// libFuzzer target: the whole `extract` pipeline on arbitrary bytes, with
// and without cleaning. Must never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "src/output/json_writer.h"
#include "whosaid/extractor.h"

namespace {

const whosaid::Extractor& Get(bool clean) {
  static std::unique_ptr<whosaid::Extractor> extractors[2];
  auto& e = extractors[clean];
  if (!e) {
    whosaid::Options options;
    options.clean = clean;
    options.max_document_bytes = 1 << 20;
    auto created = whosaid::Extractor::Create(options);
    if (!created.ok()) __builtin_trap();
    e = std::move(created).value();
  }
  return *e;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  whosaid::RawDocument raw;
  raw.id = "fuzz";
  raw.body.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  whosaid::Document doc = Get(data[0] & 1).Extract(raw);
  std::string out;
  whosaid::WriteDocumentJson(doc, whosaid::JsonOptions(), &out);
  return 0;
}
