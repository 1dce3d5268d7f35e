// libFuzzer target: CSV records (header mapping + rows) from arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "src/input/csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  FILE* f = fmemopen(const_cast<uint8_t*>(data), size, "rb");
  if (!f) return 0;
  whosaid::CsvRecordReader reader(f, 4096);
  whosaid::CsvDocumentMapper mapper;
  std::vector<std::string> fields;
  size_t line;
  std::string error;
  bool have_header = false;
  for (int rows = 0; rows < 10000; ++rows) {
    auto outcome = reader.Next(&fields, &line);
    if (outcome == whosaid::CsvRecordReader::Outcome::kEnd ||
        outcome == whosaid::CsvRecordReader::Outcome::kUnterminatedQuote) {
      break;
    }
    if (!have_header) {
      have_header = mapper.SetHeader(fields, &error);
      if (!have_header) break;
      continue;
    }
    whosaid::RawDocument doc;
    mapper.Map(fields, "fuzz:" + std::to_string(line), &doc);
  }
  fclose(f);
  return 0;
}
