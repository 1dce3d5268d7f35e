// Speaker resolution: quote speaker and claim source mentions -> entity
// groups, by high-precision sieves first and pronouns last.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"

namespace whosaid {
namespace {

using mention::LowerToken;

constexpr uint32_t kPronounSentenceWindow = 3;  // previous sentences searched
// How far back a he/she speaker may continue an earlier quote's speaker of
// the same gender when no one else of that gender is named nearer.
constexpr uint32_t kSpeakerChainSentences = 8;
// Within its own paragraph a pronoun looks back at most this far.
constexpr uint32_t kPronounParagraphSentences = 40;

bool Overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

// Prepositions and conjunctions, capitalised only when they open a
// sentence.
bool IsClauseWord(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "on",     "in",    "at",    "by",     "for",      "from",
      "with",   "of",    "to",    "as",     "after",    "before",
      "during", "since", "until", "when",   "while",    "if",
      "but",    "and",   "or",    "though", "although", "because"};
  for (std::string_view w : kWords) {
    if (lower == w) return true;
  }
  return false;
}

// A weekday or a month, which the tagger or a capitalised run may take for
// a name ("The WHO on Saturday"): never a speaker.
bool IsDayName(std::string_view lower) {
  static constexpr std::string_view kDays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday",   "saturday",
      "sunday", "january", "february",  "march",    "april",    "june",
      "july",   "august",  "september", "october",  "november", "december"};
  for (std::string_view d : kDays) {
    if (lower == d) return true;
  }
  return false;
}

lex::Gender GroupGender(const Document& doc, int32_t group) {
  int male = 0, female = 0;
  auto count = [&](std::string_view w) {
    lex::Gender g = lex::GenderOfWord(w);
    if (g == lex::Gender::kMale) ++male;
    if (g == lex::Gender::kFemale) ++female;
  };
  for (const Entity& e : doc.entities) {
    if (e.group != group) continue;
    if (!e.title.empty()) {
      uint32_t f, l;
      mention::TokenRange(doc, e.title, &f, &l);
      for (uint32_t i = f; i < l; ++i) count(LowerToken(doc, i));
    }
  }
  const std::string& name = doc.groups[group].canonical;
  count(mention::Lower(name.substr(0, name.find(' '))));
  for (const auto& r : doc.groups[group].roles) count(r);
  if (male > female) return lex::Gender::kMale;
  if (female > male) return lex::Gender::kFemale;
  return lex::Gender::kUnknown;
}

int32_t ResolveRole(const Document& doc, std::string_view noun,
                    uint32_t begin_byte);

// A mention that a pronoun may refer to.
struct Candidate {
  uint32_t begin;
  int32_t group;
  bool quoted;           // inside some quote's content
  bool speaker = false;  // an earlier quote's resolved speaker
};

// The token where the subject of sentence s starts: after opening quote
// marks and punctuation, a leading conjunction ("But", "And"), and an
// introductory phrase closed by a comma within kIntroTokens when the
// sentence opens with a preposition or an adverb ("On Monday, ...").
uint32_t SubjectToken(const Document& doc, uint32_t s) {
  constexpr uint32_t kIntroTokens = 8;
  const Sentence& sent = doc.sentences[s];
  const uint32_t end = std::min<uint32_t>(sent.token_end, doc.tokens.size());
  uint32_t i = sent.token_begin;
  while (i < end && doc.tokens[i].kind != TokenKind::kWord &&
         doc.tokens[i].kind != TokenKind::kNumber) {
    ++i;
  }
  if (i >= end) return i;
  std::string w = LowerToken(doc, i);
  if (w == "but" || w == "and" || w == "so" || w == "yet") {
    if (++i >= end) return i;
    w = LowerToken(doc, i);
  }
  if (IsClauseWord(w) || (w.size() > 4 && w.ends_with("ly"))) {
    for (uint32_t j = i + 1; j < end && j <= i + kIntroTokens; ++j) {
      if (doc.TokenText(j) == ",") return j + 1;
    }
  }
  return i;
}

// Whether an entity mention starting at token `tok` is the subject of its
// sentence: it starts at the subject token or right after a determiner
// there ("The Harbor Board said ...").
bool IsSubject(const Document& doc, uint32_t tok) {
  uint32_t subj = SubjectToken(doc, mention::SentenceOf(doc, tok));
  return tok == subj ||
         (tok == subj + 1 && lex::IsDeterminer(LowerToken(doc, subj)));
}

