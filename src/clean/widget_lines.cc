#include "src/clean/widget_lines.h"

#include <cstring>

#include "src/clean/line_text.h"

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

namespace {

// Whether `d` is a duration: digits with one or two ":"-separated
// two-digit parts ("5:21", "1:02:15").
bool IsDuration(std::string_view d) {
  size_t i = 0, parts = 0;
  while (i < d.size()) {
    size_t digits = 0;
    while (i < d.size() && d[i] >= '0' && d[i] <= '9') ++i, ++digits;
    if (digits == 0 || (parts > 0 && digits != 2)) return false;
    ++parts;
    if (i == d.size()) break;
    if (d[i] != ':') return false;
    ++i;
  }
  return parts >= 2 && parts <= 3;
}

}  // namespace

// An audio player's line: "<section> <title> <title> Listen · 5:21 5:21"
// (the duration twice: elapsed and total). Only the label and a duration
// at the end decide; the title reads like a headline.
bool IsAudioPlayer(std::string_view raw) {
  constexpr std::string_view kLabel = "Listen \xC2\xB7 ";  // "Listen · "
  while (!raw.empty() &&
         (raw.back() == ' ' || raw.back() == '\t' || raw.back() == '\r')) {
    raw.remove_suffix(1);
  }
  // A duration ends the line: most lines end otherwise, and are not
  // searched for the label.
  if (raw.empty() || raw.back() < '0' || raw.back() > '9') return false;
  const size_t at = raw.rfind(kLabel);
  if (at == std::string_view::npos) return false;
  std::string_view tail = raw.substr(at + kLabel.size());
  const size_t space = tail.find(' ');
  if (space == std::string_view::npos) return IsDuration(tail);
  return IsDuration(tail.substr(0, space)) &&
         IsDuration(tail.substr(space + 1));
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

bool HasFormWordBytes(std::string_view raw) {
  // Each spelling is found at one of its less common letters (its anchor,
  // at `at`): every occurrence of a spelling has its anchor byte at start +
  // at, so testing the spellings of an anchor wherever memchr finds that
  // byte finds them all. Six memchr scans and a check per anchor byte found
  // replaced eight memmem scans of every line (39M instructions per 300
  // AllSides articles, 1.9% of extraction; branch speed23).
  struct Spelling {
    std::string_view text;
    size_t at;
  };
  struct Anchor {
    char byte;
    Spelling spellings[3];
  };
  static constexpr Anchor kAnchors[] = {
      {'x', {{"nbox", 3}}},
      {'g', {{"ign up", 1}, {"ign Up", 1}, {"igning up", 1}}},
      {'w', {{"ewsletter", 1}}},
      {'b', {{"ubscribe", 1}}},
      {'P', {{"APTCHA", 1}}},
      {'p', {{"aptcha", 1}}}};
  const char* const data = raw.data();
  const size_t n = raw.size();
  for (const Anchor& a : kAnchors) {
    for (const void* hit = std::memchr(data, a.byte, n); hit != nullptr;) {
      const size_t i =
          static_cast<size_t>(static_cast<const char*>(hit) - data);
      for (const Spelling& s : a.spellings) {
        if (s.text.empty() || i < s.at) continue;
        const size_t start = i - s.at;
        if (n - start >= s.text.size() &&
            raw.compare(start, s.text.size(), s.text) == 0) {
          return true;
        }
      }
      hit = i + 1 < n ? std::memchr(data + i + 1, a.byte, n - i - 1) : nullptr;
    }
  }
  return false;
}

namespace {

// True if `lower` (lower case ASCII) occurs in `raw` in any letter case.
bool HasIgnoringCase(std::string_view raw, std::string_view lower) {
  if (lower.empty() || raw.size() < lower.size()) return false;
  for (size_t i = 0; i + lower.size() <= raw.size(); ++i) {
    size_t k = 0;
    while (k < lower.size() && (static_cast<unsigned char>(raw[i + k]) |
                                0x20) == static_cast<unsigned char>(lower[k])) {
      ++k;
    }
    if (k == lower.size()) return true;
  }
  return false;
}

// True if the line quotes someone at length: a double quotation mark
// opened and not closed within 60 bytes ("told Vox, “All users agree to our
// Terms of Service when they sign up ..."). A form only quotes a
// newsletter's name.
bool HasLongQuotation(std::string_view raw) {
  constexpr std::string_view kOpen = "\xE2\x80\x9C";   // “
  constexpr std::string_view kClose = "\xE2\x80\x9D";  // ”
  for (size_t at = 0; (at = raw.find(kOpen, at)) != raw.npos; ++at) {
    size_t close = raw.find(kClose, at);
    if (close == raw.npos || close - at > 60) return true;
  }
  size_t at = raw.find('"');
  while (at != raw.npos) {
    size_t close = raw.find('"', at + 1);
    if (close == raw.npos || close - at > 60) return true;
    at = raw.find('"', close + 1);
  }
  return false;
}

}  // namespace

// A newsletter sign-up form flattened into one line: "Get the latest
// stories delivered to your inbox. By signing up, you agree to our Privacy
// Policy", "Email Sign Up By signing up you agree to receive email
// newsletters ... This site is protected by reCAPTCHA". It takes a form
// word (sign up, newsletter, inbox, subscribe, reCAPTCHA) and a consent or
// delivery phrase (you agree, privacy policy, terms of service, your inbox,
// reCAPTCHA): two different ones, and no long quotation. Prose about
// newsletters rarely says both.
bool IsSignUpForm(std::string_view raw, size_t max_words) {
  // Cheap gate on the usual spellings; the full test ignores case.
  if (!HasFormWordBytes(raw)) return false;
  size_t words = 1;
  for (char c : raw) words += c == ' ';
  if (words > max_words) return false;
  static constexpr std::string_view kForm[] = {
      "sign up", "signing up", "sign-up", "newsletter", "inbox", "recaptcha"};
  // ("unsubscribe" is no consent phrase: "she unsubscribed" is prose.)
  static constexpr std::string_view kConsent[] = {
      "you agree",  "privacy policy", "terms of service",
      "your inbox", "recaptcha",      "opt-out"};
  std::string_view form, consent;
  for (std::string_view w : kForm) {
    if (HasIgnoringCase(raw, w)) {
      form = w;
      break;
    }
  }
  // "subscribe" as a word, not "subscribers" or "unsubscribe".
  if (form.empty()) {
    for (size_t at = 0; (at = raw.find("ubscribe", at)) != raw.npos; ++at) {
      size_t after = at + 8;
      if (at > 0 && (raw[at - 1] | 0x20) == 's' &&
          (at < 2 || !IsAsciiAlpha(raw[at - 2])) &&
          (after >= raw.size() || !IsAsciiAlpha(raw[after]))) {
        form = "subscribe";
        break;
      }
    }
  }
  if (form.empty()) return false;
  if (HasLongQuotation(raw)) return false;
  for (std::string_view w : kConsent) {
    if (w == form || (form == "inbox" && w == "your inbox")) continue;
    if (HasIgnoringCase(raw, w)) {
      consent = w;
      break;
    }
  }
  return !consent.empty();
}

}  // namespace clean_internal
}  // namespace whosaid
