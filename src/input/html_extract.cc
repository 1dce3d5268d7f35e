#include "src/input/html_extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "src/base/utf8.h"
#include "src/input/charset.h"
#include "src/input/html_date.h"
#include "src/input/html_entities.h"
#include "src/input/html_title.h"
#include "src/input/offset_map.h"

namespace whosaid {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// ---------------------------------------------------------------------------
// JSON-LD: a tolerant scan for a few string fields (no full JSON parse: the
// blocks are often malformed, nested in @graph, or hold several objects).

// Reads the JSON string value after `key` at or after `from`; "" if none.
std::string JsonStringAfter(std::string_view s, std::string_view key,
                            size_t from, size_t window, size_t* at) {
  size_t p = s.find(key, from);
  if (p == std::string_view::npos || p - from > window) return "";
  size_t i = p + key.size();
  while (i < s.size() &&
         (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
    ++i;
  }
  if (i >= s.size() || s[i] != ':') return "";
  ++i;
  while (i < s.size() &&
         (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) {
    ++i;
  }
  if (at) *at = i;
  if (i >= s.size() || s[i] != '"') return "";
  ++i;
  std::string out;
  while (i < s.size() && s[i] != '"' && out.size() < 1000) {
    if (s[i] == '\\' && i + 1 < s.size()) {
      char e = s[i + 1];
      if (e == 'u' && i + 5 < s.size()) {
        uint32_t cp = 0;
        bool ok = true;
        for (int k = 0; k < 4; ++k) {
          char h = Lower(s[i + 2 + k]);
          cp <<= 4;
          if (IsDigit(h)) {
            cp |= h - '0';
          } else if (h >= 'a' && h <= 'f') {
            cp |= h - 'a' + 10;
          } else {
            ok = false;
          }
        }
        if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
          AppendUtf8(static_cast<char32_t>(cp), &out);
        }
        i += 6;
        continue;
      }
      out.push_back(e == 'n' ? ' ' : e == 't' ? ' ' : e);
      i += 2;
      continue;
    }
    out.push_back(s[i]);
    ++i;
  }
  return DecodeHtmlText(out);
}

void ScanJsonLd(const std::vector<std::string>& blocks, std::string* published,
                std::string* author, std::string* publisher,
                std::string* headline) {
  for (const std::string& b : blocks) {
    std::string_view s = b;
    if (published->empty()) {
      *published =
          JsonStringAfter(s, "\"datePublished\"", 0, s.size(), nullptr);
    }
    if (headline->empty()) {
      *headline = JsonStringAfter(s, "\"headline\"", 0, s.size(), nullptr);
    }
    if (author->empty()) {
      size_t p = s.find("\"author\"");
      if (p != std::string_view::npos) {
        size_t at = 0;
        std::string direct = JsonStringAfter(s, "\"author\"", p, 0, &at);
        if (!direct.empty()) {
          *author = direct;
        } else if (at > 0) {
          // Object or list of objects: names until the value closes.
          size_t end = std::min(s.size(), at + 2000);
          size_t depth = 0, k = at;
          for (; k < end; ++k) {
            if (s[k] == '[' || s[k] == '{') ++depth;
            if (s[k] == ']' || s[k] == '}') {
              if (depth <= 1) break;
              --depth;
            }
          }
          std::string_view v = s.substr(at, k - at);
          size_t q = 0;
          while (true) {
            size_t np = v.find("\"name\"", q);
            if (np == std::string_view::npos) break;
            std::string name = JsonStringAfter(v, "\"name\"", np, 0, nullptr);
            if (!name.empty() && name.find("://") == std::string::npos) {
              if (!author->empty()) author->append(", ");
              author->append(name);
            }
            q = np + 6;
          }
        }
      }
    }
    if (publisher->empty()) {
      size_t p = s.find("\"publisher\"");
      if (p != std::string_view::npos) {
        *publisher = JsonStringAfter(s, "\"name\"", p, 300, nullptr);
      }
    }
  }
}

// Dates as pages state them: keeps ISO 8601, rewrites the JavaScript /
// RFC 2822 forms ("Tue Nov 19 2019 03:05:46 GMT+0000", "Tue, 19 Nov 2019
// 03:05:46 GMT") to "2019-11-19T03:05:46", and drops placeholders (years
// before 1990 such as "0001-01-01T00:00:00Z"). Returns "" when unusable.
std::string NormalizeDate(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  auto year_ok = [](int y) { return y >= 1990 && y <= 2100; };
  if (s.size() >= 4 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) &&
      IsDigit(s[3])) {
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    return year_ok(y) ? std::string(s) : std::string();
  }
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr",
                                                 "may", "jun", "jul", "aug",
                                                 "sep", "oct", "nov", "dec"};
  // Tokens: words and numbers; find month name, day, year, hh:mm[:ss].
  int month = 0, day = 0, year = 0;
  std::string time;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == ',')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',') ++i;
    std::string_view w = s.substr(b, i - b);
    if (w.empty()) break;
    if (w.find(':') != std::string_view::npos && IsDigit(w[0])) {
      if (time.empty()) time.assign(w);
      continue;
    }
    if (IsDigit(w[0])) {
      int v = 0;
      size_t k = 0;
      for (; k < w.size() && IsDigit(w[k]) && v < 100000; ++k) {
        v = v * 10 + (w[k] - '0');
      }
      if (k < w.size() &&
          !(k + 2 == w.size() &&
            (w[k] == 's' || w[k] == 'n' || w[k] == 'r' || w[k] == 't'))) {
        continue;  // not a plain number or ordinal
      }
      if (w.size() >= 4 && year == 0) {
        year = v;
      } else if (v >= 1 && v <= 31 && day == 0) {
        day = v;
      }
      continue;
    }
    if (w.size() >= 3 && month == 0) {
      std::string l3 = {Lower(w[0]), Lower(w[1]), Lower(w[2])};
      for (int m = 0; m < 12; ++m) {
        if (l3 == kMonths[m]) month = m + 1;
      }
    }
  }
  if (!year_ok(year) || month == 0 || day == 0) return "";
  std::string out = fmt::format("{:04}-{:02}-{:02}", year, month, day);
  if (!time.empty() && time.size() <= 8) out += "T" + time;
  return out;
}

