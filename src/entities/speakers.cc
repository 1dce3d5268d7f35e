// Speaker resolution: quote speaker and claim source mentions -> entity
// groups, by high-precision sieves first and pronouns last. This file holds
// the driver (ResolveSpeakers, ResolveMention, ResolveMentionName),
// coordinated names and the proper-name fallback; the sieves themselves are
// in speaker_sieves.cc and speaker_pronouns.cc (see speaker_sieves.h).
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"
#include "src/entities/subjects.h"
#include "src/entities/us_states.h"

namespace whosaid {
namespace {

using mention::LowerToken;
using speakers::InModifierName;
using speakers::IsClauseWord;
using speakers::IsDayName;
using speakers::ResolveMentionWith;
using speakers::SpeakerCache;

// A noun for what an organisation publishes or who speaks for it: after a
// name it makes the name the source ("a Pew Research poll", "CBP data",
// "IRS officials").
bool IsSourceNoun(std::string_view lower) {
  static constexpr std::string_view kNouns[] = {
      "poll",       "polls",       "survey",         "surveys",
      "report",     "reports",     "study",          "data",
      "analysis",   "figures",     "estimates",      "filings",
      "aggregates", "projections", "statement",      "officials",
      "official",   "spokesman",   "spokeswoman",    "spokesperson",
      "agent",      "agents",      "investigators",  "prosecutors",
      "magazine",   "newspaper",   "blog",           "reporter",
      "reporters",  "employees",   "staff",          "polling",
      "daily",      "editors",     "administration", "campaign",
      "government", "spokesmen"};
  for (std::string_view n : kNouns) {
    if (lower == n) return true;
  }
  return false;
}

// True if token i lies in an ORG entity.
bool InOrganisation(const Document& doc, uint32_t i) {
  const Entity* e = speakers::EntityAtToken(doc, i);
  return e != nullptr && e->label == EntityLabel::kOrg;
}

// The proper name written in a mention, without titles ("Smith" for
// "Sen. Smith"), or "".
std::string ProperName(const Document& doc, uint32_t f, uint32_t l) {
  std::string out;
  uint32_t run_begin = f;  // first token of the name run in `out`
  const Span m =
      f < l ? Span{doc.tokens[f].span.begin, doc.tokens[l - 1].span.end}
            : Span{};
  for (uint32_t i = f; i < l; ++i) {
    const Token& t = doc.tokens[i];
    std::string w = LowerToken(doc, i);
    // A mention whose place name only modifies its noun ("U.S. officials",
    // "An Arkansas judge on May 10") has no proper name of its own.
    if (InModifierName(doc, m, i)) return "";
    // Nor one that names where the speakers are ("prosecutors in Reno").
    if (out.empty() && speakers::InPlaceAfterNoun(doc, m, i)) return "";
    // "WHO" in capitals is a name, not the pronoun ("I’ve" is the pronoun
    // too); a capitalised preposition or conjunction opening a sentence
    // ("On Monday") is none.
    bool name = t.kind == TokenKind::kWord && t.capitalized &&
                !mention::IsTitleWord(w) && !lex::IsDeterminer(w) &&
                !IsDayName(w) && !IsClauseWord(w) &&
                (t.all_caps || lex::PronounOf(mention::WithoutContraction(w)) ==
                                   lex::PronounKind::kNone);
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
      // After a colon a capital opens a clause too ("reason to hope:
      // Occasional polls have shown ...").
      if (initial || (i > 0 && (doc.tokens[i - 1].kind == TokenKind::kQuote ||
                                doc.TokenText(i - 1) == ":"))) {
        name = false;
      }
    }
    if (!name) {
      if (out.empty()) continue;
      // A run that only modifies a common noun after it names the speaker
      // when it is an organisation's ("a YouGov poll") or the noun is its
      // report or its people ("CBP data", "HHS officials"), or the name
      // ends the noun phrase ("a poll by YouGov conducted"); otherwise the
      // speakers are the noun's ("COVID-19 deaths", "Legal experts", "One
      // caller").
      if (t.kind == TokenKind::kWord && !t.capitalized &&
          !mention::IsFunctionWord(w) && !lex::IsDeterminer(w) &&
          !IsClauseWord(w) && lex::PronounOf(w) == lex::PronounKind::kNone &&
          !w.ends_with("ed") && !InOrganisation(doc, run_begin) &&
          !IsSourceNoun(w)) {
        return "";
      }
      break;
    }
    // "Trump's lawyers", "Hale's father", "critics of Trump": someone
    // else's name.
    if (mention::PossessesOtherPerson(doc, i + 1, l,
                                      /*person_possessor=*/true) ||
        (out.empty() && mention::ObjectOfOtherPerson(doc, i, f))) {
      return "";
    }
    if (out.empty()) run_begin = i;
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

}  // namespace

int32_t ResolveMention(const Document& doc, Span m, int32_t previous_speaker) {
  return ResolveMentionWith(doc, m, previous_speaker, nullptr);
}

namespace {

// Whether tokens [f, l) are only a title before a list item's name ("Sen.",
// "former Vice President"): capitalised words, full stops and "former".
bool IsTitleRun(const Document& doc, uint32_t f, uint32_t l) {
  for (uint32_t i = f; i < l; ++i) {
    const Token& t = doc.tokens[i];
    if (t.kind == TokenKind::kWord
            ? !t.capitalized && !mention::TokenIs(doc, i, "former")
            : doc.TokenText(i) != ".") {
      return false;
    }
  }
  return true;
}

// Places name the speakers only as the whole mention ("Europe, Canada and
// Mexico", "both Maine and Nebraska", "The U.S. and Japan, the two ...,"),
// not where they modify someone ("Officials in Texas and Arizona", "Boston
// and Massachusetts police").
bool PlacesAreTheHolders(const Document& doc, Span m,
                         const std::vector<const Entity*>& places) {
  if (places.size() < 2) return false;
  uint32_t mf, ml, pf, pl;
  mention::TokenRange(doc, m, &mf, &ml);
  mention::TokenRange(doc, places.front()->span, &pf, &pl);
  for (uint32_t i = mf; i < pf; ++i) {
    std::string w = LowerToken(doc, i);
    if (w != "the" && w != "both") return false;
  }
  mention::TokenRange(doc, places.back()->span, &pf, &pl);
  return pl >= ml || doc.TokenText(pl) == ",";
}

}  // namespace

// A mention that coordinates several named holders ("both the Defense
// Ministry and President X", "Ana Ruiz, Li Wen and Vale Media") names all of
// them: the canonical names of the PERSON/ORG entities inside it, each once,
// joined by " and ", when an "and" or "&" token separates them before any
// comma, or a lone comma does and an "and" ends the list. Places are holders
// only in a mention that names no one else ("Europe, Canada and Mexico";
// not "Ben Sasse of Nebraska"). Empty otherwise.
std::string CoordinatedName(const Document& doc, Span m) {
  std::vector<const Entity*> holders, places;
  // Entities are sorted by start: only those starting inside the mention.
  auto first = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < m.begin; });
  for (auto it = first; it != doc.entities.end() && it->span.begin < m.end;
       ++it) {
    const Entity& e = *it;
    if (e.span.end > m.end) continue;
    // A party-and-state tag ("D-New York") is no holder.
    if (lex::IsPartyStateTag(doc.Text(e.span))) continue;
    if (e.label == EntityLabel::kLoc) places.push_back(&e);
    if (e.label != EntityLabel::kPerson && e.label != EntityLabel::kOrg) {
      continue;
    }
    holders.push_back(&e);
  }
  if (holders.empty() && PlacesAreTheHolders(doc, m, places)) {
    holders = std::move(places);
  }
  // An organisation in a person's title is no holder of its own ("Senate
  // Republican Leader Mitch McConnell": a title run joins it to the titled
  // person after it).
  std::erase_if(holders, [&](const Entity* e) {
    if (e->label == EntityLabel::kPerson) return false;
    const Entity* end = doc.entities.data() + doc.entities.size();
    const Entity* next = e + 1;
    while (next != end && next->label != EntityLabel::kPerson &&
           next->span.begin < m.end) {
      ++next;
    }
    if (next == end || next->label != EntityLabel::kPerson ||
        next->title.empty() || next->span.end > m.end) {
      return false;
    }
    uint32_t f, l;
    mention::TokenRange(doc, Span{e->span.end, next->span.begin}, &f, &l);
    return f < l && IsTitleRun(doc, f, l);
  });
  if (holders.size() < 2) return "";
  bool list_open = false;  // a lone comma joined the last two holders
  std::vector<std::string_view> names;  // distinct, in text order
  for (size_t k = 0; k < holders.size(); ++k) {
    if (k > 0) {
      uint32_t f, l;
      mention::TokenRange(
          doc, Span{holders[k - 1]->span.end, holders[k]->span.begin}, &f, &l);
      // "and" joins them unless an earlier comma opened an appositive:
      // "Ana Ruiz, a strategist and founder of Vale Media" is one holder,
      // "Ana Ruiz, Li Wen, and Vale Media" are three.
      // Nor after a relative clause ("Shawn Brimley, who was ..., and an
      // adviser to Ms. Flournoy": one holder).
      bool joined = false, comma = false, after_comma = false;
      for (uint32_t i = f; i < l; ++i) {
        std::string w = LowerToken(doc, i);
        if (w == "who" || w == "whom" || w == "whose" || w == "which") break;
        if (w == "and" || w == "&") {
          joined = !comma || after_comma;
          break;
        }
        after_comma = w == ",";
        comma |= after_comma;
      }
      // After a lone comma only "and" or ", and" may follow: "Ana Ruiz, Vale
      // Media chief and a former aide" is one holder.
      if (list_open && joined) {
        // ", and former Mayor", ", D-Vt., and": no lower-case word before
        // the "and", a title after it.
        uint32_t j = f;
        while (j < l && !mention::TokenIs(doc, j, "and") &&
               doc.TokenText(j) != "&") {
          if (doc.tokens[j].kind == TokenKind::kWord &&
              !doc.tokens[j].capitalized) {
            return "";
          }
          ++j;
        }
        if (!IsTitleRun(doc, j + 1, l)) return "";
      }
      list_open =
          !joined && doc.TokenText(f) == "," && IsTitleRun(doc, f + 1, l);
      if (!joined && !list_open) return "";
    }
    const Entity& e = *holders[k];
    std::string_view holder =
        e.group >= 0 ? doc.groups[e.group].canonical : doc.Text(e.span);
    if (std::find(names.begin(), names.end(), holder) == names.end()) {
      names.push_back(holder);
    }
  }
  if (list_open || names.size() < 2) return "";
  std::string name;
  for (size_t k = 0; k < names.size(); ++k) {
    if (k > 0) name += k + 1 == names.size() ? " and " : ", ";
    name += names[k];
  }
  return name;
}

