#include "src/attribution/transcript.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "src/base/chars.h"
#include "src/base/utf8.h"
#include "src/entities/mentions.h"

namespace whosaid {
namespace {

struct Turn {
  uint32_t label_first = 0;  // first token of the label
  uint32_t colon = 0;        // the colon token (exclusive end of the label)
  Span content;
  std::string key;            // the label's last word, lower case ("trump")
  bool sentence_end = false;  // the content ends as a sentence does
};

// A label of capitalised words and a colon opening paragraph `p`.
bool FindTurn(const Document& doc, const Paragraph& p,
              const TranscriptOptions& opt, Turn* turn) {
  if (p.sentence_begin >= p.sentence_end ||
      p.sentence_end > doc.sentences.size()) {
    return false;
  }
  uint32_t first = doc.sentences[p.sentence_begin].token_begin;
  uint32_t end = doc.sentences[p.sentence_end - 1].token_end;
  uint32_t i = first;
  bool has_caps_word = false;
  for (; i < end && i - first < opt.max_label_tokens; ++i) {
    const Token& t = doc.tokens[i];
    std::string_view text = doc.TokenText(i);
    if (t.kind == TokenKind::kPunct && text == ":") break;
    // Words in capitals, or an initial ("J.").
    bool initial = t.kind == TokenKind::kWord && t.capitalized &&
                   text.size() <= 2 && text.back() == '.';
    if (t.kind != TokenKind::kWord || (!t.all_caps && !initial)) return false;
    if (IsHeadingLabelWord(AsciiLower(text))) return false;
    has_caps_word |= t.all_caps;
  }
  if (i == first || i >= end || !has_caps_word || doc.TokenText(i) != ":") {
    return false;
  }
  if (end - (i + 1) < 2) return false;  // a label alone is no turn
  turn->label_first = first;
  turn->colon = i;
  turn->content = {doc.tokens[i + 1].span.begin, doc.tokens[end - 1].span.end};
  std::string_view last = doc.TokenText(i - 1);
  while (!last.empty() && last.back() == '.') last.remove_suffix(1);
  turn->key = AsciiLower(last);
  // Spoken turns end in . ? ! (or a closing quotation mark / dash after
  // one); the fields of a list ("TARGET: Italian consulate") do not.
  std::string_view tail = doc.TokenText(end - 1);
  turn->sentence_end = tail == "." || tail == "?" || tail == "!" ||
                       tail == "\u2026" || tail == "..." ||
                       doc.tokens[end - 1].kind == TokenKind::kQuote ||
                       tail == "\u2014" || tail == "--";
  return !turn->key.empty();
}

// For each lower-cased word of a person's name, the group of the fullest
// such name ("trump" -> "Donald Trump"). Only groups with a mention outside
// every turn label count: a label tagged as a name (or a name run on past
// the colon) says nothing about who it is.
std::unordered_map<std::string, int32_t> PersonNameWords(
    const Document& doc, const std::vector<bool>& named_in_text) {
  std::unordered_map<std::string, std::pair<int32_t, size_t>> best;
  for (size_t g = 0; g < doc.groups.size(); ++g) {
    if (doc.groups[g].label != EntityLabel::kPerson || !named_in_text[g]) {
      continue;
    }
    std::vector<std::string> words;
    std::string_view name = doc.groups[g].canonical;
    while (!name.empty()) {
      size_t space = name.find(' ');
      words.push_back(AsciiLower(name.substr(0, space)));
      if (space == std::string_view::npos) break;
      name.remove_prefix(space + 1);
    }
    for (const std::string& w : words) {
      auto [it, fresh] =
          best.try_emplace(w, static_cast<int32_t>(g), words.size());
      if (!fresh && words.size() > it->second.second) {
        it->second = {static_cast<int32_t>(g), words.size()};
      }
    }
  }
  std::unordered_map<std::string, int32_t> out;
  for (const auto& [w, g] : best) out.emplace(w, g.first);
  return out;
}

// "AMY GOODMAN" -> "Amy Goodman", "YAZAN AL-SAADI" -> "Yazan Al-Saadi";
// titles dropped ("SEN. TOM COTTON" -> "Tom Cotton"). Empty unless two or
// more name words remain: "HOST" or "JB" is a role or initials, not a name.
std::string NameFromLabel(const Document& doc, uint32_t first, uint32_t end) {
  std::string name;
  int words = 0;
  for (uint32_t i = first; i < end; ++i) {
    std::string_view text = doc.TokenText(i);
    if (mention::IsTitleWord(Lowercase(text))) continue;
    if (!name.empty()) name += ' ';
    bool start = true;  // the next letter opens a word part: keep it upper
    for (size_t k = 0; k < text.size();) {
      int len;
      char32_t cp = DecodeUtf8(text, k, &len);
      if (start) {
        name.append(text.substr(k, len));
      } else {
        name += Lowercase(text.substr(k, len));
      }
      start = cp == '-' || cp == '\'' || cp == 0x2019;
      k += len;
    }
    ++words;
  }
  return words >= 2 ? name : std::string();
}

}  // namespace

// (Not "poll": "Poll: Clinton and Trump in dead heat" reports the poll's
// finding, and PolNeAR annotates it so: 8 of 8 in train and dev.)
bool IsHeadingLabelWord(std::string_view lower) {
  static constexpr std::string_view kHeadings[] = {
      "update", "updated", "correction", "clarification", "note", "editor's",
      "editors", "watch", "related", "read", "more", "video", "photos", "photo",
      "photograph", "breaking", "advertisement", "source", "sources", "click",
      "listen", "subscribe", "also", "see", "caption", "credit", "image",
      "warning", "disclaimer", "transcript", "live", "exclusive", "opinion",
      "analysis", "news", "tags", "share", "topics", "bio", "urgent",
      // Fact-check formats ("CLAIM: ... THE FACTS: ...").
      "fact", "facts", "myth", "claim", "claims", "truth", "verdict", "rating",
      "reality", "question", "answer", "bottom"};
  for (std::string_view h : kHeadings) {
    if (lower == h) return true;
  }
  return false;
}

void AddTranscriptTurns(const TranscriptOptions& options, Document* doc) {
  std::vector<Turn> turns;
  for (const Paragraph& p : doc->paragraphs) {
    Turn t;
    if (FindTurn(*doc, p, options, &t)) turns.push_back(std::move(t));
  }
  if (turns.empty()) return;
  // Per label: turns, and turns ending as sentences do.
  std::unordered_map<std::string, std::pair<int, int>> count;
  for (const Turn& t : turns) {
    auto& [n, sentences] = count[t.key];
    ++n;
    sentences += t.sentence_end;
  }
  auto spoken = [&](const std::string& key) {
    const auto& [n, sentences] = count[key];
    return n >= 2 && 2 * sentences >= n;
  };
  int dialogue_labels = 0;
  for (const auto& entry : count) dialogue_labels += spoken(entry.first);
  // Entities and turns are both in text order: one merged pass.
  std::vector<bool> named_in_text(doc->groups.size(), false);
  size_t next_turn = 0;
  for (const Entity& e : doc->entities) {
    auto label_end = [&](size_t k) {
      return doc->tokens[turns[k].colon].span.end;
    };
    while (next_turn < turns.size() && label_end(next_turn) <= e.span.begin) {
      ++next_turn;
    }
    bool in_label =
        next_turn < turns.size() &&
        doc->tokens[turns[next_turn].label_first].span.begin < e.span.end;
    if (e.group >= 0 && !in_label) named_in_text[e.group] = true;
  }
  std::unordered_map<std::string, int32_t> person_words =
      PersonNameWords(*doc, named_in_text);
  // A turn whose label an existing relation already holds (a script quoted
  // inside a quote) is left alone. Quotes are sorted by content start:
  // sweep them with the turns, keeping the furthest content end so far.
  size_t next_quote = 0;
  uint32_t furthest_end = 0;
  const size_t existing = doc->quotes.size();
  bool added = false;
  for (const Turn& t : turns) {
    Span label = {doc->tokens[t.label_first].span.begin,
                  doc->tokens[t.colon - 1].span.end};
    while (next_quote < existing &&
           doc->quotes[next_quote].content.begin < label.end) {
      furthest_end =
          std::max(furthest_end, doc->quotes[next_quote].content.end);
      ++next_quote;
    }
    if (furthest_end > label.begin) continue;
    auto found = person_words.find(t.key);
    int32_t person = found == person_words.end() ? -1 : found->second;
    bool dialogue = dialogue_labels >= 2 && spoken(t.key);
    if (person < 0 && !dialogue) continue;
    int32_t group = person;
    std::string name = person >= 0
                           ? doc->groups[person].canonical
                           : NameFromLabel(*doc, t.label_first, t.colon);
    // The tagger may have read the turn itself, often only its first
    // sentence ("OKONKWO: It will pass."): that relation becomes the turn.
    bool tagged = false;
    for (size_t k = next_quote;
         k < existing && doc->quotes[k].content.begin < t.content.end; ++k) {
      Attribution& q = doc->quotes[k];
      if (tagged ||
          !(q.speaker.begin < label.end && label.begin < q.speaker.end)) {
        continue;
      }
      q.content = t.content;
      q.parts.clear();
      q.cue = doc->tokens[t.colon].span;
      q.speaker = label;
      q.kind = QuoteKind::kDirect;
      q.speaker_group = group;
      q.speaker_name = name;
      tagged = true;
      added = true;  // its content start may move: sort again below
    }
    if (tagged) continue;
    Attribution a;
    a.content = t.content;
    a.cue = doc->tokens[t.colon].span;
    a.speaker = label;
    a.kind = QuoteKind::kDirect;
    a.score = 1.0f;
    a.speaker_group = group;
    a.speaker_name = std::move(name);
    doc->quotes.push_back(std::move(a));
    added = true;
  }
  if (added) {  // turns added, or a tagged turn's content changed
    std::stable_sort(doc->quotes.begin(), doc->quotes.end(),
                     [](const Attribution& a, const Attribution& b) {
                       return a.content.begin < b.content.begin;
                     });
  }
}

}  // namespace whosaid
