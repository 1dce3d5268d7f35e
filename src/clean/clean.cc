#include "src/clean/clean.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "src/clean/highlights.h"
#include "src/clean/line_text.h"
#include "src/clean/link_cards.h"
#include "src/clean/metadata.h"
#include "src/clean/residue.h"

namespace whosaid {
namespace {

using clean_internal::ByteRange;
using clean_internal::ClassifyLine;
using clean_internal::DateLine;
using clean_internal::FindLinkCards;
using clean_internal::HeadlineKey;
using clean_internal::IsAsciiSpace;
using clean_internal::IsHighlightBullet;
using clean_internal::LineText;
using clean_internal::LooksLikeProse;
using clean_internal::OpensHighlights;
using clean_internal::ParseByline;
using clean_internal::ParseDateLine;
using clean_internal::ResidueKind;
using clean_internal::ResidueLimits;

// What happens to a line. Residue kinds come first (same values as
// ResidueKind); metadata folds after them.
enum LineFate : uint8_t {
  kKeep = 0,
  kTitleLine = static_cast<uint8_t>(ResidueKind::kCount),
  kDateLine,
  kBylineLine,
  kDuplicateLine,
};

struct Line {
  uint32_t begin;
  uint32_t end;
  uint8_t fate;
};

void SplitLines(std::string_view input, std::vector<Line>* lines) {
  const char* s = input.data();
  const size_t n = input.size();
  size_t pos = 0;
  while (pos < n) {
    const void* nl = std::memchr(s + pos, '\n', n - pos);
    size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s) : n;
    size_t b = pos, e = end;
    while (b < e && IsAsciiSpace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && IsAsciiSpace(static_cast<unsigned char>(s[e - 1]))) --e;
    if (e > b) {
      lines->push_back(
          {static_cast<uint32_t>(b), static_cast<uint32_t>(e), kKeep});
    }
    pos = end + 1;
  }
}

bool IsResidue(uint8_t fate) {
  return fate != kKeep && fate != kTitleLine && fate != kDateLine &&
         fate != kBylineLine;
}

// A headline: 2 to 25 words, no sentence end inside, not ending like a
// sentence or clause (". , ;" — "?" and "!" are fine).
bool LooksLikeHeadline(std::string_view raw, size_t words) {
  if (words < 2 || words > 25) return false;
  char last = raw.back();
  if (last == '.' || last == ',' || last == ';' || last == ':') return false;
  std::string_view body = raw.substr(0, raw.size() - 1);
  for (size_t i = 0; i + 1 < body.size(); ++i) {
    char c = body[i];
    if ((c == '.' || c == '!' || c == '?') && body[i + 1] == ' ' &&
        !(i >= 1 && clean_internal::IsAsciiUpper(
                        static_cast<unsigned char>(body[i - 1])))) {
      return false;  // a sentence end (not an initial like "D.")
    }
  }
  return true;
}

// Finds title, date and byline lines in the article head.
void ScanHeader(std::string_view input, const CleanOptions& options,
                std::vector<Line>* lines, LineText* scratch, Document* doc) {
  std::string title_key, key, next_key, iso, author;
  if (!doc->title.empty()) HeadlineKey(doc->title, scratch, &title_key);
  bool have_date = !doc->published.empty();
  bool have_author = !doc->author.empty();
  const size_t limit = lines->size() < options.max_header_lines
                           ? lines->size()
                           : options.max_header_lines;
  std::string prev_key;
  for (size_t i = 0; i < limit; ++i) {
    Line& line = (*lines)[i];
    std::string_view raw = input.substr(line.begin, line.end - line.begin);
    // Date and byline first: "Posted on ..." is also a residue prefix.
    if (scratch->Assign(raw)) {
      DateLine d = ParseDateLine(*scratch, &iso);
      if (d != DateLine::kNo) {
        line.fate = kDateLine;
        if (d == DateLine::kDate && !have_date) {
          doc->published = iso;
          have_date = true;
        }
        continue;
      }
    }
    if (ParseByline(raw, &author, &iso)) {
      line.fate = kBylineLine;
      if (!have_author && !author.empty()) {
        doc->author = author;
        have_author = true;
      }
      if (!have_date && !iso.empty()) {
        doc->published = iso;
        have_date = true;
      }
      continue;
    }
    if (line.fate != kKeep) continue;
    HeadlineKey(raw, scratch, &key);
    if (key.empty()) break;  // too long for a head line
    if (!title_key.empty() && key == title_key) {
      line.fate = kTitleLine;
      continue;
    }
    const size_t words = scratch->word_count();
    if (title_key.empty() && LooksLikeHeadline(raw, words)) {
      // A headline printed twice on consecutive lines.
      size_t j = i + 1;
      while (j < limit && (*lines)[j].fate != kKeep) ++j;
      if (j < limit) {
        const Line& next = (*lines)[j];
        HeadlineKey(input.substr(next.begin, next.end - next.begin), scratch,
                    &next_key);
        if (next_key == key) {
          line.fate = kTitleLine;
          (*lines)[j].fate = kTitleLine;
          doc->title.assign(raw);
          title_key = key;
          i = j;
          continue;
        }
      }
    }
    if (!prev_key.empty() && key == prev_key && words >= 3) {
      line.fate = kDuplicateLine;  // the same head line twice in a row
      continue;
    }
    if (LooksLikeProse(raw, options.min_prose_words)) break;
    prev_key = key;
  }
}

// Marks a "Story highlights" summary among the head lines as residue: the
// line with the label, then the bullets after it up to the first line that
// ends a sentence.
void MarkHighlights(std::string_view input, const CleanOptions& options,
                    std::vector<Line>* lines) {
  if (options.max_highlight_bullets == 0) return;
  const size_t head = std::min(lines->size(), options.max_header_lines);
  for (size_t i = 0; i < head; ++i) {
    Line& line = (*lines)[i];
    std::string_view raw = input.substr(line.begin, line.end - line.begin);
    if (line.fate != kKeep || !OpensHighlights(raw)) continue;
    line.fate = static_cast<uint8_t>(ResidueKind::kHighlights);
    size_t bullets = 0;
    for (size_t j = i + 1;
         j < lines->size() && bullets < options.max_highlight_bullets; ++j) {
      Line& next = (*lines)[j];
      if (next.fate != kKeep) continue;
      std::string_view text = input.substr(next.begin, next.end - next.begin);
      if (!IsHighlightBullet(text, options.max_highlight_words)) break;
      next.fate = static_cast<uint8_t>(ResidueKind::kHighlights);
      ++bullets;
    }
    return;
  }
}

void AddPiece(uint32_t clean_begin, uint32_t input_begin, uint32_t length,
              std::vector<OffsetPiece>* map) {
  if (length == 0) return;
  if (!map->empty()) {
    OffsetPiece& last = map->back();
    if (last.clean_begin + last.length == clean_begin &&
        last.input_begin + last.length == input_begin) {
      last.length += length;
      return;
    }
  }
  map->push_back({clean_begin, input_begin, length});
}

}  // namespace