namespace {

// "House Democrats", "Senate Republicans": a party's members in an
// institution, which the tagger often splits into the institution (ORG) and
// the party plural. Named by the institution alone, both parties'
// statements would share one speaker. The two words as written, when the
// mention holds an ORG entity directly followed by "Democrats" or
// "Republicans" (not a possessive: "House Democrats' lawyers"); empty
// otherwise.
std::string FactionName(const Document& doc, Span m) {
  auto first = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < m.begin; });
  uint32_t mf, ml;
  mention::TokenRange(doc, m, &mf, &ml);
  for (auto it = first; it != doc.entities.end() && it->span.end <= m.end;
       ++it) {
    if (it->label != EntityLabel::kOrg) continue;
    const uint32_t party = mention::TokenAtOrAfter(doc, it->span.end);
    if (party >= ml || doc.tokens[party].span.begin != it->span.end + 1 ||
        doc.text[it->span.end] != ' ') {
      continue;
    }
    const std::string_view word = doc.TokenText(party);
    if (word != "Democrats" && word != "Republicans") continue;
    if (party + 1 < ml && mention::IsPossessiveMark(doc, party + 1)) {
      continue;
    }
    return fmt::format("{} {}", doc.Text(it->span), word);
  }
  return "";
}

// The name a mention's place opens and the tagger cut short ("Atlanta
// Journal-Constitution"; see mention::LongerNameEnd), as written; or "".
std::string LongerName(const Document& doc, Span m) {
  auto first = std::partition_point(
      doc.entities.begin(), doc.entities.end(),
      [&](const Entity& e) { return e.span.begin < m.begin; });
  for (auto it = first; it != doc.entities.end() && it->span.end <= m.end;
       ++it) {
    if (uint32_t end = mention::LongerNameEnd(doc, *it, m); end > 0) {
      return std::string(
          doc.Text(Span{it->span.begin, doc.tokens[end - 1].span.end}));
    }
  }
  return "";
}

