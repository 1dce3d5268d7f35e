// InputDelta: what a corpus keeps so that the article page can show the
// original input (before cleaning) with every fact where it stood.
//
// Cleaning copies pieces of the input into the clean text (see
// Document::input_map). The delta stores that map plus only the input bytes
// NOT copied (removed boilerplate lines, separators), so the original is
// rebuilt exactly from the clean text and the delta, at a fraction of the
// cost of storing the input again. Encoding is a compact byte string
// (varints, then the gap bytes). Pure functions on caller-owned data; safe
// from any thread.
#ifndef WHOSAID_SRC_CORPUS_INPUT_DELTA_H_
#define WHOSAID_SRC_CORPUS_INPUT_DELTA_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

// Encodes the delta of `input` (what the cleaner read) against `text` (the
// clean text) and `map` (Document::input_map). nullopt when the map does
// not describe `input` (a piece out of range, out of order, or whose bytes
// differ: e.g. the cleaner read an HTML extraction or repaired UTF-8 rather
// than `input`) or when input is larger than `max_input_bytes`.
std::optional<std::string> EncodeInputDelta(std::string_view text,
                                            const std::vector<OffsetPiece>& map,
                                            std::string_view input,
                                            size_t max_input_bytes = size_t{64}
                                                                     << 20);

// The original input rebuilt from the clean text and a delta, with the map.
struct OriginalInput {
  std::string text;
  std::vector<OffsetPiece> map;  // by clean_begin, as Document::input_map

  // Maps the clean byte span [begin, end) into `text`: begin moves to the
  // next copied byte, end to just after the previous copied byte, when they
  // fall on bytes the cleaner inserted. False when nothing of the span was
  // copied from the input.
  bool MapSpan(uint32_t begin, uint32_t end, uint32_t* out_begin,
               uint32_t* out_end) const;
};

// Corruption when the delta is malformed or does not fit `text`.
Result<OriginalInput> DecodeInputDelta(std::string_view text,
                                       std::string_view delta);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_INPUT_DELTA_H_
