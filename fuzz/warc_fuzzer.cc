// libFuzzer target: arbitrary bytes as a WARC (or WARC.gz) stream. Every
// call of Next() must make progress; the reader must end, never crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/input/warc.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  whosaid::WarcOptions options;
  options.max_record_bytes = 1 << 16;
  options.max_header_bytes = 4096;
  whosaid::WarcReader reader(
      std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.warc",
      options);
  whosaid::RawDocument doc;
  size_t n = 0;
  while (reader.Next(&doc)) {
    if (++n > size + 16) abort();  // each record consumes input
  }
  return 0;
}