// Whether sentence s has a subject that is a singular common noun phrase,
// not a name ("The image was made ...", "A report found ..."): a
// determiner followed by a lower-case word not ending in -s, at the
// subject token.
bool HasThingSubject(const Document& doc, uint32_t s) {
  uint32_t i = SubjectToken(doc, s);
  const uint32_t end =
      std::min<uint32_t>(doc.sentences[s].token_end, doc.tokens.size());
  if (i + 1 >= end || !lex::IsDeterminer(LowerToken(doc, i))) return false;
  const Token& next = doc.tokens[i + 1];
  // Singular: "The companies can defer ..." is no "it".
  return next.kind == TokenKind::kWord && !next.capitalized &&
         !LowerToken(doc, i + 1).ends_with("s");
}

// "the <role>" (a role head within three tokens after "the") that names a
// known person: the phrase's first role-head token and that person's group.
struct RolePhrase {
  uint32_t the_token;
  uint32_t role_token;
  int32_t group;
  bool quoted;  // "the" is inside some quote's content
};

// What the sieves compute from the entities, groups and quote contents
// alone, which ResolveSpeakers() does not change: filled on first use and
// shared by all mentions of one document. Not shared across threads.
struct SpeakerCache {
  bool phrases_built = false;
  std::vector<RolePhrase> phrases;  // in token order
  std::vector<int8_t> genders;      // per group; -1: not computed yet
  // Lower-cased word of a group's name -> (mention start, group) of every
  // entity mention whose group's name holds it, in text order.
  bool name_words_built = false;
  std::unordered_map<std::string, std::vector<std::pair<uint32_t, int32_t>>>
      name_words;
  // Quote contents as (begin, end) sorted by begin, with the running maximum
  // of their ends (a span lies inside some content iff the largest end among
  // the contents beginning at or before it reaches its end), and the quotes
  // with a speaker mention ordered by where it begins.
  bool quotes_built = false;
  std::vector<std::pair<uint32_t, uint32_t>> contents;
  std::vector<uint32_t> max_end;
  std::vector<uint32_t> by_speaker;
};

void BuildQuoteIndex(const Document& doc, SpeakerCache* cache) {
  if (cache->quotes_built) return;
  cache->quotes_built = true;
  for (size_t k = 0; k < doc.quotes.size(); ++k) {
    const Attribution& q = doc.quotes[k];
    cache->contents.push_back({q.content.begin, q.content.end});
    if (!q.speaker.empty()) cache->by_speaker.push_back(k);
  }
  std::sort(cache->contents.begin(), cache->contents.end());
  uint32_t running = 0;
  for (const auto& c : cache->contents) {
    running = std::max(running, c.second);
    cache->max_end.push_back(running);
  }
  std::stable_sort(cache->by_speaker.begin(), cache->by_speaker.end(),
                   [&](uint32_t a, uint32_t b) {
                     return doc.quotes[a].speaker.begin <
                            doc.quotes[b].speaker.begin;
                   });
}

// Whether `s` lies inside some quote's content: a binary search in the
// cache's index.
bool InsideQuote(const Document& doc, Span s, SpeakerCache* cache) {
  BuildQuoteIndex(doc, cache);
  auto after =
      std::partition_point(cache->contents.begin(), cache->contents.end(),
                           [&](const std::pair<uint32_t, uint32_t>& c) {
                             return c.first <= s.begin;
                           });
  if (after == cache->contents.begin()) return false;
  return cache->max_end[after - cache->contents.begin() - 1] >= s.end;
}

// Every "the <role>" phrase of the document, as Candidates() finds them: for
// each "the", the first role head among the next three tokens decides.
void FindRolePhrases(const Document& doc, SpeakerCache* cache) {
  std::vector<RolePhrase>* out = &cache->phrases;
  out->clear();
  uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  for (uint32_t i = 0; i + 1 < n; ++i) {
    if (!mention::TokenIs(doc, i, "the")) continue;
    for (uint32_t j = i + 1; j < n && j <= i + 3; ++j) {
      std::string r = LowerToken(doc, j);
      if (!mention::IsRoleHeadWord(r)) continue;
      int32_t g = ResolveRole(doc, lex::ExpandAbbreviation(r),
                              doc.tokens[i].span.begin);
      if (g >= 0) {
        out->push_back({i, j, g, InsideQuote(doc, doc.tokens[i].span, cache)});
      }
      break;
    }
  }
}

