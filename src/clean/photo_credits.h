// Photo credits: the credit that closes a caption line in scraped text
// ("(AP Photo/Sam Lee)", "... Ana Ruiz/Getty Images", "Sam Lee/AP Photo"),
// which marks the whole line as a caption. ClassifyShort (residue.cc) reads
// them. Stateless; safe from any thread. Internal to src/clean.
#ifndef WHOSAID_SRC_CLEAN_PHOTO_CREDITS_H_
#define WHOSAID_SRC_CLEAN_PHOTO_CREDITS_H_

#include <string_view>

namespace whosaid {
namespace clean_internal {

// True when the lower-cased line `t` ends with a bracketed credit group of
// at most 90 bytes that names a photo source: "(AP Photo/Sam Lee)",
// "(Photo: Ana Ruiz)".
bool EndsWithCreditGroup(std::string_view t);

// True when the lower-cased line `t` ends with an agency credit after a
// slash ("Ana Ruiz/AP Photo", ".../Reuters"), or with "Getty Images" after
// a slash, a dash, a comma or "via", or with a picture count ("Getty Images
// (4)"); prose that merely names Getty Images does not.
bool EndsWithPhotoCredit(std::string_view t);

}  // namespace clean_internal
}  // namespace whosaid

#endif  // WHOSAID_SRC_CLEAN_PHOTO_CREDITS_H_
