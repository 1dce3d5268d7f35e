#include "src/entities/ner_gazetteer.h"

namespace whosaid::ner {
namespace {

// Sets the B/I/L/U bits of the match [i, i + len) for each type in `types`.
void MarkMatch(uint32_t i, int len, uint8_t types, int shift,
               std::vector<TokenInfo>* info) {
  for (int type = 0; type < kNumTypes; ++type) {
    if (!(types & (1 << type))) continue;
    int base = shift + 4 * type;
    if (len == 1) {
      (*info)[i].gaz |= uint64_t{1} << (base + 3);
      continue;
    }
    (*info)[i].gaz |= uint64_t{1} << base;
    for (int k = 1; k + 1 < len; ++k) {
      (*info)[i + k].gaz |= uint64_t{1} << (base + 1);
    }
    (*info)[i + len - 1].gaz |= uint64_t{1} << (base + 2);
  }
}

}  // namespace

void MarkGazetteerMatches(const Document& doc, const Gazetteer& gaz, int shift,
                          std::vector<TokenInfo>* info, bool longest) {
  if (gaz.size() == 0) return;
  size_t n = doc.tokens.size();
  for (const Sentence& s : doc.sentences) {
    if (s.token_begin >= s.token_end || s.token_end > n) continue;
    for (uint32_t i = s.token_begin; i < s.token_end; ++i) {
      const Token& t = doc.tokens[i];
      if (!t.capitalized && !t.all_caps && t.kind != TokenKind::kNumber) {
        continue;
      }
      uint64_t h = kSequenceSeed;
      int best_len = 0;
      uint8_t best_types = 0;
      for (int len = 1; len <= kMaxGazLength && i + len <= s.token_end; ++len) {
        h = Combine(h, (*info)[i + len - 1].lower);
        uint8_t types = gaz.Find(h | 1);
        // Every prefix of an entry is stored (kPrefix): none, no entry.
        if (types == 0) break;
        types &= 0xF;
        if (types == 0) continue;
        if (longest) {
          best_len = len;
          best_types = types;
        } else {
          MarkMatch(i, len, types, shift, info);
        }
      }
      if (best_len > 0) {
        // Only the longest entry starting here is marked, and the next
        // match starts after it.
        MarkMatch(i, best_len, best_types, shift, info);
        i += static_cast<uint32_t>(best_len) - 1;
      }
    }
  }
}

}  // namespace whosaid::ner
