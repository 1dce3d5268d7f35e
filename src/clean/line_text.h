// LineText: one scraped line, normalised for matching (ASCII-lowercased,
// white space collapsed, curly apostrophes and dashes folded), split into
// words. A small fixed-capacity value built on the stack by the line scanner
// (no heap); it only views the caller's bytes while being built. Internal to
// src/clean; safe from any thread.
#ifndef WHOSAID_SRC_CLEAN_LINE_TEXT_H_
#define WHOSAID_SRC_CLEAN_LINE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace whosaid {
namespace clean_internal {

class LineText {
 public:
  static constexpr size_t kMaxBytes = 600;  // longer lines are not normalised
  static constexpr size_t kMaxWords = 96;   // words past this are not indexed

  // Normalises `raw`. Returns false (and leaves the object empty) when `raw`
  // is longer than kMaxBytes.
  bool Assign(std::string_view raw);

  std::string_view text() const { return std::string_view(buf_, size_); }
  // Number of space-separated words (all of them, even past kMaxWords).
  size_t word_count() const { return words_; }
  std::string_view word(size_t i) const {
    return text().substr(word_begin_[i], word_end_[i] - word_begin_[i]);
  }
  size_t indexed_words() const {
    return words_ < kMaxWords ? words_ : kMaxWords;
  }

  // Feature counts, computed by Assign.
  bool has_double_quote() const { return double_quote_; }
  bool has_letter_or_digit() const { return alnum_ > 0; }

  bool StartsWith(std::string_view prefix) const;
  // True when `phrase` occurs at a word boundary.
  bool Contains(std::string_view phrase) const {
    return Find(phrase) != std::string_view::npos;
  }
  // Position of the first occurrence of `phrase` at a word boundary, or npos.
  size_t Find(std::string_view phrase) const;

 private:
  char buf_[kMaxBytes * 2 + 8];  // © expands to 3 bytes
  size_t size_ = 0;
  size_t words_ = 0;
  uint16_t word_begin_[kMaxWords];
  uint16_t word_end_[kMaxWords];
  bool double_quote_ = false;
  bool in_word_ = false;
  size_t alnum_ = 0;

  void OpenWord() {
    if (words_ < kMaxWords) word_begin_[words_] = static_cast<uint16_t>(size_);
    in_word_ = true;
  }
  void CloseWord() {
    if (words_ < kMaxWords) word_end_[words_] = static_cast<uint16_t>(size_);
    ++words_;
    buf_[size_++] = ' ';
    in_word_ = false;
  }
  void Put(char c) {
    if (!in_word_) OpenWord();
    buf_[size_++] = c;
  }
};

// ASCII helpers shared by the clean stage.
inline bool IsAsciiSpace(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' ||
         c == '\v';
}
inline bool IsAsciiAlpha(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(unsigned char c) { return c >= 'a' && c <= 'z'; }

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_LINE_TEXT_H_
