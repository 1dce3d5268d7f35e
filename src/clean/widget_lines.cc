#include "src/clean/widget_lines.h"

#include <cstring>

namespace whosaid {
namespace clean_internal {

// A slide counter of a photo gallery widget: "Hide Caption 3 of 22" (any
// case of "caption"). A line holding one is the gallery's captions, however
// long, not article text.
bool HasGalleryCounter(std::string_view raw) {
  const char* s = raw.data();
  const size_t n = raw.size();
  size_t from = 1;
  while (from + 6 <= n) {
    const void* p = memmem(s + from, n - from, "aption ", 7);
    if (p == nullptr) return false;
    size_t i = static_cast<size_t>(static_cast<const char*>(p) - s);
    from = i + 1;
    if ((s[i - 1] | 0x20) != 'c') continue;
    i += 7;
    size_t digits = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9' && digits < 5) ++i, ++digits;
    if (digits == 0 || raw.substr(i, 4) != " of ") continue;
    i += 4;
    if (i < n && s[i] >= '0' && s[i] <= '9') return true;
  }
  return false;
}

// A video player's playlist: "JUST WATCHED <title> Replay More Videos ...
// MUST WATCH <title> 03:09", one line per clip. Its titles read like news
// ("Judge: 'Your time is up'") and would give quotes, so the line goes
// whatever its length; it must open with the player's label.
bool IsVideoPlaylist(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  return raw.substr(i, 12) == "JUST WATCHED" &&
         memmem(raw.data(), raw.size(), "Replay More Videos", 18) != nullptr;
}

// A media widget's caption line: "Media playback is unsupported on your
// device Media caption <caption>", "Image copyright Reuters Image caption
// <caption>". The caption often quotes someone ("Mr Macron urged leaders to
// \"fight for peace\"") and would give a quote, so the line goes whatever
// its length; it must open with one of the widget's labels.
bool IsMediaCaption(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && (raw[i] == ' ' || raw[i] == '\t')) ++i;
  std::string_view line = raw.substr(i);
  for (std::string_view label :
       {std::string_view("Media playback is unsupported on your device"),
        std::string_view("Media caption "), std::string_view("Image caption "),
        std::string_view("Image copyright ")}) {
    if (line.starts_with(label)) return true;
  }
  return false;
}

}  // namespace clean_internal
}  // namespace whosaid
