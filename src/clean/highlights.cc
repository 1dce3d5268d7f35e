#include "src/clean/highlights.h"

#include <array>
#include <cctype>

namespace whosaid {
namespace clean_internal {

namespace {

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool OpensHighlights(std::string_view raw) {
  static constexpr std::array<std::string_view, 2> kLabels = {
      "story highlights", "key points"};
  for (std::string_view label : kLabels) {
    if (!StartsWithNoCase(raw, label)) continue;
    // The label is a whole word: alone, or before a space or colon.
    if (raw.size() == label.size()) return true;
    const char next = raw[label.size()];
    if (next == ' ' || next == ':' || next == '\t') return true;
  }
  return false;
}

bool IsHighlightBullet(std::string_view raw, size_t max_words) {
  size_t words = 0;
  bool in_word = false;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  if (words == 0 || words > max_words) return false;
  // Strip closing quotes and brackets (ASCII and the UTF-8 right quotes).
  size_t end = raw.size();
  while (end > 0) {
    const char c = raw[end - 1];
    if (c == '"' || c == '\'' || c == ')') {
      --end;
    } else if (end >= 3 && raw.substr(end - 3, 2) == "\xE2\x80" &&
               (raw[end - 1] == '\x9D' || raw[end - 1] == '\x99')) {
      end -= 3;
    } else {
      break;
    }
  }
  if (end == 0) return false;
  const char last = raw[end - 1];
  // A question or a colon ends the bullets too: bodies open with one more
  // often than bullets end with one.
  if (last == '!' || last == '?' || last == ':') return false;
  if (last != '.') return true;
  // A full stop that ends an abbreviation ("in the U.S.") ends no sentence.
  const size_t word = raw.find_last_of(" \t", end - 1);
  const std::string_view last_word =
      raw.substr(word == std::string_view::npos ? 0 : word + 1,
                 end - (word == std::string_view::npos ? 0 : word + 1));
  return last_word.size() >= 3 && last_word.find('.') < last_word.size() - 1;
}

}  // namespace clean_internal
}  // namespace whosaid