// Sentences back that "they" may follow a named pair of speakers.
constexpr uint32_t kPairChainSentences = 3;

// "Ana Ruiz and Li Wen wrote ... They added": a plural pronoun speaker of
// quote `k` follows the nearest earlier quote's speaker when that one names
// several holders (CoordinatedName) within kPairChainSentences sentences;
// returns their joined name, or "".
std::string PluralPronounPair(const Document& doc, size_t k) {
  const Attribution& q = doc.quotes[k];
  uint32_t f, l;
  mention::TokenRange(doc, q.speaker, &f, &l);
  if (l != f + 1 ||
      lex::PronounOf(LowerToken(doc, f)) != lex::PronounKind::kPlural) {
    return "";
  }
  const uint32_t here = mention::SentenceOf(doc, f);
  for (size_t j = k; j-- > 0;) {
    const Attribution& before = doc.quotes[j];
    if (before.speaker.empty() || before.speaker.begin >= q.speaker.begin) {
      continue;
    }
    uint32_t bf, bl;
    mention::TokenRange(doc, before.speaker, &bf, &bl);
    if (bf >= bl || here - mention::SentenceOf(doc, bf) > kPairChainSentences) {
      return "";
    }
    // The nearest earlier speaker decides: a pair, or nobody.
    return CoordinatedName(doc, before.speaker);
  }
  return "";
}

}  // namespace

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

