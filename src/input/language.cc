#include "src/input/language.h"

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

}  // namespace

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