void CleanText(std::string_view input, const CleanOptions& options,
               Document* doc) {
  doc->text.clear();
  doc->input_map.clear();
  if (input.size() > UINT32_MAX) {
    input = input.substr(0, UINT32_MAX);
    doc->warnings.push_back("input over 4 GiB truncated");
  }
  if (!options.enabled) {
    doc->text.assign(input);
    if (!input.empty()) {
      doc->input_map.push_back({0, 0, static_cast<uint32_t>(input.size())});
    }
    return;
  }

  std::vector<Line> lines;
  SplitLines(input, &lines);

  ResidueLimits limits;
  limits.max_lexicon_words = options.max_lexicon_words;
  limits.max_notice_words = options.max_notice_words;
  limits.min_word_list_words = options.min_word_list_words;
  LineText norm;
  for (size_t i = 0; i < lines.size(); ++i) {
    Line& line = lines[i];
    std::string_view raw = input.substr(line.begin, line.end - line.begin);
    const bool at_edge =
        i < options.edge_lines || i + options.edge_lines >= lines.size();
    line.fate = static_cast<uint8_t>(ClassifyLine(raw, &norm, limits, at_edge));
  }
  MarkHighlights(input, options, &lines);
  ScanHeader(input, options, &lines, &norm, doc);

  // Emit kept lines, joined by "\n\n" (mapped when the input had exactly
  // that between them, inserted otherwise).
  size_t removed[kDuplicateLine + 1] = {};
  std::string& text = doc->text;
  text.reserve(input.size());
  bool first = true;
  uint32_t prev_end = 0;
  std::vector<ByteRange> cuts;
  size_t link_cards = 0;
  for (const Line& line : lines) {
    if (line.fate != kKeep) {
      ++removed[line.fate];
      continue;
    }
    if (!first) {
      auto clean_at = static_cast<uint32_t>(text.size());
      text.append("\n\n");
      if (line.begin - prev_end == 2 && input[prev_end] == '\n' &&
          input[prev_end + 1] == '\n') {
        AddPiece(clean_at, prev_end, 2, &doc->input_map);
      }
    }
    first = false;
    cuts.clear();
    FindLinkCards(input.substr(line.begin, line.end - line.begin),
                  options.max_link_card_bytes, &cuts);
    link_cards += cuts.size();
    uint32_t from = line.begin;
    for (size_t c = 0; c <= cuts.size(); ++c) {
      const uint32_t to =
          c < cuts.size() ? line.begin + cuts[c].begin : line.end;
      AddPiece(static_cast<uint32_t>(text.size()), from, to - from,
               &doc->input_map);
      text.append(input.data() + from, to - from);
      if (c < cuts.size()) from = line.begin + cuts[c].end;
    }
    prev_end = line.end;
  }

  size_t residue = 0;
  std::string detail;
  for (uint8_t f = 1; f <= kDuplicateLine; ++f) {
    if (!IsResidue(f) || removed[f] == 0) continue;
    residue += removed[f];
    const char* name =
        f == kDuplicateLine
            ? "repeated"
            : clean_internal::ResidueKindName(static_cast<ResidueKind>(f));
    detail +=
        fmt::format("{}{} {}", detail.empty() ? "" : ", ", removed[f], name);
  }
  if (residue > 0) {
    doc->warnings.push_back(fmt::format("removed {} residue line{} ({})",
                                        residue, residue == 1 ? "" : "s",
                                        detail));
  }
  if (link_cards > 0) {
    doc->warnings.push_back(fmt::format("removed {} link card{} in the text",
                                        link_cards,
                                        link_cards == 1 ? "" : "s"));
  }
}

}  // namespace whosaid