std::string NormalizeLanguage(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == ';') break;
    out.push_back(c == '_' ? '-' : Lower(c));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Block scoring.

float TagBase(HtmlTag t) {
  switch (t) {
    case HtmlTag::kDiv:
    case HtmlTag::kArticle:
    case HtmlTag::kMain:
    case HtmlTag::kSection:
      return 5;
    case HtmlTag::kPre:
    case HtmlTag::kTd:
    case HtmlTag::kBlockquote:
      return 3;
    case HtmlTag::kAddress:
    case HtmlTag::kOl:
    case HtmlTag::kUl:
    case HtmlTag::kDl:
    case HtmlTag::kDd:
    case HtmlTag::kDt:
    case HtmlTag::kLi:
    case HtmlTag::kForm:
      return -3;
    case HtmlTag::kH1:
    case HtmlTag::kH2:
      return -5;
    default:
      return 0;
  }
}

bool IsParagraphTag(HtmlTag t) {
  return t == HtmlTag::kP || t == HtmlTag::kPre || t == HtmlTag::kTd ||
         t == HtmlTag::kBlockquote || t == HtmlTag::kLi || t == HtmlTag::kDd ||
         t == HtmlTag::kH2;
}

class Scorer {
 public:
  explicit Scorer(const HtmlTree& tree) : t_(tree), n_(tree.nodes.size()) {}

  // Fills *out (text + pieces); returns false when no body was found.
  bool Extract(HtmlArticle* out);

 private:
  float LinkDensity(uint32_t i) const {
    const HtmlNode& n = t_.nodes[i];
    return n.total_text ? static_cast<float>(n.total_link) / n.total_text : 0;
  }
  bool ContainsH1(uint32_t i) const {
    return t_.h1_node != 0 && t_.h1_node >= i && t_.h1_node < t_.nodes[i].end;
  }
  void MarkDropped();
  void ScoreParagraphs();
  uint32_t PickTop();
  void Keep(uint32_t top);
  void UseHiddenBody(bool have_body);
  bool RemoveInside(uint32_t i) const;

  const HtmlTree& t_;
  size_t n_;
  std::vector<uint8_t> dropped_;
  std::vector<float> score_;
  std::vector<uint8_t> touched_;
  std::vector<uint8_t> keep_;
  std::vector<uint8_t> body_inside_;  // subtree holds an articleBody hint
};

