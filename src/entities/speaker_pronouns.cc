// Speaker resolution, pronoun sieves (see speaker_sieves.h): he/she/they/it
// -> the best candidate named before the mention ("who"/"which" are in
// speaker_relatives.cc). Any thread, on a document it owns.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"
#include "src/entities/subjects.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

// How far back a he/she speaker may continue an earlier quote's speaker of
// the same gender when no one else of that gender is named nearer.
constexpr uint32_t kSpeakerChainSentences = 8;
// Within its own paragraph a pronoun looks back at most this far.
constexpr uint32_t kPronounParagraphSentences = 40;

// Whether an earlier quote, before byte `before`, has a he/she speaker
// resolved to `group` of the gender other than `want`.
bool SpokeAsOtherPronoun(const Document& doc, int32_t group, lex::Gender want,
                         uint32_t before) {
  const lex::PronounKind other = want == lex::Gender::kMale
                                     ? lex::PronounKind::kFemale
                                     : lex::PronounKind::kMale;
  for (const Attribution& q : doc.quotes) {
    if (q.speaker.empty() || q.speaker.end > before) continue;
    if (q.speaker_group != group || q.speaker.size() > 4) continue;
    if (lex::PronounOf(mention::Lower(doc.Text(q.speaker))) == other) {
      return true;
    }
  }
  return false;
}

// Whether a one-word person group's name is also the text of an ORG
// mention of the document ("Google" tagged PERSON here, ORG there).
bool AlsoAnOrganisation(const Document& doc, int32_t group) {
  const std::string_view name = doc.groups[group].canonical;
  if (name.empty() || name.find(' ') != std::string_view::npos) return false;
  for (const Entity& e : doc.entities) {
    if (e.label == EntityLabel::kOrg && doc.Text(e.span) == name) return true;
  }
  return false;
}

