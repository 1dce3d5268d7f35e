// libFuzzer target: one JSONL input line -> RawDocument.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "src/input/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  whosaid::RawDocument doc;
  whosaid::ParseJsonlRecord(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz:1",
      &doc);
  return 0;
}
