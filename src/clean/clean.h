// Clean: turns scraped article text into the clean body plus metadata.
//
// A line scanner. Removes page-chrome residue (icon-font word lists,
// share/subscribe/follow/cookie/newsletter lines, "Read more" links, photo
// credits, navigation crumbs, separators), folds a headline printed twice (or
// a line equal to the caller's title) into `title`, cuts link cards (a full
// name, headlines and "MORE" injected after a person's name) out of lines,
// turns a date line of the article head into `published` and a byline into
// `author`, and records for every kept byte where it stood in the input
// (Document::input_map). Kept lines are copied byte for byte (less any link
// card); paragraphs are joined by "\n\n". Pure function of its arguments; safe
// from any thread.
#ifndef WHOSAID_SRC_CLEAN_CLEAN_H_
#define WHOSAID_SRC_CLEAN_CLEAN_H_

#include <cstddef>
#include <string_view>

#include "whosaid/document.h"

namespace whosaid {

struct CleanOptions {
  // When false, text is copied unchanged (identity map); metadata is still
  // left to the caller.
  bool enabled = true;
  // Title, date and byline lines are looked for among the first this many
  // non-blank lines, and only before the first line of running prose.
  size_t max_header_lines = 10;
  // A line of at least this many words that ends a sentence is running
  // prose: it closes the article head.
  size_t min_prose_words = 6;
  // Lexicon rules (share/subscribe/"Read more"...) only fire on lines of at
  // most this many words.
  size_t max_lexicon_words = 40;
  // Notices (cookies, comment policy) may be up to this many words.
  size_t max_notice_words = 120;
  // Long notices (cookies, comment policy) are looked for only among this
  // many first and last lines.
  size_t edge_lines = 3;
  // Icon-font/menu word lists need at least this many words.
  size_t min_word_list_words = 8;
  // A "Story highlights" summary (src/clean/highlights.h) among the first
  // max_header_lines lines: at most this many bullet lines (0: kept), each
  // of at most max_highlight_words words.
  size_t max_highlight_bullets = 6;
  size_t max_highlight_words = 25;
  // Link cards inside a line (a person's full name, headlines and "MORE"
  // after the name; src/clean/link_cards.h) up to this many bytes are
  // removed (0: kept).
  size_t max_link_card_bytes = 1500;
};

// Sets doc->text, doc->input_map and, when found in the text and not already
// set, doc->title, doc->published and doc->author; appends a warning when
// residue lines were removed. REQUIRES: `input` is valid UTF-8 and shorter
// than 4 GiB (longer input is truncated with a warning).
void CleanText(std::string_view input, const CleanOptions& options,
               Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_CLEAN_H_
