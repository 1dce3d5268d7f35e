#include "src/input/html_title.h"

#include <algorithm>
#include <vector>

namespace whosaid {
namespace {

constexpr std::string_view kSeps[] = {" | ", " - ", " \xE2\x80\x94 ",
                                      " \xE2\x80\x93 ", " :: "};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || u >= 0x80;
}

bool SameFolded(std::string_view x, std::string_view y) {
  if (x.size() != y.size() || x.empty()) return false;
  for (size_t k = 0; k < x.size(); ++k) {
    if (Lower(x[k]) != Lower(y[k])) return false;
  }
  return true;
}

// Lower-cased letters and digits only ("Vortex Cannon" -> "vortexcannon").
std::string Squash(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsWordByte(c)) out.push_back(Lower(c));
  }
  return out;
}

std::string LowerAll(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

// The distinctive label of the URL's host: "blog.givewell.org" ->
// "givewell", "www.digg.com" -> "digg"; "" when none has >= 4 letters.
std::string HostLabel(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  std::string_view host = url.substr(p + 3);
  host = host.substr(0, std::min(host.find_first_of("/:?#"), host.size()));
  std::vector<std::string_view> labels;
  size_t b = 0;
  while (b <= host.size()) {
    size_t e = std::min(host.find('.', b), host.size());
    labels.push_back(host.substr(b, e - b));
    b = e + 1;
  }
  if (labels.size() < 2) return "";
  labels.pop_back();  // the top-level domain
  static constexpr std::string_view kGeneric[] = {
      "www", "m",   "amp", "mobile", "news", "blog", "blogs", "edition",
      "co",  "com", "org", "net",    "ac",   "gov",  "edu"};
  std::string best;
  for (std::string_view l : labels) {
    std::string s = LowerAll(l);
    if (std::find(std::begin(kGeneric), std::end(kGeneric), s) !=
        std::end(kGeneric)) {
      continue;
    }
    if (s.size() > best.size()) best = s;
  }
  return best.size() >= 4 ? best : "";
}

std::vector<std::string_view> SplitParts(std::string_view title,
                                         std::string_view* sep_out) {
  for (std::string_view sep : kSeps) {
    if (title.find(sep) == std::string_view::npos) continue;
    std::vector<std::string_view> parts;
    size_t b = 0;
    while (b <= title.size()) {
      size_t e = std::min(title.find(sep, b), title.size());
      parts.push_back(title.substr(b, e - b));
      b = e + sep.size();
    }
    *sep_out = sep;
    return parts;
  }
  *sep_out = {};
  return {title};
}

bool IsStopWord(std::string_view w) {
  static constexpr std::string_view kStop[] = {
      "that", "this", "with",  "from",  "what",  "when",  "your",  "have",
      "will", "they", "their", "about", "after", "over",  "into",  "than",
      "more", "been", "were",  "here",  "there", "which", "would", "could"};
  return std::find(std::begin(kStop), std::end(kStop), w) != std::end(kStop);
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsWordByte(s[i])) ++i;
    size_t b = i;
    while (i < s.size() && IsWordByte(s[i])) ++i;
    if (i - b >= 4) {
      std::string w = LowerAll(s.substr(b, i - b));
      if (!IsStopWord(w)) out.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace

bool IsSiteName(std::string_view part, const TitleCandidates& c) {
  if (SameFolded(part, c.site_name) || SameFolded(part, c.publisher)) {
    return true;
  }
  std::string host = HostLabel(c.url);
  if (host.empty()) return false;
  std::string p = Squash(part);
  if (p.size() < 4) return false;
  // The host's name must be most of the part: "The Courier view on the
  // budget" on thecourier.example is a headline, not the site.
  if (host.find(p) != std::string::npos) return true;
  return p.find(host) != std::string::npos && host.size() * 5 >= p.size() * 2;
}

std::string TitleTagHeadline(std::string_view title, const TitleCandidates& c) {
  std::string_view sep;
  std::vector<std::string_view> parts = SplitParts(title, &sep);
  if (parts.size() == 1) return std::string(title);
  std::string_view best, best_any;
  for (std::string_view part : parts) {
    if (part.size() > best_any.size()) best_any = part;
    if (part.size() > best.size() && !IsSiteName(part, c)) best = part;
  }
  return std::string(best.empty() ? best_any : best);
}

std::string StripSiteAffix(std::string_view title, const TitleCandidates& c) {
  for (std::string_view sep : kSeps) {
    size_t last = title.rfind(sep);
    if (last != std::string_view::npos && last > 0 &&
        IsSiteName(title.substr(last + sep.size()), c)) {
      return std::string(title.substr(0, last));
    }
    size_t first = title.find(sep);
    if (first != std::string_view::npos && first > 0 &&
        first + sep.size() < title.size() &&
        IsSiteName(title.substr(0, first), c)) {
      return std::string(title.substr(first + sep.size()));
    }
  }
  return std::string(title);
}

bool IsTitleTagPart(std::string_view title, std::string_view part) {
  if (part.empty() || part.size() >= title.size()) return false;
  for (std::string_view sep : kSeps) {
    size_t n = part.size() + sep.size();
    if (title.size() <= n) continue;
    if (title.substr(0, part.size()) == part &&
        title.substr(part.size(), sep.size()) == sep) {
      return true;
    }
    if (title.substr(title.size() - part.size()) == part &&
        title.substr(title.size() - n, sep.size()) == sep) {
      return true;
    }
  }
  return false;
}

bool SharesTitleWord(std::string_view a, std::string_view b) {
  std::string la = Squash(a), lb = Squash(b);
  if (la.empty() || lb.empty()) return false;
  if (la.find(lb) != std::string::npos || lb.find(la) != std::string::npos) {
    return true;
  }
  std::vector<std::string> wa = Words(a), wb = Words(b);
  for (const std::string& w : wa) {
    if (std::find(wb.begin(), wb.end(), w) != wb.end()) return true;
  }
  return false;
}

std::string PickHeadline(const TitleCandidates& c) {
  std::string tag_headline = TitleTagHeadline(c.title_tag, c);
  // A logo h1: the site's name, or the part of "Headline | Site" that is
  // not the headline.
  bool h1_is_site =
      !c.h1.empty() &&
      (SameFolded(c.h1, c.site_name) || SameFolded(c.h1, c.publisher) ||
       (!SameFolded(c.h1, tag_headline) && IsTitleTagPart(c.title_tag, c.h1)));
  // An h1 about something else (a sidebar's, a section's): no word in
  // common with any title the page's metadata gives.
  bool h1_unrelated = false;
  if (!c.h1.empty() && !h1_is_site) {
    std::string_view meta[] = {c.og_title, c.ld_headline, c.title_tag,
                               tag_headline};
    bool any = false, related = false;
    for (std::string_view t : meta) {
      if (t.empty()) continue;
      any = true;
      related = related || SharesTitleWord(c.h1.substr(0, c.max_compare_bytes),
                                           t.substr(0, c.max_compare_bytes));
    }
    h1_unrelated = any && !related;
  }
  if (!c.h1.empty() && c.h1.size() < 400 && !h1_is_site && !h1_unrelated) {
    return std::string(c.h1);
  }
  if (!c.og_title.empty()) return StripSiteAffix(c.og_title, c);
  if (!c.ld_headline.empty()) return StripSiteAffix(c.ld_headline, c);
  if (!tag_headline.empty()) return tag_headline;
  return std::string(c.h1);
}

}  // namespace whosaid