void Scorer::MarkDropped() {
  dropped_.assign(n_, 0);
  body_inside_.assign(n_, 0);
  for (uint32_t i = static_cast<uint32_t>(n_); i-- > 1;) {
    if (t_.nodes[i].hints & kHintArticleBody) body_inside_[i] = 1;
    if (body_inside_[i]) body_inside_[t_.nodes[i].parent] = 1;
  }
  const uint32_t root_text = t_.nodes[0].total_text;
  for (uint32_t i = 1; i < n_; ++i) {
    const HtmlNode& n = t_.nodes[i];
    if (dropped_[n.parent]) {
      dropped_[i] = 1;
      continue;
    }
    bool wrapper =
        ContainsH1(i) || n.total_text > root_text / 2 || body_inside_[i];
    bool drop = false;
    if (n.hints & kHintHidden) drop = true;
    if ((n.hints & kHintStrongNegative) && !(n.hints & kHintPositive) &&
        !wrapper && n.tag != HtmlTag::kArticle && n.tag != HtmlTag::kMain) {
      drop = true;
    }
    // A block introduced by a related/recommended/comments heading.
    if (i + 1 < n.end && t_.nodes[i + 1].parent == i &&
        t_.nodes[i + 1].tag == HtmlTag::kH2 &&
        (t_.nodes[i + 1].hints & kHintStrongNegative) && !ContainsH1(i) &&
        !body_inside_[i]) {
      drop = true;
    }
    switch (n.tag) {
      case HtmlTag::kForm:  // ASP.NET pages wrap everything in one form
        drop = drop || !wrapper;
        break;
      case HtmlTag::kNav:
      case HtmlTag::kAside:
      case HtmlTag::kMenu:
        drop = drop || !(wrapper && (n.hints & kHintPositive));
        break;
      case HtmlTag::kFooter:
      case HtmlTag::kHeader:
        drop = drop || !wrapper || n.total_text < root_text / 2;
        break;
      default:
        break;
    }
    dropped_[i] = drop;
  }
}

void Scorer::ScoreParagraphs() {
  score_.assign(n_, 0);
  touched_.assign(n_, 0);
  for (uint32_t i = 1; i < n_; ++i) {
    const HtmlNode& n = t_.nodes[i];
    if (dropped_[i] || n.own_text < 25 || n.tag == HtmlTag::kH1) continue;
    float ld = static_cast<float>(n.own_link) / n.own_text;
    if (ld > 0.5f) continue;
    float c = 1.0f + std::min<float>(n.own_punct, 10) +
              std::min<float>(n.own_text / 100.0f, 3.0f);
    uint32_t a = IsParagraphTag(n.tag) ? n.parent : i;
    for (int level = 0; level < 5 && a != 0; ++level) {
      if (!touched_[a]) {
        touched_[a] = 1;
        score_[a] = TagBase(t_.nodes[a].tag) + t_.nodes[a].class_weight;
      }
      float div = level == 0 ? 1.0f : level == 1 ? 2.0f : level * 3.0f;
      score_[a] += c / div;
      a = t_.nodes[a].parent;
    }
  }
  for (uint32_t i = 1; i < n_; ++i) {
    if (touched_[i]) score_[i] *= 1.0f - LinkDensity(i);
  }
}

uint32_t Scorer::PickTop() {
  uint32_t best = 0;
  float best_score = 0;
  uint32_t top5[5] = {0, 0, 0, 0, 0};
  for (uint32_t i = 1; i < n_; ++i) {
    if (!touched_[i] || dropped_[i]) continue;
    float s = score_[i];
    for (int k = 0; k < 5; ++k) {
      if (top5[k] == 0 || s > score_[top5[k]]) {
        for (int m = 4; m > k; --m) top5[m] = top5[m - 1];
        top5[k] = i;
        break;
      }
    }
    if (s > best_score) {
      best_score = s;
      best = i;
    }
  }
  if (best == 0) return 0;
  // Several strong candidates under one ancestor: take the ancestor.
  // Candidates nested in or around the best one are the same block.
  auto related = [&](uint32_t c) {
    return (c >= best && c < t_.nodes[best].end) ||
           (best >= c && best < t_.nodes[c].end);
  };
  int strong = 0;
  for (int k = 1; k < 5; ++k) {
    if (top5[k] != 0 && score_[top5[k]] >= 0.75f * best_score &&
        !related(top5[k])) {
      ++strong;
    }
  }
  if (strong >= 2) {
    for (uint32_t a = t_.nodes[best].parent; a != 0; a = t_.nodes[a].parent) {
      if (dropped_[a]) break;
      int inside = 0;
      for (int k = 1; k < 5; ++k) {
        uint32_t c = top5[k];
        if (c != 0 && score_[c] >= 0.75f * best_score && !related(c) &&
            c >= a && c < t_.nodes[a].end) {
          ++inside;
        }
      }
      if (inside >= std::min(strong, 3)) {
        best = a;
        break;
      }
    }
  }
  // An only child carries its parent's content: move up.
  while (t_.nodes[best].parent != 0) {
    uint32_t p = t_.nodes[best].parent;
    if (dropped_[p]) break;
    if (t_.nodes[p].total_text > t_.nodes[best].total_text + 20) break;
    best = p;
  }
  return best;
}

