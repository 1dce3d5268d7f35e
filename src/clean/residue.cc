#include "src/clean/residue.h"

#include <cstring>

#include "src/base/word_lists.h"
#include "src/clean/label_lines.h"
#include "src/clean/photo_credits.h"
#include "src/clean/residue_words.h"
#include "src/clean/widget_lines.h"

namespace whosaid {
namespace clean_internal {

const char* ResidueKindName(ResidueKind kind) {
  switch (kind) {
    case ResidueKind::kNone:
      return "none";
    case ResidueKind::kWordList:
      return "word list";
    case ResidueKind::kChrome:
      return "chrome";
    case ResidueKind::kLinkPrefix:
      return "link";
    case ResidueKind::kSocial:
      return "social";
    case ResidueKind::kCookie:
      return "notice";
    case ResidueKind::kCaption:
      return "caption";
    case ResidueKind::kCrumb:
      return "crumb";
    case ResidueKind::kSeparator:
      return "separator";
    case ResidueKind::kHighlights:
      return "highlights";
    case ResidueKind::kCount:
      break;
  }
  return "?";
}

namespace {

using sv = std::string_view;

// Gate of the notice and cookie rules, on raw or normalised text: true when
// the text holds "cookie", "policy", "javascript", "browser" or "block" (any
// case). Scans with memchr for the rarer letters k, y, j and w.
bool HasNoticeAnchor(sv t) {
  const auto* s = reinterpret_cast<const unsigned char*>(t.data());
  const size_t n = t.size();
  auto lower = [&](size_t i) {
    return static_cast<unsigned char>(s[i] | 0x20);
  };
  for (unsigned char mark : {'k', 'y', 'j', 'J', 'w'}) {
    const unsigned char* p = s;
    while (p < s + n) {
      const void* hit = std::memchr(p, mark, static_cast<size_t>(s + n - p));
      if (hit == nullptr) break;
      size_t i =
          static_cast<size_t>(static_cast<const unsigned char*>(hit) - s);
      p = s + i + 1;
      if (mark == 'k' && i >= 3 &&
          ((lower(i - 2) == 'o' && lower(i - 1) == 'o' &&
            lower(i - 3) == 'c') ||
           (lower(i - 3) == 'l' && lower(i - 2) == 'o' &&
            lower(i - 1) == 'c'))) {
        return true;  // cook(ie), (b)lock
      }
      if (mark == 'y' && i >= 4 && lower(i - 4) == 'o' && lower(i - 3) == 'l' &&
          lower(i - 2) == 'i' && lower(i - 1) == 'c') {
        return true;  // (p)olicy
      }
      if ((mark == 'j' || mark == 'J') && i + 4 <= n && lower(i + 1) == 'a' &&
          lower(i + 2) == 'v' && lower(i + 3) == 'a') {
        return true;  // java(script)
      }
      if (mark == 'w' && i >= 2 && i + 1 < n && lower(i - 2) == 'r' &&
          lower(i - 1) == 'o' && lower(i + 1) == 's') {
        return true;  // (b)rows(er)
      }
    }
  }
  return false;
}

template <size_t N>
bool HasTriggerWord(const LineText& n, const sv (&list)[N]) {
  for (size_t i = 0; i < n.indexed_words(); ++i) {
    sv w = n.word(i);
    while (!w.empty() && !IsAsciiAlpha(static_cast<unsigned char>(w.back()))) {
      w.remove_suffix(1);
    }
    if (w.size() < 4) continue;
    for (sv x : list) {
      if (x[0] == w[0] && x == w) return true;
    }
  }
  return false;
}

bool IsWordChar(unsigned char c) {
  return IsAsciiAlpha(c) || IsAsciiDigit(c) || c >= 0x80 || c == '+' ||
         c == '\'' || c == '-';
}

// Strips bullets, dashes and similar from the front of a normalised line.
sv StripLead(sv t) {
  size_t i = 0;
  while (i < t.size()) {
    char c = t[i];
    if (c == '-' || c == '*' || c == '|' || c == '>' || c == '~' || c == '_' ||
        c == ' ' || c == '#' || c == '.' || c == '=') {
      ++i;
    } else {
      break;
    }
  }
  return t.substr(i);
}

bool StartsWith(sv t, sv p) {
  return t.size() >= p.size() && t.substr(0, p.size()) == p;
}

// True when text[at] starts a sentence: only bullets or sentence marks
// stand between it and the previous word.
bool OpensSentence(sv text, size_t at) {
  while (at > 0 && text[at - 1] == ' ') --at;
  if (at == 0) return true;
  char c = text[at - 1];
  return c == '.' || c == '?' || c == '!' || c == '(' || c == ':' || c == '*' ||
         c == '|' || c == '-' || c == '"';
}

bool IsNumberRun(sv w) {
  for (char c : w) {
    if (!IsAsciiDigit(static_cast<unsigned char>(c))) return false;
  }
  return !w.empty();
}

// "Follow us on Twitter", "Follow Jane Roe on Twitter @janeroe", "Like us on
// Facebook", "Join me on Instagram": an imperative to a social network.
bool IsSocialLine(const LineText& n, sv t) {
  if (n.word_count() < 2) return false;
  size_t space = t.find(' ');
  if (space == sv::npos) return false;
  sv verb = t.substr(0, space);
  if (verb != "follow" && verb != "like" && verb != "join" && verb != "find" &&
      verb != "connect") {
    return false;
  }
  sv rest = t.substr(space + 1);
  bool network = false;
  for (sv s : kSocialWords) network |= rest.find(s) != sv::npos;
  if (!network) return false;
  if (rest[0] == '@') return true;
  static constexpr sv kObjects[] = {"us ",   "me ",  "him ",    "her ",
                                    "them ", "our ", "with us", "the "};
  for (sv o : kObjects) {
    if (StartsWith(rest, o)) return true;
  }
  // "Follow Jane Roe on Twitter": a capitalised name, then the network.
  return verb == "follow" &&
         (n.Contains("on twitter") || n.Contains("on facebook") ||
          n.Contains("on instagram") || rest.find('@') != sv::npos);
}

// "6 years ago", "3 hours ago": a relative time stamp alone on its line.
bool IsRelativeTime(const LineText& n) {
  if (n.word_count() != 3) return false;
  sv num = n.word(0), unit = n.word(1), ago = n.word(2);
  if (ago != "ago" || !IsNumberRun(num)) return false;
  if (!unit.empty() && unit.back() == 's') unit.remove_suffix(1);
  return unit == "second" || unit == "minute" || unit == "hour" ||
         unit == "day" || unit == "week" || unit == "month" || unit == "year";
}

// A line made only of chrome words (word runs between punctuation).
bool IsChromeOnly(sv t) {
  // Exact chrome lines first (trailing punctuation ignored).
  size_t end = t.size();
  while (end > 0 && !IsWordChar(static_cast<unsigned char>(t[end - 1]))) {
    --end;
  }
  size_t begin = 0;
  while (begin < end && !IsWordChar(static_cast<unsigned char>(t[begin]))) {
    ++begin;
  }
  sv core = t.substr(begin, end - begin);
  if (core.empty()) return false;
  for (sv line : kChromeLines) {
    if (core == line) return true;
  }
  int strong = 0;
  size_t i = 0;
  while (i < core.size()) {
    auto c = static_cast<unsigned char>(core[i]);
    if (!IsWordChar(c)) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < core.size() && IsWordChar(static_cast<unsigned char>(core[j]))) {
      ++j;
    }
    sv w = core.substr(i, j - i);
    while (!w.empty() && (w.back() == '\'' || w.back() == '-')) {
      w.remove_suffix(1);
    }
    if (InWordList(kStrongChrome, w)) {
      ++strong;
    } else if (!InWordList(kWeakChrome, w) && !IsNumberRun(w)) {
      return false;
    }
    i = j;
  }
  return strong > 0;
}

bool IsUrlOrHandle(sv w) {
  if (w.empty()) return false;
  if (w[0] == '@' || w[0] == '#') return w.size() > 1;
  if (w.find("://") != sv::npos || StartsWith(w, "www.")) return true;
  // host-like: letters.letters[/...] with a known top-level domain.
  size_t slash = w.find('/');
  sv host = w.substr(0, slash);
  while (!host.empty() && (host.back() == '.' || host.back() == ',')) {
    host.remove_suffix(1);
  }
  size_t dot = host.rfind('.');
  if (dot == sv::npos || dot == 0) return false;
  sv tld = host.substr(dot + 1);
  static constexpr sv kTlds[] = {"com", "org", "net",  "co", "uk", "io",
                                 "gov", "edu", "info", "tv", "us", "ru"};
  for (sv t : kTlds) {
    if (tld == t) return true;
  }
  return false;
}

// A line of URLs and handles only (numbers, "|" and chrome words allowed).
bool IsUrlOnly(const LineText& n) {
  if (n.word_count() > LineText::kMaxWords || n.word_count() > 12) {
    return false;
  }
  int urls = 0;
  for (size_t i = 0; i < n.indexed_words(); ++i) {
    sv w = n.word(i);
    while (!w.empty() && (w.front() == '(' || w.front() == '[')) {
      w.remove_prefix(1);
    }
    while (!w.empty() && (w.back() == ')' || w.back() == ']' ||
                          w.back() == ',' || w.back() == '.')) {
      w.remove_suffix(1);
    }
    if (w.empty() || IsNumberRun(w)) continue;
    if (IsUrlOrHandle(w)) {
      ++urls;
      continue;
    }
    if (w.size() == 1 && !IsWordChar(static_cast<unsigned char>(w[0]))) {
      continue;
    }
    if (w == "source:" || w == "via" || w == "via:" || w == "follow" ||
        InWordList(kStrongChrome, w)) {
      continue;
    }
    return false;
  }
  return urls > 0;
}

// "Home > News > World": at least three short items between spaced
// separators, no sentence punctuation.
bool IsCrumb(sv t, size_t words) {
  if (words > 16) return false;
  int seps = 0;
  int item_words = 0;
  int max_item_words = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    bool spaced =
        i > 0 && t[i - 1] == ' ' && i + 1 < t.size() && t[i + 1] == ' ';
    if ((c == '>' || c == '/' || c == '|') && spaced) {
      ++seps;
      item_words = 0;
    } else if (c == '.' || c == '!' || c == '?' || c == '"' || c == ',') {
      return false;
    } else if (c == ' ' && i > 0 && t[i - 1] != ' ' && t[i - 1] != '>' &&
               t[i - 1] != '/' && t[i - 1] != '|') {
      ++item_words;
      if (item_words > max_item_words) max_item_words = item_words;
    }
  }
  return seps >= 2 && max_item_words <= 4;
}

ResidueKind ClassifyShort(const LineText& n, const ResidueLimits& limits,
                          bool at_edge) {
  sv t = StripLead(n.text());
  const size_t words = n.word_count();
  if (t.empty()) return ResidueKind::kSeparator;
  if (words <= 12 && (IsChromeOnly(t) || IsRelativeTime(n))) {
    return ResidueKind::kChrome;
  }
  const bool quoted = n.has_double_quote();
  if (words <= limits.max_lexicon_words && !quoted) {
    for (const Prefix& p : kLinkPrefixes) {
      if (t[0] == p.text[0] && words <= p.max_words && StartsWith(t, p.text)) {
        return ResidueKind::kLinkPrefix;
      }
    }
    if (HasTriggerWord(n, kLinkTriggers)) {
      for (sv p : kLinkPhrases) {
        if (n.Contains(p)) return ResidueKind::kLinkPrefix;
      }
      for (sv p : kWeakLinkPhrases) {
        size_t at = n.Find(p);
        if (at == sv::npos) continue;
        if (OpensSentence(n.text(), at)) return ResidueKind::kLinkPrefix;
        for (sv w : kNewsletterWords) {
          if (n.Contains(w)) return ResidueKind::kLinkPrefix;
        }
      }
    }
    if (IsSocialLine(n, t)) return ResidueKind::kSocial;
    if (IsUrlOnly(n)) return ResidueKind::kSocial;
    if (IsCrumb(t, words)) return ResidueKind::kCrumb;
  }
  if (words <= limits.max_notice_words && (at_edge || words <= 16) &&
      HasNoticeAnchor(n.text())) {
    for (sv p : kNoticePhrases) {
      if (n.Contains(p)) return ResidueKind::kCookie;
    }
    if (t.find("cookie") != sv::npos) {
      for (sv p : kCookieCompanions) {
        if (n.Contains(p)) return ResidueKind::kCookie;
      }
    }
  }
  if (words <= 80) {
    if (StartsWith(t, "file - ") || StartsWith(t, "file photo") ||
        StartsWith(t, "file- ")) {
      return ResidueKind::kCaption;
    }
    if (EndsWithCreditGroup(t)) return ResidueKind::kCaption;
    if (!n.has_double_quote() && EndsWithPhotoCredit(t)) {
      return ResidueKind::kCaption;
    }
  }
  // A link card: a headline with "Read more" at its end ("Five things to
  // know about the budget Read more").
  if (words <= 30 && !n.has_double_quote() && t.ends_with(" read more")) {
    return ResidueKind::kLinkPrefix;
  }
  return ResidueKind::kNone;
}

bool IsFunctionWord(const unsigned char* w, size_t len) {
  if (len == 0 || len > 4) return false;
  char b[5];
  for (size_t i = 0; i < len; ++i) b[i] = static_cast<char>(w[i] | 0x20);
  sv s(b, len);
  static constexpr sv kWords[] = {
      "a",   "an",  "the", "of",   "to",   "in",   "and", "is",  "was",
      "are", "for", "on",  "that", "with", "as",   "by",  "at",  "it",
      "he",  "she", "his", "her",  "has",  "have", "be",  "we",  "they",
      "not", "but", "or",  "who",  "said", "will", "had", "its", "from"};
  for (sv x : kWords) {
    if (x == s) return true;
  }
  return false;
}

bool IsSentenceEnd(const unsigned char* s, size_t n, size_t i) {
  unsigned char c = s[i];
  if (c != '.' && c != '!' && c != '?') return false;
  if (i + 1 >= n) return true;
  unsigned char d = s[i + 1];
  return IsAsciiSpace(d) || d == '"' || d == '\'' || d == ')' || d == ']' ||
         d == 0xE2;  // closing curly quote
}

// True when the line has a sentence end or a double quote mark: then it is
// not a word list. Sentence ends are found with memchr (prose hits one early).
bool HasSentenceOrQuote(const unsigned char* s, size_t n) {
  for (unsigned char mark : {'.', '?', '!'}) {
    const unsigned char* p = s;
    const unsigned char* end = s + n;
    while (p < end) {
      const void* hit = std::memchr(p, mark, static_cast<size_t>(end - p));
      if (hit == nullptr) break;
      size_t i =
          static_cast<size_t>(static_cast<const unsigned char*>(hit) - s);
      if (IsSentenceEnd(s, n, i)) return true;
      p = s + i + 1;
    }
  }
  if (std::memchr(s, '"', n) != nullptr) return true;
  const unsigned char* p = s;
  const unsigned char* end = s + n;
  while (p < end) {  // curly double quotes E2 80 9C / 9D
    const void* hit = std::memchr(p, 0xE2, static_cast<size_t>(end - p));
    if (hit == nullptr) break;
    size_t i = static_cast<size_t>(static_cast<const unsigned char*>(hit) - s);
    if (i + 2 < n && s[i + 1] == 0x80 &&
        (s[i + 2] == 0x9C || s[i + 2] == 0x9D)) {
      return true;
    }
    p = s + i + 1;
  }
  return false;
}

// Icon-font glyph names and menus: many words, no sentence, no quote, and
// either many "icon" words or no function word at all.
ResidueKind ClassifyWordList(sv raw, const ResidueLimits& limits) {
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t n = raw.size();
  if (n < 2 * limits.min_word_list_words || HasSentenceOrQuote(s, n)) {
    return ResidueKind::kNone;
  }
  // Tweets ("— Name (@handle) date") and data lists ("Trump 33.5; Cruz 17")
  // are content, not chrome.
  if (std::memchr(s, '@', n) != nullptr || std::memchr(s, ';', n) != nullptr) {
    return ResidueKind::kNone;
  }
  size_t tokens = 0, icon = 0, function = 0, commas = 0, numbers = 0;
  size_t i = 0;
  while (i < n) {
    while (i < n && IsAsciiSpace(s[i])) ++i;
    if (i >= n) break;
    size_t b = i;
    bool has_icon = false;
    bool has_digit = false;
    while (i < n && !IsAsciiSpace(s[i])) {
      unsigned char c = s[i];
      if (c == ',') ++commas;
      has_digit |= IsAsciiDigit(c);
      if ((c | 0x20) == 'i' && i + 3 < n && (s[i + 1] | 0x20) == 'c' &&
          (s[i + 2] | 0x20) == 'o' && (s[i + 3] | 0x20) == 'n') {
        has_icon = true;
      }
      ++i;
    }
    ++tokens;
    if (has_digit) ++numbers;
    if (has_icon) ++icon;
    if (IsFunctionWord(s + b, i - b)) ++function;
  }
  if (tokens < limits.min_word_list_words) return ResidueKind::kNone;
  if (icon * 5 >= tokens) return ResidueKind::kWordList;
  if (tokens >= 20 && n <= LineText::kMaxBytes && function == 0 &&
      commas * 10 <= tokens && numbers * 5 <= tokens) {
    return ResidueKind::kWordList;
  }
  return ResidueKind::kNone;
}

}  // namespace