// Candidates before byte `end`: named entities, resolved speakers of
// earlier quotes, and role noun phrases ("the minister"). The role phrases
// are found once per document (in the cache): a phrase counts when its role
// token lies before the cut-off, which is what a scan limited to the tokens
// before it would find (the first role head after "the" is the same when it
// lies before the cut-off, and none is found when it does not).
void Candidates(const Document& doc, uint32_t from, uint32_t end,
                SpeakerCache* cache, std::vector<Candidate>* out) {
  out->clear();
  // Entities are sorted: start at the first one at or after `from`.
  auto first_entity = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < from; });
  for (auto it = first_entity; it != doc.entities.end(); ++it) {
    const Entity& e = *it;
    if (e.span.end > end) break;
    if (e.group >= 0) {
      out->push_back({e.span.begin, e.group, InsideQuote(doc, e.span, cache)});
    }
  }
  // Speakers already resolved (groups are written as ResolveSpeakers goes).
  auto add_speaker = [&](const Attribution& q) {
    if (q.speaker_group >= 0 && !q.speaker.empty() && q.speaker.end <= end &&
        q.speaker.begin >= from) {
      out->push_back({q.speaker.begin, q.speaker_group, false, true});
    }
  };
  BuildQuoteIndex(doc, cache);
  auto it = std::partition_point(
      cache->by_speaker.begin(), cache->by_speaker.end(),
      [&](uint32_t k) { return doc.quotes[k].speaker.begin < from; });
  for (; it != cache->by_speaker.end() && doc.quotes[*it].speaker.begin < end;
       ++it) {
    add_speaker(doc.quotes[*it]);
  }
  uint32_t first = mention::TokenAtOrAfter(doc, from);
  uint32_t last = mention::TokenAtOrAfter(doc, end);
  if (!cache->phrases_built) {
    FindRolePhrases(doc, cache);
    cache->phrases_built = true;
  }
  auto first_phrase = std::partition_point(
      cache->phrases.begin(), cache->phrases.end(),
      [&](const RolePhrase& p) { return p.the_token < first; });
  for (auto p = first_phrase; p != cache->phrases.end(); ++p) {
    if (p->the_token + 1 >= last) break;
    if (p->role_token < last) {
      out->push_back(
          {doc.tokens[p->the_token].span.begin, p->group, p->quoted});
    }
  }
  std::stable_sort(
      out->begin(), out->end(),
      [](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
}

// Person (or organisation) candidates before `mention`, best first.
int32_t ResolvePronoun(const Document& doc, uint32_t first_token,
                       lex::PronounKind kind, int32_t previous_speaker,
                       SpeakerCache* cache) {
  if (doc.sentences.empty()) return -1;
  uint32_t here = mention::SentenceOf(doc, first_token);
  uint32_t para = doc.sentences[here].paragraph;
  uint32_t begin_byte = doc.tokens[first_token].span.begin;
  bool want_org = kind == lex::PronounKind::kNeuter;
  // "it" stands for a thing as often as for a body: it names an
  // organisation only when that one is the agent before it, the subject of
  // its sentence (or an earlier quote's speaker), and no sentence in
  // between has a thing for its subject ("The image was made by data
  // scientists at Betaworks. It shows ..." is the image).
  const bool thing_pronoun =
      want_org && mention::TokenIs(doc, first_token, "it");
  lex::Gender want = kind == lex::PronounKind::kMale ? lex::Gender::kMale
                     : kind == lex::PronounKind::kFemale
                         ? lex::Gender::kFemale
                         : lex::Gender::kUnknown;
  std::vector<Candidate> cands;
  // For "it": the last sentence before `here` (within the search) whose
  // subject is a thing; organisations named before it are out of reach.
  uint32_t thing_sentence = 0;
  bool thing_seen = false;
  // Candidates further back than the window and outside the paragraph are
  // never taken (below): start the search where they end. Within a long
  // paragraph, kPronounParagraphSentences bounds it, so a document that is
  // one huge paragraph costs linear time.
  uint32_t window_start =
      here > kPronounSentenceWindow ? here - kPronounSentenceWindow : 0;
  uint32_t para_start = std::max(
      para < doc.paragraphs.size() ? doc.paragraphs[para].sentence_begin : 0,
      here > kPronounParagraphSentences ? here - kPronounParagraphSentences
                                        : 0);
  uint32_t from_sentence = std::min(window_start, para_start);
  if (thing_pronoun) {
    for (uint32_t k = here; k-- > from_sentence;) {
      if (HasThingSubject(doc, k)) {
        thing_sentence = k;
        thing_seen = true;
        break;
      }
    }
  }
  Candidates(doc, doc.sentences[from_sentence].span.begin, begin_byte, cache,
             &cands);
  // GroupGender scans every entity: compute it once per group and document.
  std::vector<int8_t>& genders = cache->genders;
  genders.resize(doc.groups.size(), -1);
  auto gender_of = [&](int32_t g) {
    if (genders[g] < 0) genders[g] = static_cast<int8_t>(GroupGender(doc, g));
    return static_cast<lex::Gender>(genders[g]);
  };
  int32_t best = -1;
  double best_score = -1e9;
  for (int quoted_ok = 0; quoted_ok < 2 && best < 0; ++quoted_ok) {
    uint32_t last_sentence = UINT32_MAX;
    bool first_in_sentence = false;
    for (const Candidate& c : cands) {
      EntityLabel label = doc.groups[c.group].label;
      bool person = label == EntityLabel::kPerson;
      bool org = label == EntityLabel::kOrg;
      // "it" and "they" refer to organisations here (a plural "they" is
      // never one person); he/she to persons.
      bool plural = kind == lex::PronounKind::kPlural;
      if ((want_org || plural) ? !org : !person) continue;
      uint32_t tok = mention::TokenAtOrAfter(doc, c.begin);
      uint32_t s = mention::SentenceOf(doc, tok);
      first_in_sentence = s != last_sentence;
      last_sentence = s;
      uint32_t dist = here - s;
      if (dist > kPronounSentenceWindow && doc.sentences[s].paragraph != para) {
        continue;
      }
      if (!quoted_ok && c.quoted) continue;
      if (thing_pronoun && ((thing_seen && s <= thing_sentence) ||
                            (!c.speaker && !IsSubject(doc, tok)))) {
        continue;
      }
      if (person && want != lex::Gender::kUnknown) {
        lex::Gender g = gender_of(c.group);
        if (g != lex::Gender::kUnknown && g != want) continue;
      }
      // Weights: a sentence of distance costs more than the previous-speaker
      // bonus, so a new subject in the sentence just before wins.
      double score = -1.2 * dist;
      if (c.group == previous_speaker) score += 1.0;
      if (first_in_sentence) score += 1.0;
      if (person && want != lex::Gender::kUnknown &&
          gender_of(c.group) == want) {
        score += 0.5;
      }
      // Later mentions win ties (recency within a sentence).
      score += 1e-6 * c.begin;
      if (score > best_score) {
        best_score = score;
        best = c.group;
      }
    }
  }
  if (best >= 0 || want == lex::Gender::kUnknown) return best;
  // Nobody of that gender named nearby: a quote speaker of that gender a
  // few sentences up carries on ("Ms. Lund said ... The White House said
  // ... “...,” she said").
  // Quotes are sorted by content start: those starting after the mention
  // are not earlier ones.
  auto stop = std::partition_point(
      doc.quotes.begin(), doc.quotes.end(),
      [&](const Attribution& q) { return q.content.begin <= begin_byte; });
  for (auto q = std::make_reverse_iterator(stop); q != doc.quotes.rend(); ++q) {
    if (q->speaker.empty() || q->speaker.end > begin_byte ||
        q->speaker_group < 0) {
      continue;
    }
    uint32_t tok = mention::TokenAtOrAfter(doc, q->speaker.begin);
    if (here - mention::SentenceOf(doc, tok) > kSpeakerChainSentences) break;
    if (doc.groups[q->speaker_group].label == EntityLabel::kPerson &&
        gender_of(q->speaker_group) == want) {
      return q->speaker_group;
    }
  }
  return -1;
}

// "X, who said ...", "Google, which said ...": the entity ending just
// before ", who" / ", which".
int32_t ResolveRelative(const Document& doc, uint32_t first_token) {
  // A sentence-initial "Which ..." asks; it refers to nothing before it.
  if (doc.sentences.empty() ||
      doc.sentences[mention::SentenceOf(doc, first_token)].token_begin ==
          first_token) {
    return -1;
  }
  // "which" stands for a thing or a body, never a person: not for a
  // PERSON group with a gendered first name or honorific (a single-word
  // "Google" tagged PERSON by mistake still fits).
  bool not_person = LowerToken(doc, first_token) == "which";
  auto fits = [&](int32_t g) {
    return !not_person || doc.groups[g].label != EntityLabel::kPerson ||
           GroupGender(doc, g) == lex::Gender::kUnknown;
  };
  uint32_t end_tok = first_token;
  if (end_tok > 0 && doc.TokenText(end_tok - 1) == ",") --end_tok;
  if (end_tok == 0) return -1;
  uint32_t end_byte = doc.tokens[end_tok - 1].span.end;
  for (const Entity& e : doc.entities) {
    if (e.group >= 0 && !e.appositive.empty() && e.appositive.end == end_byte) {
      return fits(e.group) ? e.group : -1;  // "X, a retired general, who"
    }
  }
  for (auto it = doc.entities.rbegin(); it != doc.entities.rend(); ++it) {
    if (it->span.end > end_byte) continue;
    if (it->group >= 0 && it->span.end + 24 >= end_byte) {
      // Allow an appositive between the name and ", who".
      return fits(it->group) ? it->group : -1;
    }
    break;
  }
  return -1;
}

// The most recent person group with a role named by `noun`.
int32_t ResolveRole(const Document& doc, std::string_view noun,
                    uint32_t begin_byte) {
  int32_t best = -1;
  for (const Entity& e : doc.entities) {
    if (e.group < 0 || e.label != EntityLabel::kPerson) continue;
    bool has = false;
    for (const auto& r : doc.groups[e.group].roles) {
      has |= mention::RoleMatches(r, noun);
    }
    if (!has) continue;
    if (e.span.begin < begin_byte || best < 0) best = e.group;
    if (e.span.begin >= begin_byte) break;
  }
  return best;
}

// A person group holding `word` (lower case) among its name words; the one
// mentioned most recently before `begin_byte`.
// The group of the last entity mention before `begin_byte` whose group's
// name holds `word` ("gedney" -> "Felix Gedney"), else of the first one
// after; -1 when none. Looked up in an index the cache builds once.
int32_t ResolveNameWord(const Document& doc, const std::string& word,
                        uint32_t begin_byte, SpeakerCache* cache) {
  if (!cache->name_words_built) {
    for (const Entity& e : doc.entities) {
      if (e.group < 0) continue;
      std::string_view name = doc.groups[e.group].canonical;
      size_t p = 0;
      while (p < name.size()) {
        size_t q = name.find(' ', p);
        if (q == std::string_view::npos) q = name.size();
        auto& list = cache->name_words[mention::Lower(name.substr(p, q - p))];
        // A name that repeats a word ("Kim Kim") lists the mention once.
        if (list.empty() || list.back().first != e.span.begin) {
          list.push_back({e.span.begin, e.group});
        }
        p = q + 1;
      }
    }
    cache->name_words_built = true;
  }
  auto it = cache->name_words.find(word);
  if (it == cache->name_words.end()) return -1;
  const auto& list = it->second;
  auto after = std::partition_point(list.begin(), list.end(),
                                    [&](const std::pair<uint32_t, int32_t>& m) {
                                      return m.first < begin_byte;
                                    });
  if (after != list.begin()) return std::prev(after)->second;
  return list.front().second;
}

// Whether token i of mention `m` lies in a place or other name that only
// modifies a noun after it ("U.S." of "U.S. intelligence agencies"; see
// mention::ModifiesALaterNoun): no name of the speaker.
bool InModifierName(const Document& doc, Span m, uint32_t i) {
  const Span t = doc.tokens[i].span;
  auto it = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.end <= t.begin; });
  return it != doc.entities.end() && it->span.begin < t.end &&
         mention::ModifiesALaterNoun(doc, *it, m);
}

