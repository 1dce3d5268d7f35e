#include "src/attribution/clause_rules.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "src/attribution/feature_util.h"
#include "src/attribution/paragraph_quotes.h"
#include "src/entities/mentions.h"

namespace whosaid::attribution {

bool IsDiscourseMarkerCue(const Document& d, const DocView& v, TSpan cue) {
  if (cue.none() || cue.b != cue.e) return false;
  const int n = static_cast<int>(d.tokens.size());
  auto is = [&](int i, std::string_view lower) {
    return i >= 0 && i < n && mention::TokenIs(d, i, lower);
  };
  if (!is(cue.b, "said")) return false;
  int first = static_cast<int>(d.sentences[v.sent[cue.b]].token_begin);
  // An opening bracket or quotation mark may come first ("(That said, ...").
  if (first < cue.b && (is(first, "(") || is(first, "[") ||
                        d.tokens[first].kind == TokenKind::kQuote)) {
    ++first;
  }
  const int after = cue.b + 1;
  bool that = is(first, "that") || is(first, "this");
  if (that && first == cue.b - 1 && is(after, ",")) return true;
  if (that && first == cue.b - 2 && is(first + 1, "being") && is(after, ",")) {
    return true;
  }
  return is(first, "having") && first == cue.b - 1 &&
         (is(after, "that") || is(after, "this")) && is(after + 1, ",");
}

namespace {

// Whether `w` is one of `words` (sorted).
template <size_t N>
bool OneOf(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::binary_search(words.begin(), words.end(), w);
}

// Deeds: what the cue's subject did, not said. Sorted.
constexpr std::array<std::string_view, 69> kActionWords = {
    "acquitted", "appoint",   "appointed", "appoints",  "approve", "approved",
    "approves",  "arrest",    "arrested",  "award",     "awarded", "ban",
    "banned",    "bans",      "charge",    "charged",   "charges", "convict",
    "convicted", "defeat",    "defeated",  "elect",     "elected", "endorse",
    "endorsed",  "endorses",  "endorsing", "file",      "filed",   "fined",
    "fire",      "fired",     "fund",      "funded",    "hire",    "hired",
    "hires",     "indict",    "indicted",  "jailed",    "launch",  "launched",
    "launches",  "nominate",  "nominated", "nominates", "pass",    "passed",
    "passes",    "plead",     "pleaded",   "pleads",    "pled",    "sentence",
    "sentenced", "sentences", "sign",      "signed",    "signs",   "sue",
    "sued",      "sues",      "veto",      "vetoed",    "vetoes",  "vote",
    "voted",     "votes",     "voting"};

// Intentions and manners of acting that take an infinitive ("declined to
// comment", "hopes to run", "seems to agree"). Sorted.
constexpr std::array<std::string_view, 96> kIntentionWords = {
    "afford",    "aim",      "aimed",     "aims",     "appear",   "appeared",
    "appears",   "attempt",  "attempted", "attempts", "began",    "begin",
    "begins",    "choose",   "chooses",   "chose",    "continue", "continued",
    "continues", "dare",     "dared",     "decline",  "declined", "declines",
    "declining", "expect",   "expected",  "expects",  "fail",     "failed",
    "fails",     "hesitate", "hesitated", "hope",     "hoped",    "hopes",
    "hoping",    "intend",   "intended",  "intends",  "like",     "liked",
    "likes",     "love",     "loved",     "loves",    "manage",   "managed",
    "move",      "moved",    "moving",    "need",     "needed",   "needs",
    "plan",      "planned",  "planning",  "plans",    "prefer",   "preferred",
    "prefers",   "refuse",   "refused",   "refuses",  "refusing", "require",
    "required",  "requires", "rush",      "rushed",   "scramble", "scrambled",
    "seek",      "seeking",  "seeks",     "seem",     "seemed",   "seems",
    "sought",    "start",    "started",   "strive",   "strove",   "struggle",
    "struggled", "tried",    "tries",     "try",      "trying",   "want",
    "wanted",    "wanting",  "wants",     "wish",     "wished",   "wishes"};

// Feelings and wishes the writer assigns ("hopes that", "is worried
// about", "are eager"). Sorted.
constexpr std::array<std::string_view, 31> kAttitudeWords = {
    "afraid",  "anxious",    "concerned", "determined", "eager",   "fear",
    "feared",  "fearing",    "fears",     "hope",       "hoped",   "hopes",
    "hoping",  "interested", "keen",      "like",       "likes",   "love",
    "loves",   "prefer",     "preferred", "prefers",    "want",    "wanted",
    "wants",   "wish",       "wished",    "wishes",     "worried", "worries",
    "worrying"};

// Verbs of speech that make a cue a report whatever else it holds
// ("expressed hope", "voiced concern"). Sorted.
constexpr std::array<std::string_view, 15> kSpeechWords = {
    "expressed", "expresses", "expressing", "said",   "say",
    "saying",    "says",      "stated",     "tell",   "tells",
    "told",      "voiced",    "voices",     "writes", "wrote"};

bool IsWord(const DocView& v, int i) { return v.cls[i] <= internal::kNum; }

bool IsPreposition(const Document& d, int i) {
  for (std::string_view w : {"about", "for", "of", "on", "over", "with"}) {
    if (mention::TokenIs(d, i, w)) return true;
  }
  return false;
}

}  // namespace

bool ReportsNoSpeech(const Document& d, const DocView& v, TSpan cue,
                     TSpan content, TSpan source) {
  if (cue.none() || content.none()) return false;
  for (int i = cue.b; i <= cue.e; ++i) {
    if (IsWord(v, i) && OneOf(kSpeechWords, mention::LowerToken(d, i))) {
      return false;
    }
  }
  int words = 0;
  bool comment = false, request = false;
  bool quotation = false;
  for (int i = content.b; i <= content.e; ++i) {
    if (v.inq[i] || v.cls[i] == internal::kOpenQuote ||
        v.cls[i] == internal::kCloseQuote ||
        v.cls[i] == internal::kOtherQuote) {
      quotation = true;  // the speaker's own words
      break;
    }
    if (!IsWord(v, i)) continue;
    ++words;
    if (mention::TokenIs(d, i, "comment")) comment = true;
    for (std::string_view w : {"request", "requests", "inquiry", "inquiries"}) {
      if (mention::TokenIs(d, i, w)) request = true;
    }
  }
  if (quotation) return false;
  // Nobody speaks: "is expected", "seemed", "appears" (a report of speech
  // whose speaker was missed, "said | passage was inevitable", stays).
  if (source.none()) return true;
  // "did not respond to | requests": a request only after a cue that tells
  // it went unanswered ("Prosecutors oppose | requests for early release"
  // is a report).
  if (request && !comment) {
    for (int i = cue.b; i <= cue.e && !comment; ++i) {
      for (std::string_view w : {"respond", "responded", "return", "returned",
                                 "reply", "replied", "answer", "answered"}) {
        if (mention::TokenIs(d, i, w)) comment = true;
      }
    }
  }
  if (comment && words <= 8) return true;
  int first = content.b;
  while (first < content.e && !IsWord(v, first)) ++first;
  const bool that_clause = mention::TokenIs(d, first, "that");
  const bool infinitive = mention::TokenIs(d, first, "to");
  int last = -1;  // the cue's last word
  for (int i = cue.b; i <= cue.e; ++i) {
    if (!IsWord(v, i)) continue;
    last = i;
    if (!that_clause && OneOf(kActionWords, mention::LowerToken(d, i))) {
      return true;
    }
  }
  if (last < 0) return false;
  if (infinitive && OneOf(kIntentionWords, mention::LowerToken(d, last))) {
    return true;
  }
  // The feeling is the cue's head: its last word before any preposition
  // ("hopes for", "worried about"), not a verb it governs ("would like to
  // highlight").
  int head = last;
  while (head > cue.b && IsPreposition(d, head)) --head;
  return IsWord(v, head) && OneOf(kAttitudeWords, mention::LowerToken(d, head));
}

int CoordinatingWord(const Document& d, const DocView& v, TSpan cue) {
  const int i = cue.b - 1;
  if (cue.none() || i < 0 || v.sent[i] != v.sent[cue.b]) return -1;
  for (std::string_view w : {"and", "or", "but"}) {
    if (mention::TokenIs(d, i, w)) return i;
  }
  return -1;
}

bool EndBeforeConjunction(const DocView& v, int conj, TSpan* content) {
  int e = conj - 1;
  while (e >= content->b && v.cls[e] >= 4 && v.cls[e] <= 8) --e;
  if (e < content->b) return false;
  content->e = e;
  return true;
}

void ShareSubject(const TSpan& first_source, TSpan first_content,
                  TSpan* second_source) {
  if (first_source.none()) return;
  auto inside = [](TSpan a, TSpan b) { return a.b >= b.b && a.e <= b.e; };
  if (second_source->none() || inside(*second_source, first_source) ||
      inside(*second_source, first_content)) {
    *second_source = first_source;
  }
}

bool LeavesTheParagraph(const Document& d, const DocView& v, TSpan cue,
                        TSpan content) {
  auto paragraph = [&](int tok) { return d.sentences[v.sent[tok]].paragraph; };
  if (content.e < cue.b) return paragraph(content.b) != paragraph(cue.b);
  if (content.b <= cue.e) return false;
  if (paragraph(content.b) == paragraph(cue.e)) return false;
  for (int i = cue.e; i < content.b; ++i) {
    if (v.cls[i] == internal::kColon) return false;
  }
  return true;
}

int QuotationContinues(const DocView& v, TSpan cue, TSpan content, TSpan source,
                       int* close) {
  using internal::kCloseQuote;
  using internal::kOpenQuote;
  using internal::kOtherQuote;
  const int n = static_cast<int>(v.cls.size());
  if (cue.none() || content.none() || content.e >= cue.b || content.e < 1) {
    return -1;
  }
  // "“A,”", "“A?”", "“A!”": a quotation the reporting clause interrupts (a
  // full stop before the mark ends it).
  if (v.cls[content.e] != kCloseQuote) return -1;
  const uint8_t before = v.cls[content.e - 1];
  const bool interrupted =
      before == internal::kComma ||
      (before == internal::kStop && v.doc != nullptr &&
       v.doc->Text(v.doc->tokens[content.e - 1].span) != ".");
  if (!interrupted) return -1;
  // The reporting clause fills the rest of the cue's sentence: no quotation
  // mark after the first quotation, the speaker inside.
  int end = cue.e;
  while (end + 1 < n && !v.send[end]) ++end;
  if (!v.send[end] || v.cls[end] != internal::kStop) return -1;
  if (!source.none() && (source.b <= content.e || source.e > end)) return -1;
  for (int i = content.e + 1; i <= end; ++i) {
    if (v.cls[i] == kOpenQuote || v.cls[i] == kCloseQuote ||
        v.cls[i] == kOtherQuote) {
      return -1;
    }
  }
  const int open = end + 1;
  if (open >= n || v.cls[open] != kOpenQuote || v.para[open] != v.para[end]) {
    return -1;
  }
  int c = v.next_close[open];
  if (c >= n || v.para[c] != v.para[open]) {
    // Left open at the paragraph's end (a quotation that runs on over
    // paragraphs, see paragraph_quotes.h): the second part ends with the
    // paragraph.
    c = ParagraphLast(v, open);
    if (c == open) return -1;
  }
  *close = c;
  return open;
}

bool CueStartsIn(const std::vector<Candidate>& cands, int b, int e) {
  auto it =
      std::partition_point(cands.begin(), cands.end(),
                           [&](const Candidate& x) { return x.cue.b < b; });
  return it != cands.end() && it->cue.b <= e;
}

void SortByCue(const std::vector<Candidate*>& kept,
               std::vector<Candidate*>* by_cue) {
  *by_cue = kept;
  std::sort(by_cue->begin(), by_cue->end(),
            [](const Candidate* a, const Candidate* b) {
              return a->cue.b < b->cue.b;
            });
}

bool ReachedByAnother(const std::vector<Candidate*>& by_cue,
                      const Candidate* self, TSpan span, int reach) {
  auto k = std::partition_point(
      by_cue.begin(), by_cue.end(),
      [&](const Candidate* x) { return x->cue.b < span.b - reach; });
  for (; k != by_cue.end() && (*k)->cue.b <= span.e + reach; ++k) {
    if (*k != self &&
        (Overlaps(span, (*k)->content) || Overlaps(span, (*k)->cue) ||
         Overlaps(span, (*k)->source))) {
      return true;
    }
  }
  return false;
}

void ContinueQuotations(const DocView& v, const std::vector<Candidate>& cands,
                        int reach, std::vector<Candidate*>* by_cue,
                        std::vector<Candidate*>* kept) {
  const int n = static_cast<int>(v.cls.size());
  bool sorted = false;
  for (Candidate* c : *kept) {
    int close = -1;
    const int open =
        QuotationContinues(v, c->cue, c->content, c->source, &close);
    if (open < 0) continue;
    const TSpan second{open, close};
    if (CueStartsIn(cands, open, close)) continue;
    // Left open at the paragraph's end while the next paragraph takes the
    // quotation up with a cue of its own ("“C,” she added."): PolNeAR train
    // gives such a tail to the first cue 4 times and to the next one 2
    // times (dev: 0 and 1), so it stays out, as before.
    if (v.cls[close] != internal::kCloseQuote && close + 1 < n &&
        v.cls[close + 1] == internal::kOpenQuote) {
      if (CueStartsIn(cands, close + 1, ParagraphLast(v, close + 1))) {
        continue;
      }
    }
    if (!sorted) {
      SortByCue(*kept, by_cue);
      sorted = true;
    }
    if (ReachedByAnother(*by_cue, c, second, reach)) continue;
    c->content.e = close;
    c->part2 = open;
  }
}

}  // namespace whosaid::attribution
