#include "src/input/language.h"

#include <cstdint>

// compact_lang_det.h uses FILE without including <cstdio>.
#include <cstdio>
//
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace whosaid {
namespace {

char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// "en-US" -> "en-us"; "en_US" -> "en-us"; stops at a list separator.
std::string NormalizeTag(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == ' ' || c == ',' || c == ';') {
      if (out.empty()) continue;
      break;
    }
    out.push_back(c == '_' ? '-' : Lower(c));
  }
  return out;
}

std::string_view Primary(std::string_view tag) {
  size_t dash = tag.find('-');
  return dash == std::string_view::npos ? tag : tag.substr(0, dash);
}

// Frequent English function words (lower case).
constexpr std::string_view kFunctionWords[] = {
    "a",     "about", "after", "an",   "and",   "are",  "as",  "at",
    "be",    "been",  "but",   "by",   "for",   "from", "had", "has",
    "have",  "he",    "her",   "his",  "i",     "in",   "is",  "it",
    "its",   "not",   "of",    "on",   "or",    "said", "she", "that",
    "the",   "their", "they",  "this", "to",    "was",  "we",  "were",
    "which", "who",   "will",  "with", "would", "you"};
constexpr size_t kMaxFunctionWord = 5;

// A word of at most 8 letters as one integer (its bytes).
inline uint64_t Pack(uint64_t packed, char c) {
  return packed << 8 | static_cast<unsigned char>(c);
}

// kFunctionWords packed, in an open-addressing table: one probe or two
// per word instead of comparing with every entry.
class FunctionWordSet {
 public:
  FunctionWordSet() {
    for (std::string_view w : kFunctionWords) {
      uint64_t x = 0;
      for (char c : w) x = Pack(x, c);
      size_t i = Slot(x);
      while (slots_[i] != 0) i = (i + 1) % kSlots;
      slots_[i] = x;
    }
  }
  bool Has(uint64_t x) const {
    for (size_t i = Slot(x);; i = (i + 1) % kSlots) {
      if (slots_[i] == x) return true;
      if (slots_[i] == 0) return false;
    }
  }

 private:
  static constexpr size_t kSlots = 128;
  static size_t Slot(uint64_t x) {
    return static_cast<size_t>((x * 0x9E3779B97F4A7C15ULL) >> 57);
  }
  uint64_t slots_[kSlots] = {};
};
const FunctionWordSet kFunctionWordSet;

}  // namespace

bool PlainlyEnglish(std::string_view text, std::string_view declared,
                    const LanguageOptions& options) {
  const std::string hint = NormalizeTag(declared);
  if (!hint.empty() && Primary(hint) != "en") return false;
  if (text.size() > options.max_bytes) text = text.substr(0, options.max_bytes);
  size_t words = 0, function_words = 0;
  uint64_t word = 0;  // the current word's letters, packed (if short)
  size_t len = 0;     // its length
  auto end_word = [&] {
    if (len == 0) return;
    ++words;
    if (len <= kMaxFunctionWord && kFunctionWordSet.Has(word)) {
      ++function_words;
    }
    len = 0;
    word = 0;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      const char l = Lower(static_cast<char>(c));
      if (l >= 'a' && l <= 'z') {
        if (len < kMaxFunctionWord) word = Pack(word, l);
        ++len;
      } else {
        end_word();
      }
      continue;
    }
    end_word();
    // A non-ASCII character: only punctuation and symbols pass (U+00A0..
    // U+00BF: C2 A0..BF; U+2000..U+206F: E2 80..81 xx). A cut at the end
    // of the window is no letter either.
    if (c == 0xC2) {
      if (i + 1 < text.size() &&
          static_cast<unsigned char>(text[i + 1]) < 0xA0) {
        return false;
      }
      ++i;
    } else if (c == 0xE2) {
      const unsigned char c1 =
          i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0x80;
      const unsigned char c2 =
          i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0x80;
      if (c1 != 0x80 && !(c1 == 0x81 && c2 < 0xB0)) return false;
      i += 2;
    } else {
      return false;
    }
  }
  if (text.size() < options.max_bytes) end_word();  // else may be cut
  return words >= options.english_min_words &&
         function_words * 100 >=
             words * static_cast<size_t>(options.english_min_function_percent);
}

LanguageGuess DetectLanguage(std::string_view text, std::string_view declared,
                             const LanguageOptions& options) {
  LanguageGuess guess;
  if (text.size() > options.max_bytes) {
    size_t cut = options.max_bytes;
    // Back up to a UTF-8 lead byte.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
      --cut;
    }
    text = text.substr(0, cut);
  }
  if (text.size() < options.min_text_bytes) return guess;
  std::string hint = NormalizeTag(declared);
  CLD2::CLDHints hints = {hint.empty() ? nullptr : hint.c_str(), nullptr,
                          CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3] = {0, 0, 0};
  double scores3[3];
  int text_bytes = 0;
  int valid_prefix = 0;
  bool reliable = false;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true,
      &hints, /*flags=*/0, language3, percent3, scores3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE ||
      text_bytes < static_cast<int>(options.min_text_bytes)) {
    return guess;
  }
  guess.code = NormalizeTag(CLD2::LanguageCode(lang));
  guess.reliable = reliable;
  guess.percent = percent3[0];
  return guess;
}

std::string ChooseLanguage(std::string_view declared,
                           const LanguageGuess& detected) {
  std::string tag = NormalizeTag(declared);
  if (detected.code.empty() || !detected.reliable) return tag;
  if (!tag.empty() && Primary(tag) == Primary(detected.code)) return tag;
  return detected.code;
}

}  // namespace whosaid
