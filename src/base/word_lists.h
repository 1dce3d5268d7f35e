// Word lists: whether a word is one of a short, unsorted constant list
// ("the", "a", "an"; a few dozen words). Linear search, which is what such
// lists need; longer lists are sorted and binary-searched, or hashed, where
// they are kept. Header-only; safe from any thread.
#ifndef WHOSAID_SRC_BASE_WORD_LISTS_H_
#define WHOSAID_SRC_BASE_WORD_LISTS_H_

#include <algorithm>
#include <iterator>
#include <string_view>

namespace whosaid {

// Whether `w` equals an element of `list` (a C array or std::array of
// std::string_view).
template <typename List>
bool InWordList(const List& list, std::string_view w) {
  return std::find(std::begin(list), std::end(list), w) != std::end(list);
}

}  // namespace whosaid

#endif  // WHOSAID_SRC_BASE_WORD_LISTS_H_