// The proper name written in a mention, without titles ("Smith" for
// "Sen. Smith"), or "".
std::string ProperName(const Document& doc, uint32_t f, uint32_t l) {
  std::string out;
  const Span m =
      f < l ? Span{doc.tokens[f].span.begin, doc.tokens[l - 1].span.end}
            : Span{};
  for (uint32_t i = f; i < l; ++i) {
    const Token& t = doc.tokens[i];
    std::string w = LowerToken(doc, i);
    // A mention whose place name only modifies its noun ("U.S. officials",
    // "An Arkansas judge on May 10") has no proper name of its own.
    if (InModifierName(doc, m, i)) return "";
    // "WHO" in capitals is a name, not the pronoun; a capitalised
    // preposition or conjunction opening a sentence ("On Monday") is none.
    bool name = t.kind == TokenKind::kWord && t.capitalized &&
                !mention::IsTitleWord(w) && !lex::IsDeterminer(w) &&
                !IsDayName(w) && !IsClauseWord(w) &&
                (t.all_caps || lex::PronounOf(w) == lex::PronounKind::kNone);
    // A capitalised first word of a sentence followed by a lower-case word
    // ("Independent experts") is not a name.
    // (A place that only modifies a noun counts as lower case: "Some
    // Norland lawmakers".)
    if (name && out.empty() && i + 1 < doc.tokens.size() &&
        (!doc.tokens[i + 1].capitalized ||
         (i + 1 < l && InModifierName(doc, m, i + 1)))) {
      bool initial =
          !doc.sentences.empty() &&
          doc.sentences[mention::SentenceOf(doc, i)].token_begin == i;
      if (initial || (i > 0 && doc.tokens[i - 1].kind == TokenKind::kQuote)) {
        name = false;
      }
    }
    if (!name) {
      if (!out.empty()) break;
      continue;
    }
    if (!out.empty()) out += ' ';
    out += doc.TokenText(i);
  }
  return out;
}

