// Speaker resolution for organisation nouns ("the company", "the group",
// "the ministry"): see speaker_sieves.h. Any thread, on a document it owns.
#include <string>
#include <string_view>

#include "src/base/word_lists.h"
#include "src/entities/entities.h"
#include "src/entities/lexicon.h"
#include "src/entities/mentions.h"
#include "src/entities/speaker_sieves.h"
#include "src/entities/subjects.h"

namespace whosaid::speakers {
namespace {

using mention::LowerToken;

// Whether one of the space-separated words of `name` (lower case) is in
// `list`.
template <typename List>
bool NameHasWord(std::string_view name, const List& list) {
  for (size_t p = 0; p < name.size();) {
    size_t q = name.find(' ', p);
    if (q == std::string_view::npos) q = name.size();
    if (InWordList(list, name.substr(p, q - p))) return true;
    p = q + 1;
  }
  return false;
}

// True if `name` is an acronym of capitals ("DNC", "U.N.") whose last
// letter is `last`.
bool IsAcronymEndingIn(std::string_view name, char last) {
  char final_letter = 0;
  for (char c : name) {
    if (c == '.') continue;
    if (c < 'A' || c > 'Z') return false;
    final_letter = c;
  }
  return name.size() >= 2 && final_letter == last;
}

}  // namespace

int32_t ResolveOrgNoun(const Document& doc, Span m, uint32_t f, uint32_t l) {
  std::string head = LowerToken(doc, l - 1);
  static constexpr std::string_view kOrgNouns[] = {
      "company",      "firm",       "agency",   "ministry", "department",
      "carmaker",     "bank",       "union",    "party",    "council",
      "committee",    "university", "hospital", "group",    "organization",
      "organisation", "airline",    "retailer", "insurer",  "lender",
      "automaker",    "startup"};
  bool org_noun = false;
  for (std::string_view n : kOrgNouns) org_noun |= head == n;
  // A body of the state: not "the group", "the company" or "the party".
  static constexpr std::string_view kStateBodyWords[] = {
      "congress",   "senate",  "house",    "parliament",  "court",
      "government", "cabinet", "assembly", "legislature", "police",
      "army",       "navy",    "pentagon", "kremlin"};
  const bool private_noun = head != "committee" && head != "council" &&
                            head != "agency" && head != "ministry" &&
                            head != "department";
  // Nor is a society, an association or a think tank "the agency" or
  // "the company" (it may be "the group").
  static constexpr std::string_view kNonprofitWords[] = {
      "society",   "association", "foundation", "institute",
      "coalition", "alliance",    "league",     "federation",
      "network",   "center",      "centre"};
  const bool business_or_state_noun =
      head != "group" && head != "organization" && head != "organisation" &&
      head != "union" && head != "party" && head != "committee" &&
      head != "council";
  auto names_other_kind = [&](int32_t g) {
    // "University of Aarhus" is not "the company".
    std::string name = mention::Lower(doc.groups[g].canonical);
    // A union or an association is also "the group" or "the organization"
    // ("the American Civil Liberties Union ... the organization said").
    const bool generic =
        head == "group" || head == "organization" || head == "organisation";
    for (std::string_view n : kOrgNouns) {
      if (generic && (n == "union" || n == "group" || n == "organization" ||
                      n == "organisation")) {
        continue;
      }
      if (n != head && name.find(n) != std::string::npos) return true;
    }
    return IsLawName(name) ||
           (private_noun && NameHasWord(name, kStateBodyWords)) ||
           (business_or_state_noun && NameHasWord(name, kNonprofitWords));
  };
  // Definite only: "a campaign group" brings in a new one.
  const std::string det = LowerToken(doc, f);
  const bool indefinite = det == "a" || det == "an" || det == "one" ||
                          det == "another" || det == "some" || det == "any";
  if (org_noun && l - f <= 3 && lex::IsDeterminer(det) && !indefinite) {
    // The same noun resolved earlier (an earlier quote's speaker) wins.
    for (const Attribution& q : doc.quotes) {
      if (q.speaker.end > m.begin || q.speaker_group < 0 || q.speaker.empty()) {
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
    // "A coalition of news outlets, including X and Y, will ..., the
    // group announced": a body introduced without a name by its
    // sentence's indefinite subject is the one meant.
    if (OpensWithUnnamedBody(doc, here, f)) return -1;
    // An organisation whose name holds the noun ("the committee": the
    // Senate Judiciary Committee) comes before a nearer one that does not
    // (the Senate).
    int32_t best = -1;
    int32_t best_named = -1;
    for (const Entity& e : doc.entities) {
      if (e.span.end > m.begin) break;
      if (e.group < 0 || doc.groups[e.group].label != EntityLabel::kOrg ||
          names_other_kind(e.group) || IsAddressee(doc, e.span) ||
          IsListedExample(doc, e.span)) {
        continue;
      }
      uint32_t s =
          mention::SentenceOf(doc, mention::TokenAtOrAfter(doc, e.span.begin));
      if (here - s > 2 * kPronounSentenceWindow) continue;
      best = e.group;
      if (mention::Lower(doc.groups[e.group].canonical).find(head) !=
          std::string::npos) {
        best_named = e.group;
      }
    }
    if (best_named >= 0) return best_named;
    // A committee or a council carries its kind in its name (or in its
    // acronym's last letter: "the DNC"); without such a name the nearest
    // organisation is of another kind (a movement, a company, a court).
    // A ministry carries its kind in its name too ("the ministry" is not
    // NAFTA nor the Kremlin).
    if (best >= 0 && head == "ministry") return -1;
    if (best >= 0 && !((head == "committee" || head == "council") &&
                       !IsAcronymEndingIn(doc.groups[best].canonical, 'C'))) {
      return best;
    }
  }
  return kNotAnOrgNoun;
}

}  // namespace whosaid::speakers
