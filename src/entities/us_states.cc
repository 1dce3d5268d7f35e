#include "src/entities/us_states.h"

#include <iterator>
#include <string_view>
#include <utility>

#include "src/base/chars.h"

namespace whosaid::lex {
namespace {

struct UsState {
  std::string_view name;    // lower case
  std::string_view ap;      // AP style; the full name when AP spells it out
  std::string_view postal;  // two capitals
};

// The 50 states and the District of Columbia.
constexpr UsState kStates[] = {
    {"alabama", "Ala.", "AL"},
    {"alaska", "Alaska", "AK"},
    {"arizona", "Ariz.", "AZ"},
    {"arkansas", "Ark.", "AR"},
    {"california", "Calif.", "CA"},
    {"colorado", "Colo.", "CO"},
    {"connecticut", "Conn.", "CT"},
    {"delaware", "Del.", "DE"},
    {"florida", "Fla.", "FL"},
    {"georgia", "Ga.", "GA"},
    {"hawaii", "Hawaii", "HI"},
    {"idaho", "Idaho", "ID"},
    {"illinois", "Ill.", "IL"},
    {"indiana", "Ind.", "IN"},
    {"iowa", "Iowa", "IA"},
    {"kansas", "Kan.", "KS"},
    {"kentucky", "Ky.", "KY"},
    {"louisiana", "La.", "LA"},
    {"maine", "Maine", "ME"},
    {"maryland", "Md.", "MD"},
    {"massachusetts", "Mass.", "MA"},
    {"michigan", "Mich.", "MI"},
    {"minnesota", "Minn.", "MN"},
    {"mississippi", "Miss.", "MS"},
    {"missouri", "Mo.", "MO"},
    {"montana", "Mont.", "MT"},
    {"nebraska", "Neb.", "NE"},
    {"nevada", "Nev.", "NV"},
    {"new hampshire", "N.H.", "NH"},
    {"new jersey", "N.J.", "NJ"},
    {"new mexico", "N.M.", "NM"},
    {"new york", "N.Y.", "NY"},
    {"north carolina", "N.C.", "NC"},
    {"north dakota", "N.D.", "ND"},
    {"ohio", "Ohio", "OH"},
    {"oklahoma", "Okla.", "OK"},
    {"oregon", "Ore.", "OR"},
    {"pennsylvania", "Pa.", "PA"},
    {"rhode island", "R.I.", "RI"},
    {"south carolina", "S.C.", "SC"},
    {"south dakota", "S.D.", "SD"},
    {"tennessee", "Tenn.", "TN"},
    {"texas", "Texas", "TX"},
    {"utah", "Utah", "UT"},
    {"vermont", "Vt.", "VT"},
    {"virginia", "Va.", "VA"},
    {"washington", "Wash.", "WA"},
    {"west virginia", "W.Va.", "WV"},
    {"wisconsin", "Wis.", "WI"},
    {"wyoming", "Wyo.", "WY"},
    {"district of columbia", "D.C.", "DC"},
};

// Spellings outside AP style that party tags use often.
constexpr std::pair<std::string_view, std::string_view> kVariants[] = {
    {"Tex.", "texas"},       {"Penn.", "pennsylvania"},
    {"Wisc.", "wisconsin"},  {"W. Va.", "west virginia"},
    {"Calif", "california"}, {"Fla", "florida"},
};

}  // namespace

int UsStateOfName(std::string_view lower) {
  for (int k = 0; k < static_cast<int>(std::size(kStates)); ++k) {
    if (kStates[k].name == lower) return k;
  }
  return -1;
}

int UsStateOfAbbreviation(std::string_view text) {
  for (int k = 0; k < static_cast<int>(std::size(kStates)); ++k) {
    const UsState& s = kStates[k];
    if (text == s.ap || text == s.postal) return k;
  }
  for (const auto& [spelling, name] : kVariants) {
    if (text == spelling) return UsStateOfName(name);
  }
  // In full, capitalised as written ("Vermont", "New York").
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
    return UsStateOfName(Lowercase(text));
  }
  return -1;
}

bool IsPartyStateTag(std::string_view text) {
  return text.size() >= 4 &&
         (text[0] == 'D' || text[0] == 'R' || text[0] == 'I') &&
         text[1] == '-' && text[2] >= 'A' && text[2] <= 'Z';
}

}  // namespace whosaid::lex