int32_t PreviousSpeaker(const Document& doc, Span mention) {
  int32_t prev = -1;
  for (const Attribution& q : doc.quotes) {
    if (q.content.begin >= mention.begin) break;
    if (q.speaker_group >= 0) prev = q.speaker_group;
  }
  return prev;
}

int32_t ResolveMentionWith(const Document& doc, Span m,
                           int32_t previous_speaker, SpeakerCache* cache);

}  // namespace

int32_t ResolveMention(const Document& doc, Span m, int32_t previous_speaker) {
  return ResolveMentionWith(doc, m, previous_speaker, nullptr);
}

namespace {

int32_t ResolveMentionWith(const Document& doc, Span m,
                           int32_t previous_speaker, SpeakerCache* cache) {
  if (m.empty() || doc.tokens.empty()) return -1;
  // One mention resolved alone (no document cache): the indexes are built
  // for it here.
  SpeakerCache local_cache;
  if (cache == nullptr) cache = &local_cache;
  // 1. The mention is (or contains) a named entity. Entities are sorted and
  // do not overlap one another, so those overlapping the mention are the
  // ones just before the first entity starting at or after its end.
  int32_t found = -1;
  bool modified = false;  // holds a name that only modifies a noun
  auto entities_end = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < m.end; });
  auto overlapping = entities_end;
  while (overlapping != doc.entities.begin() &&
         std::prev(overlapping)->span.end > m.begin) {
    --overlapping;
  }
  for (int pass = 0; pass < 3 && found < 0; ++pass) {
    for (auto it = overlapping; it != entities_end; ++it) {
      const Entity& e = *it;
      if (!Overlaps(e.span, m) || e.group < 0) continue;
      if (mention::ModifiesALaterNoun(doc, e, m)) {
        modified = true;
        continue;
      }
      if (mention::ModifiesALaterPerson(doc, it, entities_end, m)) continue;
      // Beside such a modifier, another place is no speaker either ("the
      // Norland envoy to Veltia").
      if (modified && pass == 2) continue;
      if (e.label != EntityLabel::kPerson && e.span.size() < 12 &&
          IsDayName(mention::Lower(doc.Text(e.span)))) {
        continue;
      }
      bool person = e.label == EntityLabel::kPerson;
      bool org = e.label == EntityLabel::kOrg;
      if ((pass == 0 && person) || (pass == 1 && org) || pass == 2) {
        found = e.group;
        break;
      }
    }
  }
  if (found >= 0) return found;
  uint32_t f, l;
  mention::TokenRange(doc, m, &f, &l);
  if (f >= l) return -1;
  // 2. Pronouns.
  for (uint32_t i = f; i < l; ++i) {
    lex::PronounKind kind = lex::PronounOf(LowerToken(doc, i));
    if (kind == lex::PronounKind::kNone) continue;
    if (l - f > 2) break;  // a longer phrase that merely contains one
    if (kind == lex::PronounKind::kRelative) return ResolveRelative(doc, f);
    if (kind == lex::PronounKind::kFirst) {
      for (const Attribution& q : doc.quotes) {
        if (q.content.begin <= m.begin && m.end <= q.content.end &&
            q.speaker_group >= 0) {
          return q.speaker_group;
        }
      }
      return -1;
    }
    return ResolvePronoun(doc, f, kind, previous_speaker, cache);
  }
  // 3. Name words not tagged as entities ("Gedney").
  for (uint32_t i = l; i-- > f;) {
    const Token& t = doc.tokens[i];
    std::string w = LowerToken(doc, i);
    if (t.kind != TokenKind::kWord || !t.capitalized ||
        mention::IsTitleWord(w) || lex::IsDeterminer(w) ||
        InModifierName(doc, m, i)) {
      continue;
    }
    std::string word = mention::Lower(doc.TokenText(i));
    int32_t g = ResolveNameWord(doc, word, m.begin, cache);
    if (g >= 0 && !(modified && doc.groups[g].label != EntityLabel::kPerson &&
                    doc.groups[g].label != EntityLabel::kOrg)) {
      return g;
    }
  }
  // 4. Organisation nouns ("the company") -> the most recent organisation
  // named before the mention, within the window of pronouns.
  {
    std::string head = LowerToken(doc, l - 1);
    static constexpr std::string_view kOrgNouns[] = {
        "company",      "firm",       "agency",   "ministry", "department",
        "carmaker",     "bank",       "union",    "party",    "council",
        "committee",    "university", "hospital", "group",    "organization",
        "organisation", "airline",    "retailer", "insurer",  "lender",
        "automaker",    "startup"};
    bool org_noun = false;
    for (std::string_view n : kOrgNouns) org_noun |= head == n;
    auto names_other_kind = [&](int32_t g) {
      // "University of Aarhus" is not "the company".
      std::string name = mention::Lower(doc.groups[g].canonical);
      for (std::string_view n : kOrgNouns) {
        if (n != head && name.find(n) != std::string::npos) return true;
      }
      return false;
    };
    if (org_noun && l - f <= 3 && lex::IsDeterminer(LowerToken(doc, f))) {
      // The same noun resolved earlier (an earlier quote's speaker) wins.
      for (const Attribution& q : doc.quotes) {
        if (q.speaker.end > m.begin || q.speaker_group < 0 ||
            q.speaker.empty()) {
          continue;
        }
        uint32_t qf, ql;
        mention::TokenRange(doc, q.speaker, &qf, &ql);
        if (ql > qf && LowerToken(doc, ql - 1) == head &&
            doc.groups[q.speaker_group].label == EntityLabel::kOrg) {
          return q.speaker_group;
        }
      }
      uint32_t here = mention::SentenceOf(doc, f);
      int32_t best = -1;
      for (const Entity& e : doc.entities) {
        if (e.span.end > m.begin) break;
        if (e.group < 0 || doc.groups[e.group].label != EntityLabel::kOrg ||
            names_other_kind(e.group)) {
          continue;
        }
        uint32_t s = mention::SentenceOf(
            doc, mention::TokenAtOrAfter(doc, e.span.begin));
        if (here - s <= 2 * kPronounSentenceWindow) best = e.group;
      }
      if (best >= 0) return best;
    }
  }
  // 5. Role nouns ("the general", "the Pentagon spokesman"). An indefinite
  // one with a place before its noun ("a Norland army officer") brings in
  // someone new.
  const bool indefinite =
      mention::TokenIs(doc, f, "a") || mention::TokenIs(doc, f, "an");
  for (uint32_t i = l; i-- > f && !(modified && indefinite);) {
    std::string w = LowerToken(doc, i);
    if (!mention::IsRoleHeadWord(w)) continue;
    return ResolveRole(doc, lex::ExpandAbbreviation(w), m.begin);
  }
  return -1;
}

}  // namespace

