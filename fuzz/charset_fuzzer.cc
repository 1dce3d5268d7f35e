// libFuzzer target: charset detection and decoding. The first byte picks a
// transport charset label (or none, or one taken from the input); the rest
// is the page. The output must be valid UTF-8 and the BOM inside the input.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "src/base/utf8.h"
#include "src/input/charset.h"

namespace {

constexpr std::string_view kLabels[] = {
    "",         "utf-8",    "windows-1252", "iso-8859-1", "latin1",
    "utf-16le", "utf-16be", "shift_jis",    "euc-jp",     "gb18030",
    "koi8-r",   "big5",     "iso-2022-jp",  "utf-16",     "x-user-defined",
    "bogus-cs"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string label;
  if (data[0] & 0x80) {
    // A transport label taken from the input itself (Content-Type value).
    std::string_view head = bytes.substr(0, data[0] & 0x3f);
    label = whosaid::CharsetFromContentType(head);
    if (label.empty()) label = whosaid::NormalizeCharset(head);
  } else {
    label = kLabels[data[0] % std::size(kLabels)];
  }
  (void)whosaid::SniffMetaCharset(bytes);
  whosaid::DecodedText d = whosaid::DecodeToUtf8(bytes, label);
  if (d.bom_bytes > bytes.size()) __builtin_trap();
  std::string repaired;
  if (whosaid::RepairUtf8(d.text, &repaired) != 0) __builtin_trap();
  return 0;
}
