// Photo credits at the end of caption lines (see photo_credits.h).
#include "src/clean/photo_credits.h"

#include "src/clean/residue_words.h"

namespace whosaid {
namespace clean_internal {

// The last parenthesised group of the line, when the line ends with it.
bool EndsWithCreditGroup(std::string_view t) {
  size_t end = t.size();
  while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '.')) --end;
  if (end == 0 || t[end - 1] != ')') return false;
  size_t open = t.rfind('(', end - 1);
  if (open == sv::npos || end - open > 90) return false;
  sv group = t.substr(open, end - open);
  int spaces = 0;
  for (char c : group) spaces += c == ' ';
  if (spaces > 12) return false;
  for (sv k : kCreditKeys) {
    if (group.find(k) != sv::npos) return true;
  }
  return false;
}

// A photo caption's closing credit: "... Ana Ruiz/Getty Images", "...
// Getty Images (4)", "... Ana Ruiz/AP Photo", "... Hulton Archive—Getty
// Images". Prose never ends with an agency after a slash or a dash.
bool EndsWithPhotoCredit(std::string_view t) {
  size_t end = t.size();
  while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '.')) --end;
  // "(4)": how many pictures the credit covers.
  bool counted = false;
  if (end > 0 && t[end - 1] == ')') {
    size_t open = t.rfind('(', end - 1);
    if (open != sv::npos && end - open <= 5) {
      end = open;
      counted = true;
      while (end > 0 && t[end - 1] == ' ') --end;
    }
  }
  const sv head = t.substr(0, end);
  constexpr sv kGetty = "getty images";
  if (head.ends_with(kGetty)) {
    // After a slash, a dash or a comma ("Ana Ruiz/Getty Images", "Hulton
    // Archive—Getty Images"), or with its count: "known as Getty Images"
    // is prose.
    sv before = head.substr(0, head.size() - kGetty.size());
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    if (counted || before.ends_with("/") || before.ends_with(",") ||
        before.ends_with("\xE2\x80\x94") || before.ends_with(" via")) {
      return true;
    }
  }
  static constexpr sv kAgencies[] = {"/ap",        "/ap photo", "/ap images",
                                     "/reuters",   "/afp",      "/epa",
                                     "/bloomberg", "/sipa",     "/zuma"};
  for (sv a : kAgencies) {
    if (head.ends_with(a)) return true;
  }
  return false;
}

}  // namespace clean_internal
}  // namespace whosaid