// The name of a mention that names several holders or a faction, which no
// one entity group stands for; or "".
std::string NameOfNoGroup(const Document& doc, Span m) {
  if (std::string joined = CoordinatedName(doc, m); !joined.empty()) {
    return joined;
  }
  return FactionName(doc, m);
}

// The name of a mention no group resolves: a name the tagger cut short, else
// the proper name written in it, else "".
std::string UnresolvedName(const Document& doc, Span m) {
  if (std::string longer = LongerName(doc, m); !longer.empty()) return longer;
  uint32_t f, l;
  mention::TokenRange(doc, m, &f, &l);
  return ProperName(doc, f, l);
}

std::string ResolveMentionNameWith(const Document& doc, Span m,
                                   SpeakerCache* cache) {
  if (std::string name = NameOfNoGroup(doc, m); !name.empty()) return name;
  int32_t g = ResolveMentionWith(doc, m, PreviousSpeaker(doc, m), cache);
  if (g >= 0) return doc.groups[g].canonical;
  return UnresolvedName(doc, m);
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
    if (std::string name = NameOfNoGroup(*doc, q.speaker); !name.empty()) {
      q.speaker_name = name;
      continue;
    }
    // "they" right after a named pair is the pair, before any body.
    if (std::string pair = PluralPronounPair(*doc, k); !pair.empty()) {
      q.speaker_name = pair;
      continue;
    }
    int32_t g = ResolveMentionWith(*doc, q.speaker, prev, &cache);
    q.speaker_group = g;
    if (g >= 0) {
      q.speaker_name = doc->groups[g].canonical;
      prev = g;
    } else {
      q.speaker_name = UnresolvedName(*doc, q.speaker);
    }
  }
  for (Claim& c : doc->claims) {
    if (c.source.empty() || !c.source_name.empty()) continue;
    c.source_name = ResolveMentionNameWith(*doc, c.source, &cache);
  }
}

}  // namespace whosaid
