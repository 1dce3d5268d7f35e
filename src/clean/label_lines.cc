// Label lines (see label_lines.h).
#include "src/clean/label_lines.h"

#include <cstddef>
#include <iterator>

namespace whosaid {
namespace clean_internal {
namespace {

using sv = std::string_view;

sv TrimBlanks(sv t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) {
    t.remove_prefix(1);
  }
  while (!t.empty() &&
         (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) {
    t.remove_suffix(1);
  }
  return t;
}

size_t CountWords(sv t) {
  size_t words = 0;
  bool in_word = false;
  for (char c : t) {
    bool blank = c == ' ' || c == '\t';
    if (!blank && !in_word) ++words;
    in_word = !blank;
  }
  return words;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsBracketedLink(sv raw) {
  sv t = TrimBlanks(raw);
  if (t.size() < 8 || t.front() != '(' || t.back() != ')') return false;
  if (t.find(')') != t.size() - 1 || t.find('(', 1) != sv::npos) return false;
  if (CountWords(t) > 40) return false;
  sv in = t.substr(1, t.size() - 2);
  while (!in.empty() && in.front() == ' ') in.remove_prefix(1);
  const size_t colon = in.find(": ");
  if (colon == sv::npos || colon == 0) return false;
  sv label = in.substr(0, colon);
  if (in.substr(colon + 2).empty()) return false;
  // "Also on <name>": the site's other stories; the name is short.
  if (label.starts_with("Also on ")) {
    sv name = label.substr(8);
    return !name.empty() && IsUpper(name.front()) && CountWords(name) <= 4;
  }
  static constexpr sv kLabels[] = {
      "WATCH",       "VIDEO",     "VIDEOS",        "PHOTO",    "PHOTOS",
      "QUIZ",        "POLL",      "MAP",           "MAPS",     "CHART",
      "CHARTS",      "GRAPHIC",   "INFOGRAPHIC",   "PODCAST",  "AUDIO",
      "CARTOONS",    "CARTOON",   "TIMELINE",      "DOCUMENT", "TRANSCRIPT",
      "SLIDESHOW",   "GALLERY",   "VIDEO GALLERY", "MORE",     "READ",
      "READ MORE",   "SEE",       "SEE RELATED",   "SEE ALSO", "RELATED",
      "SEE RESULTS", "FULL TEXT", "CHECK OUT",     "LISTEN",   "ALSO READ"};
  for (sv l : kLabels) {
    if (label == l) return true;
  }
  return false;
}

bool IsShareBarCaption(sv raw) {
  sv t = TrimBlanks(raw);
  static constexpr sv kNetworks[] = {"Facebook", "Twitter",  "Pinterest",
                                     "Email",    "WhatsApp", "LinkedIn",
                                     "Reddit",   "Messenger"};
  size_t names = 0;
  while (!t.empty()) {
    size_t space = t.find(' ');
    sv word = t.substr(0, space);
    bool network = false;
    for (sv n : kNetworks) network |= word == n;
    if (!network) break;
    ++names;
    if (space == sv::npos) return false;  // the bar alone: other rules
    t.remove_prefix(space + 1);
  }
  return names >= 3 && !t.empty();
}

bool IsVideoCloseCaption(sv raw) {
  sv t = TrimBlanks(raw);
  if (!t.starts_with("CLOSE ")) return false;
  t.remove_prefix(6);
  // A lower-case letter within the description's first two words ("CLOSE
  // A crowd gathers ..."); a heading in capitals has none.
  size_t space = t.find(' ');
  if (space == sv::npos) return false;  // one word: no description
  space = t.find(' ', space + 1);
  sv head = t.substr(0, space);
  for (char c : head) {
    if (IsLower(c)) return true;
  }
  return false;
}

bool IsContactLine(sv raw) {
  sv t = TrimBlanks(raw);
  if (!t.starts_with("Write to ") && !t.starts_with("Send tips to ")) {
    return false;
  }
  if (CountWords(t) > 60) return false;
  // An address: a word character, "@", then (after at most one blank, as
  // some pages print it) a host with a dot.
  for (size_t at = t.find('@'); at != sv::npos; at = t.find('@', at + 1)) {
    if (at == 0 || t[at - 1] == ' ') continue;
    size_t h = at + 1;
    if (h < t.size() && t[h] == ' ') ++h;
    size_t end = h;
    while (end < t.size() && t[end] != ' ' && t[end] != ',') ++end;
    sv host = t.substr(h, end - h);
    while (!host.empty() && host.back() == '.') host.remove_suffix(1);
    size_t dot = host.find('.');
    if (dot != sv::npos && dot > 0 && dot + 1 < host.size()) return true;
  }
  return false;
}

bool EndsWithCreditLabel(sv raw) {
  sv t = TrimBlanks(raw);
  // The credit is short: look at the line's tail only (every line of every
  // page comes here).
  constexpr size_t kTail = 160;
  const size_t from = t.size() > kTail ? t.size() - kTail : 0;
  static constexpr sv kLabels[] = {"Photograph: ", "Photographer: ", "Photo: "};
  // Each label's last occurrence in the tail: every one ends in ": ", so
  // only the colons there are looked at, from the end.
  size_t last[std::size(kLabels)];
  size_t found = 0;
  for (size_t& at : last) at = sv::npos;
  for (size_t c = t.size(); found < std::size(kLabels) && c-- > from;) {
    if (t[c] != ':' || c + 1 >= t.size() || t[c + 1] != ' ') continue;
    for (size_t k = 0; k < std::size(kLabels); ++k) {
      const sv l = kLabels[k];
      if (last[k] != sv::npos || c + 2 < from + l.size()) continue;
      if (t.substr(c + 2 - l.size(), l.size()) == l) {
        last[k] = c + 2 - l.size();
        ++found;
      }
    }
  }
  size_t best = sv::npos;
  size_t best_len = 0;
  for (size_t k = 0; k < std::size(kLabels); ++k) {
    const size_t at = last[k];
    if (at == sv::npos) continue;
    if (at > 0 && t[at - 1] != ' ') continue;
    if (best == sv::npos || at > best) {
      best = at;
      best_len = kLabels[k].size();
    }
  }
  if (best == sv::npos) return false;
  if (CountWords(t) > 80) return false;  // a paragraph, not a caption
  sv credit = t.substr(best + best_len);
  if (credit.empty() || CountWords(credit) > 8) return false;
  if (credit.find('"') != sv::npos || credit.find('?') != sv::npos ||
      credit.find('!') != sv::npos ||
      credit.find("\xE2\x80\x9C") != sv::npos ||  // “
      credit.find("\xE2\x80\x9D") != sv::npos) {  // ”
    return false;
  }
  return true;
}

bool IsListenToArticleBar(sv raw) {
  sv t = TrimBlanks(raw);
  constexpr sv kLabel = "LISTEN TO ARTICLE ";
  if (!t.starts_with(kLabel) || CountWords(t) > 20) return false;
  t.remove_prefix(kLabel.size());
  // A duration: 1 to 3 digits, ":", two digits, then a blank or the end.
  size_t i = 0;
  while (i < t.size() && i < 3 && IsDigit(t[i])) ++i;
  if (i == 0 || i + 3 > t.size() || t[i] != ':' || !IsDigit(t[i + 1]) ||
      !IsDigit(t[i + 2])) {
    return false;
  }
  return i + 3 == t.size() || t[i + 3] == ' ';
}

}  // namespace clean_internal
}  // namespace whosaid
