// Document: everything whosaid knows about one article.
//
// A Document owns its clean text and every annotation on it. All spans are
// half-open *byte* offsets into Document::text (the JSON writer converts them
// to code points at the boundary). Stages fill the vectors in pipeline order:
// clean -> segment -> entities -> attribution -> claims. A Document is a plain
// value; distinct Documents may be used from distinct threads freely.
#ifndef WHOSAID_INCLUDE_DOCUMENT_H_
#define WHOSAID_INCLUDE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
  uint32_t size() const { return end > begin ? end - begin : 0; }
  bool operator==(const Span&) const = default;
};

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with digits, hyphens, apostrophes, periods
  kNumber,  // starts with a digit (1,000  3.5  60-70  2017)
  kPunct,   // . , ; : ! ? ( ) [ ] - -- ... and dashes
  kQuote,   // a quotation mark: " “ ” ' ‘ ’ « » „
  kSymbol,  // $ € £ % & @ # and other symbols
  kUrl,     // URLs, e-mail addresses, @handles
};

// How a quotation-mark token behaves. Straight marks are resolved to
// open/close by the segmenter from context (space before/after).
enum class QuoteRole : uint8_t { kNone, kOpen, kClose };

struct Token {
  Span span;
  TokenKind kind = TokenKind::kWord;
  QuoteRole quote = QuoteRole::kNone;
  bool double_quote = false;    // " “ ” « » „ (vs single ' ‘ ’)
  bool space_before = false;    // whitespace precedes the token
  bool newline_before = false;  // a line break precedes the token
  bool capitalized = false;     // first letter is upper case
  bool all_caps = false;        // two or more letters, all upper case
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // index into Document::tokens
  uint32_t token_end = 0;    // exclusive
  uint32_t paragraph = 0;    // index into Document::paragraphs
};

struct Paragraph {
  Span span;
  uint32_t sentence_begin = 0;
  uint32_t sentence_end = 0;  // exclusive
};

enum class EntityLabel : uint8_t { kPerson, kOrg, kLoc, kMisc };
const char* EntityLabelName(EntityLabel label);

// A mention of a named entity. `title` is a title or role that comes with a
// person ("Gen.", "the coalition's deputy commander for strategy and
// support"); `group` indexes Document::groups (the entity it refers to).
struct Entity {
  Span span;
  EntityLabel label = EntityLabel::kMisc;
  Span title;          // empty when none
  int32_t group = -1;  // index into Document::groups, -1 if unresolved
  // A descriptive appositive next to a person's name ("the coalition's deputy
  // commander for strategy and support", "a retired general"); empty if none.
  Span appositive;
};

// One real-world entity within the article: all mentions that co-refer.
struct EntityGroup {
  std::string canonical;  // longest full form ("Felix Gedney")
  EntityLabel label = EntityLabel::kMisc;
  std::vector<std::string> roles;    // normalised roles seen ("general")
  std::vector<std::string> aliases;  // other forms (acronyms, surnames)
};

enum class QuoteKind : uint8_t { kDirect, kMixed, kIndirect };
const char* QuoteKindName(QuoteKind kind);

// One attribution relation (PARC/PolNeAR): who (speaker) says (cue) what
// (content). `content` is the covering span; `parts` lists the pieces of a
// discontinuous content (“A,” she said, “B.”) and is empty when there is one.
struct Attribution {
  Span content;
  std::vector<Span> parts;
  Span cue;                    // empty when none ("floating" quote)
  Span speaker;                // the mention as written; empty when none
  std::string speaker_name;    // resolved canonical name; empty if unknown
  int32_t speaker_group = -1;  // index into Document::groups
  QuoteKind kind = QuoteKind::kIndirect;
  float score = 0;  // model confidence in [0, 1]
};

// A number that states a fact.
struct Claim {
  Span span;  // the whole expression ("some 8 to 10")
  bool is_range = false;
  double value = 0;          // when !is_range
  double low = 0, high = 0;  // when is_range
  std::string unit;          // normalised unit: "percent", "km2", "USD", ...
  Span unit_span;            // the unit as written; empty when none
  std::string approx;  // "about", "over", "under", "up to", "at least", ...
  // Scorer symbol: "~" approx, ">" / "<" bounds, "up" / "down" changes;
  // empty when exact.
  std::string change;
  Span counted;        // what is counted ("terrorists killed")
  int32_t attribution = -1;  // index into Document::quotes it sits in
  Span source;               // the source mention; empty when none
  std::string source_name;   // resolved source name
};

// Maps a range of the clean text back to where it stood in the input.
struct OffsetPiece {
  uint32_t clean_begin = 0;
  uint32_t input_begin = 0;
  uint32_t length = 0;
};

struct Document {
  // Metadata.
  std::string id;
  std::string title;
  std::string published;  // ISO 8601, as far as known
  std::string author;
  std::string site;
  std::string url;
  std::string language;

  std::string text;  // the clean body (UTF-8)
  // Pieces of `text` copied from the input, in order; bytes of `text` not
  // covered were inserted by cleaning (e.g. paragraph breaks). For HTML
  // input the input is the page bytes as given (empty map when its charset
  // is decoded by iconv or UTF-16), see src/input/offset_map.h.
  std::vector<OffsetPiece> input_map;

  std::vector<std::string> warnings;
  Status error;  // non-OK when the document failed; annotations are empty

  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
  std::vector<Entity> entities;
  std::vector<EntityGroup> groups;
  std::vector<Attribution> quotes;
  std::vector<Claim> claims;

  std::string_view Text(Span s) const {
    return std::string_view(text).substr(s.begin, s.size());
  }
  std::string_view TokenText(size_t i) const { return Text(tokens[i].span); }
};

}  // namespace whosaid

#endif  // WHOSAID_INCLUDE_DOCUMENT_H_