// A mention that coordinates several named holders ("both the Defense
// Ministry and President X") names all of them: the canonical names of the
// PERSON/ORG entities inside it, each once, joined by " and ", when an "and"
// or "&" token separates them before any comma. Empty otherwise.
std::string CoordinatedName(const Document& doc, Span m) {
  std::vector<const Entity*> holders;
  // Entities are sorted by start: only those starting inside the mention.
  auto first = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < m.begin; });
  for (auto it = first; it != doc.entities.end() && it->span.begin < m.end;
       ++it) {
    const Entity& e = *it;
    if (e.span.end > m.end) continue;
    if (e.label != EntityLabel::kPerson && e.label != EntityLabel::kOrg) {
      continue;
    }
    holders.push_back(&e);
  }
  if (holders.size() < 2) return "";
  std::vector<std::string_view> names;  // distinct, in text order
  for (size_t k = 0; k < holders.size(); ++k) {
    if (k > 0) {
      uint32_t f, l;
      mention::TokenRange(
          doc, Span{holders[k - 1]->span.end, holders[k]->span.begin}, &f, &l);
      // "and" joins them unless an earlier comma opened an appositive:
      // "Ana Ruiz, a strategist and founder of Vale Media" is one holder,
      // "Ana Ruiz, Li Wen, and Vale Media" are three.
      bool joined = false, comma = false, after_comma = false;
      for (uint32_t i = f; i < l; ++i) {
        std::string w = LowerToken(doc, i);
        if (w == "and" || w == "&") {
          joined = !comma || after_comma;
          break;
        }
        after_comma = w == ",";
        comma |= after_comma;
      }
      if (!joined) return "";
    }
    const Entity& e = *holders[k];
    std::string_view holder =
        e.group >= 0 ? doc.groups[e.group].canonical : doc.Text(e.span);
    if (std::find(names.begin(), names.end(), holder) == names.end()) {
      names.push_back(holder);
    }
  }
  if (names.size() < 2) return "";
  std::string name;
  for (size_t k = 0; k < names.size(); ++k) {
    if (k > 0) name += " and ";
    name += names[k];
  }
  return name;
}

