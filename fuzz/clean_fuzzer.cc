// libFuzzer target: the text cleaner (CleanText) on arbitrary valid UTF-8.
// Checks the invariants later stages rely on: every input_map piece lies
// inside both the clean text and the input, pieces are in order and do not
// overlap, and the clean text is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/base/utf8.h"
#include "src/clean/clean.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string input;
  whosaid::RepairUtf8(
      std::string_view(reinterpret_cast<const char*>(data), size), &input);
  whosaid::CleanOptions options;
  // Small limits reach the edge-of-window branches with short inputs.
  if (size > 0 && (data[0] & 1)) {
    options.max_header_lines = 2;
    options.min_prose_words = 2;
    options.edge_lines = 1;
    options.min_word_list_words = 3;
  }
  whosaid::Document doc;
  whosaid::CleanText(input, options, &doc);
  uint64_t last_clean_end = 0, last_input_end = 0;
  for (const whosaid::OffsetPiece& p : doc.input_map) {
    uint64_t ce = uint64_t{p.clean_begin} + p.length;
    uint64_t ie = uint64_t{p.input_begin} + p.length;
    if (ce > doc.text.size() || ie > input.size()) __builtin_trap();
    if (p.clean_begin < last_clean_end || p.input_begin < last_input_end) {
      __builtin_trap();
    }
    if (doc.text.compare(p.clean_begin, p.length, input, p.input_begin,
                         p.length) != 0) {
      __builtin_trap();  // kept bytes are copied byte for byte
    }
    last_clean_end = ce;
    last_input_end = ie;
  }
  std::string repaired;
  if (whosaid::RepairUtf8(doc.text, &repaired) != 0) __builtin_trap();
  return 0;
}
