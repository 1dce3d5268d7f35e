// libFuzzer target: arbitrary bytes -> charset detection, HTML tree walk,
// main-content extraction and metadata (must never crash, hang or overflow
// the stack, and every offset piece must lie inside text and page).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "src/input/charset.h"
#include "src/input/html_extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  whosaid::HtmlOptions options;
  options.min_body_bytes = 1;
  options.tree.max_depth = 64;
  whosaid::DecodedText decoded = whosaid::DecodeToUtf8(bytes, "");
  whosaid::HtmlArticle a = whosaid::ExtractArticleUtf8(decoded.text, options);
  for (const whosaid::OffsetPiece& p : a.pieces) {
    if (p.clean_begin + p.length > a.text.size() ||
        p.input_begin + p.length > decoded.text.size()) {
      abort();
    }
  }
  (void)whosaid::ExtractArticle(bytes, whosaid::HtmlOptions());
  (void)whosaid::DateFromUrl(bytes);
  return 0;
}