bool LooksLikeProse(std::string_view raw, size_t min_words) {
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t n = raw.size();
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < n; ++i) {
    if (IsAsciiSpace(s[i])) {
      in_word = false;
      continue;
    }
    if (!in_word) {
      ++words;
      in_word = true;
    }
    if (words >= min_words && IsSentenceEnd(s, n, i)) return true;
  }
  return false;
}

ResidueKind ClassifyResidue(std::string_view raw, const LineText* norm,
                            const ResidueLimits& limits, bool at_edge) {
  if (norm != nullptr) {
    if (!norm->has_letter_or_digit()) return ResidueKind::kSeparator;
    ResidueKind k = ClassifyShort(*norm, limits, at_edge);
    if (k != ResidueKind::kNone) return k;
  }
  return ClassifyWordList(raw, limits);
}

namespace {

// Packs the ASCII-lowercased first four bytes at p (n >= 4).
inline uint32_t Pack4(const unsigned char* p) {
  return static_cast<uint32_t>(p[0] | 0x20) |
         static_cast<uint32_t>(p[1] | 0x20) << 8 |
         static_cast<uint32_t>(p[2] | 0x20) << 16 |
         static_cast<uint32_t>(p[3] | 0x20) << 24;
}
constexpr uint32_t Pack4(const char* p) {
  return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(p[3])) << 24;
}
// First four letters of the words of kLinkPhrases (gate of the full check
// for lines of 17 to max_lexicon_words words).
constexpr uint32_t kTrigger4[] = {Pack4("sign"), Pack4("clic"), Pack4("subs"),
                                  Pack4("inbo"), Pack4("repr"), Pack4("rese"),
                                  Pack4("foll"), Pack4("like"), Pack4("twit")};

