#include "src/corpus/link_index.h"

#include <algorithm>

#include "src/corpus/features.h"

namespace whosaid {

uint32_t LinkIndex::bands() const {
  return static_cast<uint32_t>(
      std::clamp(options_.near_duplicate_bits + 1, 1, 16));
}

// Band b of n holds bits [64b/n, 64(b+1)/n): two signatures within n-1 bits
// agree on at least one band (pigeonhole).
uint32_t LinkIndex::BandKey(uint32_t band, uint64_t simhash) const {
  uint32_t n = bands();
  uint32_t lo = 64 * band / n, hi = 64 * (band + 1) / n;
  uint64_t mask = hi - lo >= 64 ? ~uint64_t{0} : (uint64_t{1} << (hi - lo)) - 1;
  return band << 24 | static_cast<uint32_t>((simhash >> lo) & mask & 0xFFFFFF);
}

int64_t LinkIndex::FindDuplicate(const DocumentFeatures& f, bool* exact) const {
  *exact = false;
  if (auto it = exact_.find(f.text_hash); it != exact_.end()) {
    *exact = true;
    return it->second;
  }
  if (!f.has_simhash) return 0;
  int64_t best = 0;
  double best_jaccard = -1;
  for (uint32_t band = 0; band < bands(); ++band) {
    auto it = bands_.find(BandKey(band, f.simhash));
    if (it == bands_.end()) continue;
    for (const SimEntry& e : it->second) {
      if (HammingDistance(e.simhash, f.simhash) >
          options_.near_duplicate_bits) {
        continue;
      }
      auto sk = sketches_.find(e.row);
      double j =
          sk == sketches_.end() ? 0 : SketchJaccard(f.sketch, sk->second);
      if (j < options_.near_duplicate_jaccard) continue;
      if (j > best_jaccard || (j == best_jaccard && e.row < best)) {
        best_jaccard = j;
        best = e.row;
      }
    }
  }
  return best;
}

void LinkIndex::AddDocument(int64_t row, const DocumentFeatures& f) {
  exact_.emplace(f.text_hash, row);
  if (!f.has_simhash) return;
  for (uint32_t band = 0; band < bands(); ++band) {
    bands_[BandKey(band, f.simhash)].push_back({f.simhash, row});
  }
  sketches_.emplace(row, f.sketch);
}

int64_t LinkIndex::FindCluster(const QuoteFeatures& q) const {
  if (q.shingles.empty()) return 0;
  // Candidates: clusters holding a fingerprint equal to any of our
  // shingles (a shared run of >= 4 shingles always hits one).
  std::vector<int64_t> candidates;
  for (uint64_t s : q.shingles) {
    auto it = fingerprints_.find(s);
    if (it == fingerprints_.end()) continue;
    if (std::find(candidates.begin(), candidates.end(), it->second) ==
        candidates.end()) {
      candidates.push_back(it->second);
      if (candidates.size() >= options_.max_cluster_candidates) break;
    }
  }
  int64_t best = 0;
  double best_score = options_.quote_containment;
  for (int64_t c : candidates) {
    auto it = representatives_.find(c);
    if (it == representatives_.end()) continue;
    size_t shared = 0;
    double score = Containment(q.shingles, it->second, &shared);
    if (shared < options_.min_shared_shingles) continue;
    if (score > best_score || (score == best_score && best != 0 && c < best) ||
        (score == best_score && best == 0)) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

void LinkIndex::AddQuote(int64_t cluster, const QuoteFeatures& q) {
  if (q.shingles.empty() || cluster == 0) return;
  for (uint64_t fp : q.fingerprints) fingerprints_.emplace(fp, cluster);
  representatives_.emplace(cluster, q.shingles);
}

void LinkIndex::Clear() {
  exact_.clear();
  bands_.clear();
  sketches_.clear();
  fingerprints_.clear();
  representatives_.clear();
}

}  // namespace whosaid