// A mention that a pronoun may refer to.
struct Candidate {
  uint32_t begin;
  int32_t group;
  bool quoted;           // inside some quote's content
  bool speaker = false;  // an earlier quote's resolved speaker
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

// Whether a name is a photo credit ("Ana Ruiz/AP", "Photo by Ana Ruiz"):
// the photographer is nobody the text goes on about.
bool IsPhotoCredit(const Document& doc, Span name) {
  constexpr size_t kLookBack = 12;
  const std::string_view text = doc.text;
  if (name.end + 1 < text.size() && text[name.end] == '/' &&
      text[name.end + 1] >= 'A' && text[name.end + 1] <= 'Z') {
    return true;
  }
  const size_t from = name.begin > kLookBack ? name.begin - kLookBack : 0;
  const std::string before =
      mention::Lower(text.substr(from, name.begin - from));
  return before.find("photo by") != std::string::npos ||
         before.find("photo:") != std::string::npos ||
         before.find("credit:") != std::string::npos;
}

// Whether `name` is the outlet of a dateline: in parentheses at the start
// of a line, after nothing but an upper-case place if anything ("(CNN)
// Let's not ...", "WASHINGTON (AP) -"). The outlet is no one the text goes
// on to call "they" or "it".
bool IsDatelineOutlet(const Document& doc, Span name) {
  constexpr size_t kMaxPlaceBytes = 40;
  const std::string_view text = doc.text;
  if (name.begin == 0 || text[name.begin - 1] != '(' ||
      name.end >= text.size() || text[name.end] != ')') {
    return false;
  }
  size_t i = name.begin - 1;
  for (size_t n = 0; i > 0 && text[i - 1] != '\n'; --i, ++n) {
    const char c = text[i - 1];
    if (n >= kMaxPlaceBytes || (c >= 'a' && c <= 'z')) return false;
  }
  return true;
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
      int32_t g =
          ResolveRole(doc, lex::ExpandAbbreviation(r), doc.tokens[i].span.begin,
                      StateInPhrase(doc, i + 1, j), i + 1, j);
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
    if (e.group >= 0 && !IsPhotoCredit(doc, e.span) &&
        !IsDatelineOutlet(doc, e.span) &&
        !(e.label != EntityLabel::kPerson && IsListedExample(doc, e.span))) {
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

// The token of a "he" or "she" that opens sentence k as its subject
// (after "But", "And", "So", "Yet" or "Still"), or UINT32_MAX.
uint32_t SentenceSubjectPronoun(const Document& doc, uint32_t k) {
  uint32_t i = doc.sentences[k].token_begin;
  const uint32_t end = doc.sentences[k].token_end;
  while (i < end &&
         (mention::TokenIs(doc, i, "but") || mention::TokenIs(doc, i, "and") ||
          mention::TokenIs(doc, i, "so") || mention::TokenIs(doc, i, "yet") ||
          mention::TokenIs(doc, i, "still") || doc.TokenText(i) == ",")) {
    ++i;
  }
  if (i + 1 >= end ||
      !(mention::TokenIs(doc, i, "he") || mention::TokenIs(doc, i, "she"))) {
    return UINT32_MAX;
  }
  return i;
}

// Whether the mention at token `tok` is the object of a question verb
// ("asked Trump", "pressed Ruiz").
bool IsAsked(const Document& doc, uint32_t tok) {
  if (tok == 0) return false;
  const std::string w = LowerToken(doc, tok - 1);
  return w == "asked" || w == "pressed" || w == "questioned" || w == "quizzed";
}

// The group of the person a verb of telling right after token `pronoun`
// addresses ("he told Muir", "she asked Ana Ruiz"), else -1.
int32_t AddresseeAfter(const Document& doc, uint32_t pronoun) {
  if (pronoun + 2 >= doc.tokens.size()) return -1;
  const std::string verb = LowerToken(doc, pronoun + 1);
  if (verb != "told" && verb != "tells" && verb != "telling" &&
      verb != "asked" && verb != "asks" && verb != "assured" &&
      verb != "reminded" && verb != "warned") {
    return -1;
  }
  const Entity* e = EntityAtToken(doc, pronoun + 2);
  if (e == nullptr || e->group < 0 ||
      e->span.begin != doc.tokens[pronoun + 2].span.begin ||
      doc.groups[e->group].label != EntityLabel::kPerson) {
    return -1;
  }
  return e->group;
}

}  // namespace

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
  const size_t space = name.find(' ');
  const std::string first = mention::Lower(name.substr(0, space));
  // A name that stands alone is a surname ("Warren"); a surname the counts
  // do not sex may still be a first-name word ("Trump" of "Trump Jr.").
  const lex::Gender surname = space == std::string::npos
                                  ? lex::GenderOfSurname(first)
                                  : lex::Gender::kUnknown;
  if (surname != lex::Gender::kUnknown) {
    ++(surname == lex::Gender::kMale ? male : female);
  } else {
    count(first);
  }
  for (const auto& r : doc.groups[group].roles) count(r);
  if (male > female) return lex::Gender::kMale;
  if (female > male) return lex::Gender::kFemale;
  return lex::Gender::kUnknown;
}

int32_t ResolvePronoun(const Document& doc, uint32_t first_token,
                       lex::PronounKind kind, int32_t previous_speaker,
                       SpeakerCache* cache) {
  if (doc.sentences.empty()) return -1;
  uint32_t here = mention::SentenceOf(doc, first_token);
  // "“...,” he told Muir": the one told is not the one speaking.
  const int32_t addressee = AddresseeAfter(doc, first_token);
  // "He lambasted Mr. Obama for a deal that he says ...": a later "he" in
  // the sentence whose subject is "he" is that subject, not a person named
  // in between: the opening pronoun is resolved instead.
  if (kind == lex::PronounKind::kMale || kind == lex::PronounKind::kFemale) {
    const uint32_t opening = SentenceSubjectPronoun(doc, here);
    if (opening < first_token && mention::LowerToken(doc, opening) ==
                                     mention::LowerToken(doc, first_token)) {
      first_token = opening;
    }
  }
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
      if (HasThingSubject(doc, k) || HasPlaceSubject(doc, k)) {
        thing_sentence = k;
        thing_seen = true;
        break;
      }
    }
  }
  // "Intelligence officials have said ... Still, they have said": a plural
  // subject no name covers, nearer than a named body, is what "they" stands
  // for. Bodies named before its head are out of reach, except one that
  // modifies or is the head ("F.B.I. officials", "House Republicans").
  uint32_t plural_head_byte = 0;
  int32_t head_groups[2] = {-1, -1};
  if (kind == lex::PronounKind::kPlural) {
    for (uint32_t k = here + 1; k-- > from_sentence;) {
      uint32_t h = PluralSubjectHead(doc, k, SubjectToken(doc, k));
      if (h >= first_token) h = UINT32_MAX;
      // Or a "that" clause's subject after it ("Craig explained that Detroit
      // residents have come to realize ... They have also realized").
      const uint32_t clause = ClausePluralHead(doc, k, first_token);
      if (clause != UINT32_MAX && (h == UINT32_MAX || clause > h)) h = clause;
      // Or people named as the subject ("Justice A dissented, joined by B
      // and C. They agreed ...").
      if (h == UINT32_MAX && k < here) h = PeopleSubject(doc, k);
      if (h == UINT32_MAX) continue;
      plural_head_byte = doc.tokens[h].span.begin;
      // "Senate Republicans", "House Democrats": a party's members are not
      // the chamber that modifies them.
      const std::string head = LowerToken(doc, h);
      const bool party = head == "republicans" || head == "democrats";
      for (int j = 0; j < (party ? 1 : 2); ++j) {
        if (h < static_cast<uint32_t>(j)) continue;
        if (const Entity* e = EntityAtToken(doc, h - j))
          head_groups[j] = e->group;
      }
      break;
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
    uint32_t main_subject = UINT32_MAX;
    for (const Candidate& c : cands) {
      EntityLabel label = doc.groups[c.group].label;
      bool person = label == EntityLabel::kPerson;
      bool org = label == EntityLabel::kOrg;
      // "it" and "they" refer to organisations here (a plural "they" is
      // never one person); he/she to persons.
      bool plural = kind == lex::PronounKind::kPlural;
      if ((want_org || plural) ? !org : !person) continue;
      if (org && IsLawName(doc.groups[c.group].canonical)) continue;
      if (c.group == addressee) continue;
      uint32_t tok = mention::TokenAtOrAfter(doc, c.begin);
      uint32_t s = mention::SentenceOf(doc, tok);
      if (s != last_sentence) {
        main_subject = MainClauseSubject(doc, s);
        // Only when a person stands there: else the first name keeps the
        // bonus ("After the attacks of September 11, 2001, Putin ...").
        bool someone_there = false;
        for (size_t k = &c - cands.data();
             main_subject != UINT32_MAX && k < cands.size(); ++k) {
          uint32_t t = mention::TokenAtOrAfter(doc, cands[k].begin);
          if (mention::SentenceOf(doc, t) != s) break;
          if (doc.groups[cands[k].group].label != EntityLabel::kPerson) {
            continue;
          }
          someone_there |= t == main_subject || t == main_subject + 1;
        }
        if (!someone_there) main_subject = UINT32_MAX;
      }
      first_in_sentence = s != last_sentence;
      last_sentence = s;
      // "While senators such as Moynihan were astounded ..., Biden's
      // reaction was muted. He said": the main clause's subject opens the
      // sentence in the sense that counts, not the first name.
      bool opens_sentence = first_in_sentence;
      if (person && main_subject != UINT32_MAX) {
        opens_sentence = tok == main_subject ||
                         (tok == main_subject + 1 &&
                          lex::IsDeterminer(LowerToken(doc, main_subject)));
      }
      uint32_t dist = here - s;
      if (dist > kPronounSentenceWindow && doc.sentences[s].paragraph != para) {
        continue;
      }
      if (!quoted_ok && c.quoted) continue;
      if (thing_pronoun && ((thing_seen && s <= thing_sentence) ||
                            (!c.speaker && !IsSubject(doc, tok)))) {
        continue;
      }
      // "they" names a body only when it spoke or acted before: an earlier
      // speaker or the subject of its sentence. More often it stands for
      // people no name covers ("those Republicans", "critics").
      if (plural && !c.speaker && !IsSubject(doc, tok)) continue;
      if (plural && c.begin < plural_head_byte && c.group != head_groups[0] &&
          c.group != head_groups[1]) {
        continue;
      }
      if (person && want != lex::Gender::kUnknown) {
        lex::Gender g = gender_of(c.group);
        if (g != lex::Gender::kUnknown && g != want) continue;
        // Nor one an earlier quote's pronoun gave the other gender ("she
        // said" of Vanda Felbab-Brown, whose first name the lists lack).
        if (g == lex::Gender::kUnknown &&
            SpokeAsOtherPronoun(doc, c.group, want, begin_byte)) {
          continue;
        }
        // Nor a one-word name the article also tags as an organisation
        // ("Google", "Chrysler" read as people), of no known gender.
        if (g == lex::Gender::kUnknown && AlsoAnOrganisation(doc, c.group)) {
          continue;
        }
      }
      // Weights: a sentence of distance costs more than the previous-speaker
      // bonus, so a new subject in the sentence just before wins.
      double score = -1.2 * dist;
      if (c.group == previous_speaker) score += 1.0;
      if (opens_sentence) score += 1.0;
      if (person && want != lex::Gender::kUnknown &&
          gender_of(c.group) == want) {
        score += 0.5;
      }
      // "Tapper asked Trump if ... “...,” he said": the one asked answers,
      // more than the asker who opened the sentence and spoke last.
      if (person && dist == 1 && IsAsked(doc, tok)) score += 2.5;
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

}  // namespace whosaid::speakers