// Readability's conditional cleaning, for a node inside the kept content.
bool Scorer::RemoveInside(uint32_t i) const {
  const HtmlNode& n = t_.nodes[i];
  if (dropped_[i]) return true;
  if (n.tag == HtmlTag::kH1) return true;
  if (n.tag == HtmlTag::kFigcaption || (n.hints & kHintCaption)) return true;
  if ((n.hints & kHintStrongNegative) && !(n.hints & kHintPositive) &&
      !body_inside_[i]) {
    return true;
  }
  if (n.total_text == 0) return false;
  float ld = LinkDensity(i);
  bool list =
      n.tag == HtmlTag::kUl || n.tag == HtmlTag::kOl || n.tag == HtmlTag::kMenu;
  if (list && ld > 0.3f) return true;
  if (n.tag == HtmlTag::kP || n.tag == HtmlTag::kBlockquote) {
    if (ld > 0.8f || (ld > 0.5f && n.total_punct == 0)) return true;
  } else if (ld > 0.5f && n.total_text < 2000) {
    return true;
  }
  if (n.class_weight < 0 && !(n.hints & kHintPositive) &&
      n.total_punct * 60 < n.total_text && (n.paragraphs == 0 || ld > 0.2f)) {
    return true;
  }
  if (n.class_weight < 0 && n.total_text < 200 && n.paragraphs == 0) {
    return true;
  }
  return false;
}

void Scorer::Keep(uint32_t top) {
  keep_.assign(n_, 0);
  std::vector<uint32_t> roots;
  uint32_t parent = t_.nodes[top].parent;
  float top_score = score_[top];
  float threshold = std::max(10.0f, top_score * 0.2f);
  if (parent == 0) {
    roots.push_back(top);
  } else {
    for (uint32_t j = parent + 1; j < t_.nodes[parent].end;
         j = t_.nodes[j].end) {
      if (j == top) {
        roots.push_back(j);
        continue;
      }
      if (dropped_[j]) continue;
      const HtmlNode& s = t_.nodes[j];
      float bonus = (s.class_weight > 0 && t_.nodes[top].class_weight > 0)
                        ? top_score * 0.2f
                        : 0;
      float ld = LinkDensity(j);
      bool ok = touched_[j] && score_[j] + bonus >= threshold;
      if (!ok && s.tag == HtmlTag::kP) {
        ok = (s.total_text > 80 && ld < 0.25f) ||
             (s.total_text > 0 && ld == 0 && s.total_punct > 0);
      }
      if (ok && !RemoveInside(j)) roots.push_back(j);
    }
  }
  for (uint32_t r : roots) {
    keep_[r] = 1;
    for (uint32_t i = r + 1; i < t_.nodes[r].end; ++i) {
      keep_[i] = keep_[t_.nodes[i].parent] && !RemoveInside(i);
    }
  }
}

// Some pages ship the full article in a hidden itemprop=articleBody block
// (for search engines) and show only a teaser: when such a block holds much
// more text than the visible extraction, it is the article.
void Scorer::UseHiddenBody(bool have_body) {
  size_t visible = 0;
  if (have_body) {
    for (const HtmlTextRun& run : t_.runs) {
      if (keep_[run.node]) visible += run.length;
    }
  }
  std::vector<uint8_t> hidden(n_, 0);
  uint32_t best = 0;
  for (uint32_t i = 1; i < n_; ++i) {
    const HtmlNode& n = t_.nodes[i];
    hidden[i] = (n.hints & kHintHidden) || hidden[n.parent];
    if (!hidden[i] || !(n.hints & kHintArticleBody)) continue;
    if (n.total_text < 500 || n.total_text < 2 * visible ||
        LinkDensity(i) > 0.3f) {
      continue;
    }
    if (best == 0 || n.total_text > t_.nodes[best].total_text) best = i;
  }
  if (best == 0) return;
  keep_.assign(n_, 0);
  for (uint32_t i = best; i < t_.nodes[best].end; ++i) keep_[i] = 1;
}

