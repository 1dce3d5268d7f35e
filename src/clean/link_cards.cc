#include "src/clean/link_cards.h"

#include <algorithm>
#include <cstring>

namespace whosaid {
namespace clean_internal {
namespace {

// A full name has at most this many words before its last one ("Hillary
// Diane Rodham Clinton", "Robert (Bob) Swan Mueller").
constexpr size_t kMaxFullNameWords = 5;
constexpr size_t kMaxNicknameBytes = 24;

struct Word {
  uint32_t begin;
  uint32_t end;
};

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiLetter(char c) { return IsUpper(c) || IsLower(c); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// The display surname: a capitalised word in mixed case ("Trump",
// "McConnell", "O'Rourke", "Diaz-Balart"); all-caps words are not names
// here (headlines and shouted text).
bool IsSurname(std::string_view w) {
  if (w.size() < 2 || !IsUpper(w[0])) return false;
  bool lower = false;
  for (char c : w) {
    if (IsLower(c)) {
      lower = true;
    } else if (!IsAsciiLetter(c) && c != '-' && c != '\'' &&
               static_cast<unsigned char>(c) < 0x80) {
      return false;
    }
  }
  return lower;
}

// A word of a full name: capitalised ("Donald", "J.") or a parenthesised
// nickname ("(Bob)").
bool IsNameWord(std::string_view w) {
  if (w.empty()) return false;
  if (IsUpper(w[0])) return true;
  return w.size() >= 3 && w.size() <= kMaxNicknameBytes && w.front() == '(' &&
         w.back() == ')' && IsUpper(w[1]);
}

// True if `w` is the surname `x` itself or `x` glued to what follows it on
// the card: a capitalised headline word, a digit, a quotation mark opening
// a headline, or "MORE".
bool EndsFullName(std::string_view w, std::string_view x) {
  if (w.size() < x.size() || w.compare(0, x.size(), x) != 0) return false;
  if (w.size() == x.size()) return true;
  const std::string_view rest = w.substr(x.size());
  const char next = rest[0];
  if (IsUpper(next) || IsDigit(next) || next == '\'' || next == '"') {
    return true;
  }
  // A headline opening with a curly quote: ‘ or “.
  return rest.starts_with("\xE2\x80\x98") || rest.starts_with("\xE2\x80\x9C");
}

// The end of the first "MORE" link in line[from, limit): not part of a
// longer all-caps word, not followed by a letter. 0 when there is none.
size_t FindMore(std::string_view line, size_t from, size_t limit) {
  while (from + 4 <= limit) {
    const void* p = memmem(line.data() + from, limit - from, "MORE", 4);
    if (p == nullptr) return 0;
    const size_t at =
        static_cast<size_t>(static_cast<const char*>(p) - line.data());
    const bool after_ok = at + 4 == line.size() || !IsAsciiLetter(line[at + 4]);
    const bool before_ok = at == 0 || !IsUpper(line[at - 1]);
    if (after_ok && before_ok) return at + 4;
    from = at + 1;
  }
  return 0;
}

}  // namespace

void FindLinkCards(std::string_view line, size_t max_card_bytes,
                   std::vector<ByteRange>* cuts) {
  if (max_card_bytes == 0 || line.size() < 8 ||
      memmem(line.data(), line.size(), "MORE", 4) == nullptr) {
    return;
  }
  std::vector<Word> words;
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && IsSpace(line[i])) ++i;
    const size_t b = i;
    while (i < line.size() && !IsSpace(line[i])) ++i;
    if (i > b) {
      words.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(i)});
    }
  }
  auto text = [&](size_t k) {
    return line.substr(words[k].begin, words[k].end - words[k].begin);
  };
  // The card whose display surname is `x`, ending right before `begin`,
  // with the full name's words from word `first` on (at least `min_words`
  // of them before its last). {0, 0} for none; *last_word is the full
  // name's last word.
  auto card_from = [&](std::string_view x, size_t begin, size_t first,
                       size_t min_words, size_t* last_word) -> ByteRange {
    size_t last = 0;
    for (size_t k = first; k < words.size() && k <= first + kMaxFullNameWords;
         ++k) {
      const std::string_view w = text(k);
      if (k >= first + min_words && EndsFullName(w, x)) {
        last = k;
        break;
      }
      if (!IsNameWord(w)) break;
    }
    if (last == 0) return {0, 0};
    const size_t limit = std::min(begin + max_card_bytes, line.size());
    const size_t end = FindMore(line, words[last].begin + x.size(), limit);
    *last_word = last;
    return {static_cast<uint32_t>(begin), static_cast<uint32_t>(end)};
  };
  // The card after word i, if any (see card_from).
  auto card_after = [&](size_t i, size_t* last_word) -> ByteRange {
    const std::string_view w = text(i);
    if (!IsSurname(w)) return {0, 0};
    // "Doe Jane Marie DoeHeadline": from the space after the surname.
    ByteRange card = card_from(w, words[i].end, i + 1, 1, last_word);
    if (card.end != 0) return card;
    // "DoeJane DoeHeadline": the full name glued to the surname.
    for (size_t j = 2; j < w.size(); ++j) {
      if (IsLower(w[j - 1]) && IsUpper(w[j])) {
        return card_from(w.substr(0, j), words[i].begin + j, i + 1, 0,
                         last_word);
      }
    }
    return {0, 0};
  };
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    size_t last = 0;
    ByteRange card = card_after(i, &last);
    if (card.end == 0) continue;
    // "Jane Doe Jane Marie DoeHeadline ... MORE": "Jane" repeats too; the
    // display name ends at the latest word that starts the same card.
    for (size_t j = i + 1; j < last; ++j) {
      size_t later_last = 0;
      const ByteRange later = card_after(j, &later_last);
      if (later.end == card.end) card = later;
    }
    cuts->push_back(card);
    while (i + 1 < words.size() && words[i + 1].begin < card.end) ++i;
  }
}

}  // namespace clean_internal
}  // namespace whosaid
