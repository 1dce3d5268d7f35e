#include "src/segment/segment.h"

#include <string>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/segment/tokenizer.h"

namespace whosaid {
namespace {

bool IsSentenceFinal(std::string_view tok) {
  return tok == "." || tok == "!" || tok == "?" || tok == "…" || tok == "..." ||
         tok == "?!" || tok == "!?";
}

bool IsClosing(const Document& doc, size_t k) {
  const Token& t = doc.tokens[k];
  if (t.kind == TokenKind::kQuote) return t.quote != QuoteRole::kOpen;
  std::string_view s = doc.TokenText(k);
  return s == ")" || s == "]";
}

// True if token k can start a new sentence.
bool StartsSentence(const Document& doc, size_t k) {
  const Token& t = doc.tokens[k];
  if (t.newline_before) return true;
  if (t.kind == TokenKind::kQuote) {
    // An opening quote starts a sentence when the word after it does.
    if (k + 1 < doc.tokens.size()) {
      const Token& n = doc.tokens[k + 1];
      return n.capitalized || n.kind == TokenKind::kNumber;
    }
    return false;
  }
  if (t.kind == TokenKind::kNumber) return true;
  std::string_view s = doc.TokenText(k);
  if (s == "(" || s == "[") return true;
  return t.capitalized;
}

}  // namespace

void Segment(const SegmentOptions& options, Document* doc) {
  doc->tokens.clear();
  doc->sentences.clear();
  doc->paragraphs.clear();
  Tokenize(doc->text, &doc->tokens);
  const auto& toks = doc->tokens;
  size_t n = toks.size();
  if (n == 0) return;

  size_t max_tokens =
      options.max_sentence_tokens ? options.max_sentence_tokens : n;
  size_t sent_begin = 0;
  auto close_sentence = [&](size_t end) {
    if (end <= sent_begin) return;
    Sentence s;
    s.token_begin = static_cast<uint32_t>(sent_begin);
    s.token_end = static_cast<uint32_t>(end);
    s.span = {toks[sent_begin].span.begin, toks[end - 1].span.end};
    doc->sentences.push_back(s);
    sent_begin = end;
  };

  for (size_t k = 0; k < n; ++k) {
    if (k > sent_begin && toks[k].newline_before) close_sentence(k);
    if (k + 1 - sent_begin >= max_tokens) {
      close_sentence(k + 1);
      continue;
    }
    std::string_view s = doc->TokenText(k);
    bool final_punct = toks[k].kind == TokenKind::kPunct && IsSentenceFinal(s);
    bool abbrev_final = false;
    if (!final_punct && toks[k].kind == TokenKind::kWord && s.size() > 1 &&
        s.back() == '.') {
      // "U.S." or "Inc." may end a sentence; "Gen." or "J." never does.
      std::string lower = AsciiLower(s.substr(0, s.size() - 1));
      size_t letters = 0;
      for (char c : lower) letters += (c >= 'a' && c <= 'z');
      abbrev_final = !IsNameTitleAbbreviation(lower) && letters > 1;
    }
    if (!final_punct && !abbrev_final) continue;
    // Closing quotes/brackets stay with this sentence.
    size_t end = k + 1;
    while (end < n && end - sent_begin < max_tokens &&
           !toks[end].newline_before && IsClosing(*doc, end)) {
      ++end;
    }
    if (end >= n) continue;
    if (toks[end].newline_before) continue;  // handled above
    if (!StartsSentence(*doc, end)) continue;
    if (abbrev_final) {
      // After an abbreviation, require a clearer start: a capitalised word
      // that is not itself a name-title, or a quote.
      const Token& nt = toks[end];
      if (nt.kind == TokenKind::kWord && !nt.capitalized) continue;
      if (end == k + 1 && nt.kind == TokenKind::kWord) {
        std::string next = AsciiLower(doc->TokenText(end));
        // "U.S. President" / "U.S. Army": keep together unless the next
        // word is a common sentence opener.
        static constexpr std::string_view kOpeners[] = {
            "the",  "a",     "an",  "he",  "she",   "it",    "they",
            "we",   "i",     "but", "and", "in",    "on",    "this",
            "that", "there", "his", "her", "their", "its",   "after",
            "as",   "at",    "for", "if",  "when",  "while", "so"};
        bool opener = false;
        for (auto o : kOpeners) opener |= (next == o);
        if (!opener) continue;
      }
    }
    close_sentence(end);
    k = end - 1;
  }
  close_sentence(n);

  // Paragraphs: a new one at every sentence that starts on a new line.
  Paragraph para;
  para.sentence_begin = 0;
  for (size_t i = 0; i < doc->sentences.size(); ++i) {
    Sentence& s = doc->sentences[i];
    if (i > 0 && toks[s.token_begin].newline_before) {
      para.sentence_end = static_cast<uint32_t>(i);
      para.span = {doc->sentences[para.sentence_begin].span.begin,
                   doc->sentences[i - 1].span.end};
      doc->paragraphs.push_back(para);
      para.sentence_begin = static_cast<uint32_t>(i);
    }
    s.paragraph = static_cast<uint32_t>(doc->paragraphs.size());
  }
  para.sentence_end = static_cast<uint32_t>(doc->sentences.size());
  para.span = {doc->sentences[para.sentence_begin].span.begin,
               doc->sentences.back().span.end};
  doc->paragraphs.push_back(para);
}

}  // namespace whosaid