bool Scorer::Extract(HtmlArticle* out) {
  MarkDropped();
  ScoreParagraphs();
  uint32_t top = PickTop();
  if (top != 0) Keep(top);
  UseHiddenBody(top != 0);
  if (top == 0 && keep_.empty()) return false;
  std::string& text = out->text;
  text.clear();
  uint32_t last_boundary = 0;
  bool last_space_after = false;
  for (const HtmlTextRun& run : t_.runs) {
    if (!keep_[run.node]) continue;
    if (!text.empty()) {
      if (run.boundary != last_boundary) {
        text.append("\n\n");
      } else if (last_space_after || run.space_before) {
        text.push_back(' ');
      }
    }
    uint32_t base = static_cast<uint32_t>(text.size());
    text.append(t_.text, run.begin, run.length);
    for (uint32_t p = run.piece_begin; p < run.piece_end; ++p) {
      const HtmlPiece& piece = t_.pieces[p];
      out->pieces.push_back({base + (piece.text_begin - run.begin),
                             piece.input_begin, piece.length});
    }
    last_boundary = run.boundary;
    last_space_after = run.space_after;
  }
  return !text.empty();
}

}  // namespace

std::string DateFromUrl(std::string_view url) {
  auto digits = [&](size_t i, size_t n) {
    if (i + n > url.size()) return false;
    for (size_t k = 0; k < n; ++k) {
      if (!IsDigit(url[i + k])) return false;
    }
    return true;
  };
  auto plausible = [](std::string_view y, std::string_view m,
                      std::string_view d) {
    int year = std::stoi(std::string(y));
    int month = std::stoi(std::string(m));
    int day = d.empty() ? 1 : std::stoi(std::string(d));
    return year >= 1990 && year <= 2100 && month >= 1 && month <= 12 &&
           day >= 1 && day <= 31;
  };
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  for (size_t i = url.find('/', start);
       i != std::string_view::npos && i < url.size();
       i = url.find_first_of("/-_", i + 1)) {
    size_t y = i + 1;
    if (!digits(y, 4)) continue;
    char sep = y + 4 < url.size() ? url[y + 4] : 0;
    if ((sep == '/' || sep == '-' || sep == '_') && digits(y + 5, 2)) {
      std::string_view yy = url.substr(y, 4), mm = url.substr(y + 5, 2);
      if (y + 7 < url.size() && url[y + 7] == sep && digits(y + 8, 2) &&
          (y + 10 >= url.size() || !IsDigit(url[y + 10]))) {
        std::string_view dd = url.substr(y + 8, 2);
        if (plausible(yy, mm, dd)) {
          return fmt::format("{}-{}-{}", yy, mm, dd);
        }
      }
      if (sep == '/' && (y + 7 >= url.size() || url[y + 7] == '/') &&
          plausible(yy, mm, "")) {
        return fmt::format("{}-{}", yy, mm);
      }
    } else if (digits(y, 8) && (y + 8 >= url.size() || !IsDigit(url[y + 8]))) {
      std::string_view yy = url.substr(y, 4), mm = url.substr(y + 4, 2),
                       dd = url.substr(y + 6, 2);
      if (plausible(yy, mm, dd)) return fmt::format("{}-{}-{}", yy, mm, dd);
    }
  }
  return "";
}

bool LooksLikeHtml(std::string_view s) {
  size_t i = 0;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  for (int guard = 0; guard < 8; ++guard) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' ||
                            s[i] == '\t' || s[i] == '\f')) {
      ++i;
    }
    if (i >= s.size() || s[i] != '<') return false;
    std::string head;
    for (size_t k = i; k < s.size() && k < i + 14; ++k) {
      head.push_back(Lower(s[k]));
    }
    if (head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0) {
      return true;
    }
    if (head.rfind("<!--", 0) == 0) {
      size_t e = s.find("-->", i);
      if (e == std::string_view::npos) return false;
      i = e + 3;
      continue;
    }
    if (head.rfind("<?xml", 0) == 0) {
      size_t e = s.find('>', i);
      if (e == std::string_view::npos) return false;
      i = e + 1;
      continue;
    }
    return head.rfind("<head", 0) == 0 || head.rfind("<meta", 0) == 0;
  }
  return false;
}

