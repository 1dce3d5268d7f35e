// HtmlTree: a flat, non-recursive view of an HTML page built by one streaming
// pass of a tolerant tokenizer. It keeps only what main-content extraction
// needs: block elements (div, p, li, ...) as nodes with parent indices and
// subtree ranges, text runs (entity-decoded, whitespace-collapsed) attached to
// their innermost block, per-node text/link/punctuation counts, class/id/role
// hints, and the page metadata found on the way (meta tags, <title>, <link
// rel=canonical>, <html lang>, <time datetime>, JSON-LD blocks).
//
// Nodes are stored in document order, so node i's subtree is the index range
// [i, nodes[i].end) and parent < child always: every walk is a loop, never a
// recursion, whatever the nesting depth of the input. Depth and node count
// are bounded by HtmlTreeOptions; past them elements are treated as inline.
//
// BuildHtmlTree is a pure function; an HtmlTree is a plain value (any thread
// may read a const one). Text runs point into HtmlTree::text; pieces map
// ranges of HtmlTree::text back to byte offsets in the parsed input.
#ifndef WHOSAID_SRC_INPUT_HTML_TREE_H_
#define WHOSAID_SRC_INPUT_HTML_TREE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {

// Element kinds the extractor distinguishes. Everything else is kOther.
enum class HtmlTag : uint8_t {
  kRoot = 0,  // the synthetic document node (index 0)
  kOther,
  kDiv,
  kP,
  kSection,
  kArticle,
  kMain,
  kHeader,
  kFooter,
  kNav,
  kAside,
  kForm,
  kUl,
  kOl,
  kLi,
  kDl,
  kDt,
  kDd,
  kTable,
  kTr,
  kTd,  // td and th
  kBlockquote,
  kPre,
  kH1,
  kH2,  // h2..h6
  kFigure,
  kFigcaption,
  kAddress,
  kCenter,
  kDetails,
  kMenu,
  kBody,
};

// Hint bits from class / id / role / itemprop / hidden attributes.
enum HtmlHint : uint16_t {
  kHintPositive = 1 << 0,        // article, content, story, post-body, ...
  kHintNegative = 1 << 1,        // nav, footer, comment, share, related, ...
  kHintHidden = 1 << 2,          // hidden, aria-hidden, display:none
  kHintArticleBody = 1 << 3,     // itemprop=articleBody and similar
  kHintStrongNegative = 1 << 4,  // cookie/consent banners, ads, comments
  kHintCaption = 1 << 5,         // caption / credit
};

struct HtmlNode {
  uint32_t parent = 0;
  uint32_t end = 0;  // one past the last node of the subtree
  HtmlTag tag = HtmlTag::kOther;
  uint16_t hints = 0;
  int16_t class_weight = 0;  // -50..+50 from class/id words
  uint32_t own_text = 0;     // bytes of text directly in this block
  uint32_t own_link = 0;     // of which inside <a>
  uint32_t own_punct = 0;    // commas and full stops in own text
  uint32_t total_text = 0;   // over the subtree (filled by BuildHtmlTree)
  uint32_t total_link = 0;
  uint32_t total_punct = 0;
  uint32_t paragraphs = 0;  // <p> descendants with text
};

// A run of text inside one block, in document order.
struct HtmlTextRun {
  uint32_t node = 0;
  uint32_t begin = 0;  // into HtmlTree::text
  uint32_t length = 0;
  uint32_t piece_begin = 0;  // into HtmlTree::pieces
  uint32_t piece_end = 0;
  uint32_t boundary = 0;  // block-boundary counter when the run was read
  bool space_before = false;
  bool space_after = false;
  bool in_link = false;
};

// Maps HtmlTree::text[text_begin, +length) to input[input_begin, +length).
struct HtmlPiece {
  uint32_t text_begin = 0;
  uint32_t input_begin = 0;
  uint32_t length = 0;
};

struct HtmlMeta {
  std::string title_tag;  // <title>
  std::string h1;         // first <h1> text
  std::string og_title;
  std::string og_site_name;
  std::string og_url;
  std::string canonical;
  std::string published;      // first date-ish meta tag
  std::string time_datetime;  // first <time datetime>
  std::string author;
  std::string lang;              // <html lang>
  std::string content_language;  // meta http-equiv / og:locale
  std::string og_type;
  std::vector<std::string> json_ld;  // raw JSON-LD script bodies
};

struct HtmlTreeOptions {
  size_t max_depth = 512;              // deeper elements become inline
  size_t max_nodes = 1 << 20;          // further elements become inline
  size_t max_json_ld_bytes = 1 << 20;  // JSON-LD text kept for metadata
};

struct HtmlTree {
  std::vector<HtmlNode> nodes;  // nodes[0] is the root
  std::vector<HtmlTextRun> runs;
  std::vector<HtmlPiece> pieces;
  std::string text;  // decoded text of all runs, back to back
  HtmlMeta meta;
  uint32_t h1_node = 0;          // node holding the first h1 (0 if none)
  uint32_t h1_run = UINT32_MAX;  // first run index inside that h1
  bool hit_depth_limit = false;
  bool hit_node_limit = false;
};

// Parses `html` (UTF-8) into *tree. Never fails: any byte string gives a
// tree (possibly empty). Cost is linear in the input size.
void BuildHtmlTree(std::string_view html, const HtmlTreeOptions& options,
                   HtmlTree* tree);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_HTML_TREE_H_
