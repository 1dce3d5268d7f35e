// Residue: decides whether one scraped line is page chrome (icon-font word
// lists, share/subscribe/follow/cookie/newsletter lines, "Read more" links,
// photo credits and captions, navigation crumbs, separators) rather than
// article text. Rules use line-level features only (length, sentence
// punctuation, quote marks, keyword lexicons, icon-like words); they never
// look at other documents. Stateless; safe from any thread. Internal to
// src/clean.
#ifndef WHOSAID_SRC_CLEAN_RESIDUE_H_
#define WHOSAID_SRC_CLEAN_RESIDUE_H_

#include <cstddef>
#include <string_view>

#include "src/clean/line_text.h"

namespace whosaid {
namespace clean_internal {

enum class ResidueKind : unsigned char {
  kNone = 0,
  kWordList,    // icon-font glyph names, menus: long, no sentence, no verbs
  kChrome,      // only share/ad/media words ("Share Tweet Email", "Video")
  kLinkPrefix,  // "Read more:", "Related:", "Click here", "Sign up", ...
  kSocial,      // "Follow us on Twitter @x", handle/URL-only lines
  kCookie,      // cookie, consent, comment-policy, browser notices
  kCaption,     // photo credits and captions ("(AP Photo/...)", "FILE - ")
  kCrumb,       // navigation crumbs "Home > News > World"
  kSeparator,   // no letter or digit at all ("* * *", "___")
  kHighlights,  // a "Story highlights" summary above the body (highlights.h)
  kCount,
};

const char* ResidueKindName(ResidueKind kind);

struct ResidueLimits {
  // Lexicon rules (prefixes, keywords) only fire on lines of at most this
  // many words; real paragraphs are longer.
  size_t max_lexicon_words = 40;
  // Notices (cookies, comment policy) may be longer.
  size_t max_notice_words = 120;
  // An icon/menu word list needs at least this many words.
  size_t min_word_list_words = 8;
};

// Classifies one line, trimmed of white space at both ends. `norm` is the
// line's LineText, or nullptr when the line was too long to normalise (only
// the word-list rule applies then). `at_edge`: the line is among the first
// or last few lines of the document, where long notices (cookies, comment
// policy) stand; elsewhere only short notices are looked for.
ResidueKind ClassifyResidue(std::string_view raw, const LineText* norm,
                            const ResidueLimits& limits, bool at_edge);

// Same, deciding itself which lines are worth normalising (into *scratch,
// whose content is unspecified afterwards). The line scanner's entry point.
ResidueKind ClassifyLine(std::string_view raw, LineText* scratch,
                         const ResidueLimits& limits, bool at_edge);

// True when the line reads like running prose: a sentence end (. ! ? followed
// by space, quote, bracket or the end of line) after at least `min_words`
// words. Cheap; stops at the first sentence end.
bool LooksLikeProse(std::string_view raw, size_t min_words);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_RESIDUE_H_
