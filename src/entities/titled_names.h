// Titled-name repairs after NER (part of the entities stage, see
// groups.cc): mentions the tagger split or glued around a person's title
// ("Senate Majority Leader Mitch" + "McConnell"; two titled names joined by
// "and" in one mention). Pure functions of the document; any thread may
// call them on a document it owns.
#ifndef WHOSAID_SRC_ENTITIES_TITLED_NAMES_H_
#define WHOSAID_SRC_ENTITIES_TITLED_NAMES_H_

#include "whosaid/document.h"

namespace whosaid {

// "Senate Minority Leader Chuck Schumer and House Minority Leader Nancy
// Pelosi" tagged as one mention becomes two PERSON mentions.
void SplitCoordinatedTitledNames(Document* doc);

// A mention that starts with title words (with a role head) and goes on
// with capitalised name words becomes a titled person.
void RepairTitledNames(Document* doc);

// "Tesla CEO Elon Musk", "Texas Attorney General Ken Paxton" tagged as one
// organisation: two or more capitalised name words after the mention's last
// role head, the first a known first name or the last a person's name
// elsewhere, are a person (AttachTitles then finds the title before them);
// one or more join a PERSON mention right after ("... Chairman Gen. Martin"
// + "Dempsey"). For mentions with words before their title; those that
// start with it are RepairTitledNames's.
void RepairNamesAfterInnerTitles(Document* doc);

// A person's name goes on over a generational suffix right after it
// ("Donald Trump" + "Jr.", "Curtis Lee White" + "II"; "Robert Kennedy, Jr."),
// which the tagger often leaves out: without it the son is his father.
void ExtendGenerationalSuffixes(Document* doc);

// Two PERSON mentions a single space apart, the second opening with a
// middle initial ("Barbara" + "A. Mikulski") or the first ending with one
// ("Mary K." + "Ruiz"), are one name: the tagger sometimes breaks a name at
// its initial, and then the first name alone becomes the speaker's name.
// A known first name right before a PERSON mention that opens with an
// initial ("Nikolay" + "N. Zakharov"), outside any mention, joins it too.
void JoinNamesSplitAtInitials(Document* doc);

}  // namespace whosaid

#endif  // WHOSAID_SRC_ENTITIES_TITLED_NAMES_H_
