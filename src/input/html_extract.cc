// ExtractArticle (see html_extract.h): decoding, the block tree, the main
// content (html_content.cc) and the page metadata: JSON-LD fields, dates
// (metadata, URL, byline) and the language.
#include "src/input/html_extract.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "src/base/utf8.h"
#include "src/input/charset.h"
#include "src/input/html_content.h"
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
  bool found = ExtractMainContent(tree, &a);
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