// True for a cue that is a present participle opening a clause after a
// comma ("..., stressing that ..."): its speaker is the subject of the
// clause it hangs on, i.e. the speaker of the relation just before it in
// the same sentence.
bool IsParticipleCue(const Document& doc, Span cue) {
  uint32_t f, l;
  mention::TokenRange(doc, cue, &f, &l);
  if (f == 0 || f >= l) return false;
  std::string first = LowerToken(doc, f);
  return first.size() > 4 && first.ends_with("ing") &&
         doc.TokenText(f - 1) == ",";
}

namespace {

std::string ResolveMentionNameWith(const Document& doc, Span m,
                                   SpeakerCache* cache) {
  if (std::string joined = CoordinatedName(doc, m); !joined.empty()) {
    return joined;
  }
  int32_t g = ResolveMentionWith(doc, m, PreviousSpeaker(doc, m), cache);
  if (g >= 0) return doc.groups[g].canonical;
  uint32_t f, l;
  mention::TokenRange(doc, m, &f, &l);
  return ProperName(doc, f, l);
}

}  // namespace

std::string ResolveMentionName(const Document& doc, Span m) {
  return ResolveMentionNameWith(doc, m, nullptr);
}

void ResolveSpeakers(Document* doc) {
  // Quotes in text order (attribution emits them so; do not reorder).
  // Nothing the cache holds changes below: only speaker names and groups of
  // quotes and claim source names are written.
  SpeakerCache cache;
  int32_t prev = -1;
  for (size_t k = 0; k < doc->quotes.size(); ++k) {
    Attribution& q = doc->quotes[k];
    if (q.speaker.empty()) {
      // "X claimed that A, stressing that B": B is X's too.
      if (k > 0 && !q.cue.empty() && IsParticipleCue(*doc, q.cue)) {
        const Attribution& before = doc->quotes[k - 1];
        uint32_t f, l, pf, pl;
        mention::TokenRange(*doc, q.cue, &f, &l);
        mention::TokenRange(*doc, before.cue, &pf, &pl);
        if (!before.speaker_name.empty() && pf < f &&
            mention::SentenceOf(*doc, pf) == mention::SentenceOf(*doc, f)) {
          q.speaker_name = before.speaker_name;
          q.speaker_group = before.speaker_group;
        }
      }
      continue;
    }
    if (std::string joined = CoordinatedName(*doc, q.speaker);
        !joined.empty()) {
      q.speaker_name = joined;
      continue;
    }
    int32_t g = ResolveMentionWith(*doc, q.speaker, prev, &cache);
    q.speaker_group = g;
    if (g >= 0) {
      q.speaker_name = doc->groups[g].canonical;
      prev = g;
    } else {
      uint32_t f, l;
      mention::TokenRange(*doc, q.speaker, &f, &l);
      q.speaker_name = ProperName(*doc, f, l);
    }
  }
  for (Claim& c : doc->claims) {
    if (c.source.empty() || !c.source_name.empty()) continue;
    c.source_name = ResolveMentionNameWith(*doc, c.source, &cache);
  }
}

}  // namespace whosaid
