// ExtractArticle: main content and metadata of one HTML page.
//
// Decodes the page to UTF-8 (src/input/charset.h), builds a flat block tree
// in one streaming pass (src/input/html_tree.h), scores blocks the way
// readability-style extractors do (text length, punctuation, link density,
// paragraph tags, class/id/role words, nearness to the page's h1) and keeps
// the best subtree plus its qualifying siblings, minus navigation, share
// bars, related links, comments, ads, banners, captions and hidden parts.
// Paragraphs in the body are separated by "\n\n". The block scoring is
// in src/input/html_content.h.
//
// Pure function: no I/O, no globals; any thread may call it at once. Every
// walk is a loop over the flat tree, so input nesting depth cannot overflow
// the stack; depth and node limits are options.
#ifndef WHOSAID_SRC_INPUT_HTML_EXTRACT_H_
#define WHOSAID_SRC_INPUT_HTML_EXTRACT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "src/input/html_tree.h"
#include "whosaid/document.h"
#include "whosaid/status.h"

namespace whosaid {

struct HtmlOptions {
  // Charset from the transport (HTTP Content-Type); empty when unknown.
  std::string transport_charset;
  // The page's URL when known (WARC-Target-URI); used for the URL date and
  // as the url when the page names no canonical one.
  std::string url;
  // A body shorter than this (bytes) is "not an article": empty text and a
  // warning.
  size_t min_body_bytes = 150;
  // Bytes of text after the headline h1 searched for a written date (the
  // byline, HtmlArticle::byline_date); 0 turns it off.
  size_t byline_date_window = 300;
  // Title candidates are compared on their first this many bytes.
  size_t max_title_compare_bytes = 2048;
  // Pages larger than this fail with a limit error.
  size_t max_html_bytes = size_t{64} << 20;
  HtmlTreeOptions tree;
};

struct HtmlArticle {
  std::string text;  // the body; paragraphs separated by "\n\n"
  std::string title;
  std::string published;  // as the page states it (ISO 8601 mostly)
  // "YYYY-MM-DD" written just after the headline h1 (a byline), "" when
  // none: for callers to use when `published` and the text give no date.
  std::string byline_date;
  std::string author;
  std::string site_name;
  std::string url;       // canonical URL
  std::string language;  // lower case, e.g. "en", "en-us"
  std::string charset;   // charset the page was decoded from
  // Pieces of `text` copied verbatim from the page: clean_begin is a byte
  // offset in `text`, input_begin a byte offset in the page. ExtractArticle
  // maps into the page bytes as given (BOM included; empty for charsets
  // decoded by iconv or UTF-16), ExtractArticleUtf8 into its UTF-8 input.
  // Bytes of `text` not covered are paragraph breaks, decoded entities or
  // re-encoded characters; a collapsed blank run maps to its first blank.
  std::vector<OffsetPiece> pieces;
  std::vector<std::string> warnings;
  bool is_article = false;
};

// Extracts the article from raw page bytes in any charset. Fails only on an
// empty or over-limit input; a page without an article body gives
// is_article == false, an empty text and a warning.
Result<HtmlArticle> ExtractArticle(std::string_view html_bytes,
                                   const HtmlOptions& options);

// The same on a page already decoded to UTF-8 (no charset step).
HtmlArticle ExtractArticleUtf8(std::string_view html,
                               const HtmlOptions& options);

// Finds a date in a URL path (/2019/11/19/, /2019-11-19-, /20191119/);
// returns "YYYY-MM-DD" (or "YYYY-MM") or "".
std::string DateFromUrl(std::string_view url);

// True when the bytes look like an HTML page (after blanks / BOM:
// "<!doctype html", "<html", or "<!--" followed by one of them nearby).
bool LooksLikeHtml(std::string_view bytes);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_HTML_EXTRACT_H_
