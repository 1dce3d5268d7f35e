#include "src/clean/clean.h"

namespace whosaid {

void CleanText(std::string_view input, const CleanOptions& options,
               Document* doc) {
  doc->text.assign(input);
  doc->input_map.clear();
  if (!input.empty()) {
    doc->input_map.push_back({0, 0, static_cast<uint32_t>(input.size())});
  }
}

}  // namespace whosaid
