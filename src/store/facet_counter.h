// FacetCounter: folds (outlet, month, speaker, kind, count) rows of a
// grouped search query into SearchFacets (include/whosaid/corpus.h). Used
// by both corpus stores. A plain value; one thread at a time.
#ifndef WHOSAID_SRC_STORE_FACET_COUNTER_H_
#define WHOSAID_SRC_STORE_FACET_COUNTER_H_

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "whosaid/corpus.h"

namespace whosaid {

class FacetCounter {
 public:
  void Add(std::string_view outlet, std::string_view month,
           std::string_view speaker, std::string_view kind, size_t n) {
    total_ += n;
    Bump(&outlet_, outlet, n);
    Bump(&month_, month, n);
    Bump(&speaker_, speaker, n);
    Bump(&kind_, kind, n);
  }
  SearchFacets Finish(size_t top) const {
    SearchFacets f;
    f.total = total_;
    f.outlet = Top(outlet_, top);
    f.month = Top(month_, top);
    f.speaker = Top(speaker_, top);
    f.kind = Top(kind_, top);
    return f;
  }

 private:
  using Counts = std::unordered_map<std::string, size_t>;
  static void Bump(Counts* c, std::string_view key, size_t n) {
    if (key.empty()) return;
    auto it = c->find(std::string(key));
    if (it == c->end()) {
      c->emplace(std::string(key), n);
    } else {
      it->second += n;
    }
  }
  static std::vector<FacetCount> Top(const Counts& c, size_t top) {
    std::vector<FacetCount> out;
    out.reserve(c.size());
    for (const auto& [k, n] : c) out.push_back({k, n});
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
      return a.n != b.n ? a.n > b.n : a.key < b.key;
    });
    if (out.size() > top) out.resize(top);
    return out;
  }

  size_t total_ = 0;
  Counts outlet_, month_, speaker_, kind_;
};

}  // namespace whosaid

#endif  // WHOSAID_SRC_STORE_FACET_COUNTER_H_