HtmlArticle ExtractArticleUtf8(std::string_view html,
                               const HtmlOptions& options) {
  HtmlArticle a;
  HtmlTree tree;
  BuildHtmlTree(html, options.tree, &tree);
  if (tree.hit_depth_limit) {
    a.warnings.push_back(fmt::format(
        "HTML nesting deeper than {} elements (max_depth): deeper ones read "
        "as inline",
        options.tree.max_depth));
  }
  if (tree.hit_node_limit) {
    a.warnings.push_back(fmt::format(
        "HTML has more than {} block elements (max_nodes): later ones read "
        "as inline",
        options.tree.max_nodes));
  }
  Scorer scorer(tree);
  bool found = scorer.Extract(&a);
  if (!found || a.text.size() < options.min_body_bytes) {
    a.warnings.push_back(
        found ? fmt::format("no article body: the best text block has only "
                            "{} bytes (min_body_bytes {})",
                            a.text.size(), options.min_body_bytes)
              : "no article body: no paragraph-like text block on the page");
    a.text.clear();
    a.pieces.clear();
  } else {
    a.is_article = true;
  }
  // Metadata.
  const HtmlMeta& m = tree.meta;
  std::string ld_published, ld_author, ld_publisher, ld_headline;
  ScanJsonLd(m.json_ld, &ld_published, &ld_author, &ld_publisher, &ld_headline);
  a.url = !m.canonical.empty() ? m.canonical
          : !m.og_url.empty()  ? m.og_url
                               : options.url;
  if (a.url.rfind("http", 0) != 0 && !options.url.empty()) a.url = options.url;
  TitleCandidates tc;
  tc.h1 = m.h1;
  tc.og_title = m.og_title;
  tc.ld_headline = ld_headline;
  tc.title_tag = m.title_tag;
  tc.site_name = m.og_site_name;
  tc.publisher = ld_publisher;
  tc.url = a.url;
  tc.max_compare_bytes = options.max_title_compare_bytes;
  a.title = PickHeadline(tc);
  const std::string* dates[] = {&m.published, &ld_published, &m.time_datetime};
  for (const std::string* d : dates) {
    a.published = NormalizeDate(*d);
    if (!a.published.empty()) break;
  }
  if (a.published.empty()) a.published = DateFromUrl(a.url);
  if (a.published.empty() && a.url != options.url) {
    a.published = DateFromUrl(options.url);
  }
  // A date written in the byline: the text just after the h1 when the h1
  // is the headline (callers use it when nothing better is known).
  if (!m.h1.empty() && a.title == m.h1 && tree.h1_run < tree.runs.size() &&
      options.byline_date_window > 0) {
    const size_t limit = options.byline_date_window;
    std::string window;
    for (size_t r = tree.h1_run; r < tree.runs.size(); ++r) {
      const HtmlTextRun& run = tree.runs[r];
      if (run.node == tree.h1_node) continue;
      if (!window.empty()) window.push_back(' ');
      if (window.size() >= limit) break;
      window.append(tree.text, run.begin,
                    std::min<size_t>(run.length, limit - window.size()));
    }
    a.byline_date = DateInText(window);
  }
  a.author = !m.author.empty() ? m.author : ld_author;
  a.site_name = !m.og_site_name.empty() ? m.og_site_name : ld_publisher;
  a.language = NormalizeLanguage(!m.lang.empty() ? m.lang : m.content_language);
  return a;
}

Result<HtmlArticle> ExtractArticle(std::string_view html_bytes,
                                   const HtmlOptions& options) {
  if (html_bytes.empty()) return Status::InvalidArgument("empty HTML page");
  if (html_bytes.size() > options.max_html_bytes) {
    return Status::LimitExceeded(
        fmt::format("HTML page is {} bytes, over the limit of {} "
                    "(max_html_bytes)",
                    html_bytes.size(), options.max_html_bytes));
  }
  DecodedText decoded = DecodeToUtf8(html_bytes, options.transport_charset);
  HtmlArticle a = ExtractArticleUtf8(decoded.text, options);
  a.charset = decoded.charset;
  // Pieces point into the decoded page; make them point into the bytes as
  // given (BOM included), or drop them when the charset is not mapped.
  const std::vector<OffsetPiece>& source = decoded.source_map;
  if (source.size() == 1 && source[0].clean_begin == 0 &&
      source[0].length == decoded.text.size()) {
    for (OffsetPiece& p : a.pieces) p.input_begin += source[0].input_begin;
  } else {
    a.pieces = ComposeOffsetMaps(a.pieces, source);
  }
  if (decoded.replacements > 0) {
    a.warnings.push_back(
        fmt::format("{} ill-formed byte sequence(s) in {} replaced by U+FFFD",
                    decoded.replacements, decoded.charset));
  }
  return a;
}

}  // namespace whosaid