bool HeadMatches(sv raw, LineText* scratch, const ResidueLimits& limits,
                 size_t words) {
  scratch->Assign(raw.substr(0, raw.size() < 48 ? raw.size() : 48));
  sv t = StripLead(scratch->text());
  if (t.empty()) return true;
  for (const Prefix& p : kLinkPrefixes) {
    if (t[0] == p.text[0] && words <= p.max_words && StartsWith(t, p.text)) {
      return true;
    }
  }
  return StartsWith(t, "follow ") || StartsWith(t, "like ") ||
         StartsWith(t, "join ") || StartsWith(t, "find ") ||
         StartsWith(t, "connect ") || StartsWith(t, "file");
}

}  // namespace

ResidueKind ClassifyLine(std::string_view raw, LineText* scratch,
                         const ResidueLimits& limits, bool at_edge) {
  if (HasGalleryCounter(raw) || IsMediaCaption(raw)) {
    return ResidueKind::kCaption;
  }
  if (IsSignUpForm(raw, limits.max_notice_words)) {
    return ResidueKind::kLinkPrefix;
  }
  if (IsVideoPlaylist(raw) || IsAudioPlayer(raw) || IsListenToArticleBar(raw)) {
    return ResidueKind::kChrome;
  }
  if (IsBracketedLink(raw) || IsContactLine(raw)) {
    return ResidueKind::kLinkPrefix;
  }
  if (IsShareBarCaption(raw) || IsVideoCloseCaption(raw) ||
      EndsWithCreditLabel(raw)) {
    return ResidueKind::kCaption;
  }
  if (raw.size() > LineText::kMaxBytes) {
    return ClassifyWordList(raw, limits);
  }
  // Most lines are prose paragraphs longer than any lexicon rule allows:
  // count words cheaply and normalise only lines a short-line rule, a
  // caption or a notice rule could apply to.
  const auto* s = reinterpret_cast<const unsigned char*>(raw.data());
  const size_t n = raw.size();
  size_t spaces = 0;  // vectorised: a word count estimate for the gates
  for (size_t i = 0; i < n; ++i) spaces += (s[i] == ' ');
  const size_t words = spaces + 1;
  bool trigger = false;
  if (words > 16 && words <= limits.max_lexicon_words) {
    for (size_t i = 0; i + 4 <= n; ++i) {
      if (i == 0 || s[i - 1] == ' ') {
        uint32_t w = Pack4(s + i);
        for (uint32_t t : kTrigger4) trigger |= (w == t);
      }
    }
  }
  bool full = words <= 16;
  if (!full && words <= limits.max_lexicon_words) {
    full = trigger || HeadMatches(raw, scratch, limits, words);
  }
  if (!full && words <= 80) {
    size_t e = n;
    while (e > 0 && (raw[e - 1] == '.' || raw[e - 1] == ' ')) --e;
    full = e > 0 && raw[e - 1] == ')';
  }
  if (!full && at_edge && words <= limits.max_notice_words) {
    full = HasNoticeAnchor(raw);
  }
  if (!full) return ClassifyWordList(raw, limits);
  scratch->Assign(raw);
  return ClassifyResidue(raw, scratch, limits, at_edge);
}

}  // namespace clean_internal
}  // namespace whosaid
