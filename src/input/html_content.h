// ExtractMainContent: the main text of a page's block tree (part of
// ExtractArticle, html_extract.h). Scores blocks the way readability-style
// extractors do (text length, punctuation, link density, paragraph tags,
// class/id/role words, nearness to the page's h1) and keeps the best
// subtree plus its qualifying siblings, minus navigation, share bars,
// related links, comments, ads, banners, captions and hidden parts.
//
// Pure function on the caller's tree: no I/O, no globals; any thread may
// call it at once. Every walk is a loop over the flat tree (no recursion).
#ifndef WHOSAID_SRC_INPUT_HTML_CONTENT_H_
#define WHOSAID_SRC_INPUT_HTML_CONTENT_H_

#include "src/input/html_extract.h"
#include "src/input/html_tree.h"

namespace whosaid {

// Appends the kept text to out->text (paragraphs separated by "\n\n") and
// its pieces to out->pieces; returns false when no body was found (no
// paragraph-like block) or the kept text is empty.
bool ExtractMainContent(const HtmlTree& tree, HtmlArticle* out);

}  // namespace whosaid

#endif  // WHOSAID_SRC_INPUT_HTML_CONTENT_H_
