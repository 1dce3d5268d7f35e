#include "src/corpus/speaker_links.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "src/entities/mention_edges.h"

namespace whosaid {
namespace {

constexpr std::string_view kPerson = "PERSON";
constexpr std::string_view kOrg = "ORG";

std::vector<std::string_view> Words(std::string_view key) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    if (j > i) words.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

// An initial: one letter ("j" of "Donald J. Trump"; the key has no dots).
bool IsInitial(std::string_view w) { return w.size() == 1; }

// Generational suffixes are not the family name ("King" of "Martin Luther
// King Jr."); grammar words of English names, not names from any data.
bool IsSuffix(std::string_view w) {
  return w == "jr" || w == "sr" || w == "ii" || w == "iii" || w == "iv";
}

// The family name of a full name of `words` (2+ words), "" when none.
std::string_view FamilyName(const std::vector<std::string_view>& words) {
  size_t last = words.size() - 1;
  if (IsSuffix(words[last]) && words.size() >= 3) --last;
  return IsInitial(words[last]) ? std::string_view() : words[last];
}

// The capitals of a name that is an acronym ("IRS", "U.N.", "AT&T" ->
// "IRS", "UN", "ATT"): one word of two or more capitals, dots and
// ampersands (mention::IsAcronym, without its digits or other marks); ""
// otherwise.
std::string AcronymLetters(std::string_view name) {
  std::string out;
  for (char ch : name) {
    if ('A' <= ch && ch <= 'Z') {
      out.push_back(ch);
    } else if (ch != '.' && ch != '&') {
      return "";
    }
  }
  return out.size() >= 2 ? out : "";
}

// A body's key: the name key without a leading "the ".
std::string_view BodyKey(std::string_view key) {
  if (key.starts_with("the ")) key.remove_prefix(4);
  return key;
}

}  // namespace

void AddAcronymMentions(std::string_view mention, int64_t speaker,
                        std::vector<AcronymMention>* out) {
  size_t i = 0;
  while (i < mention.size()) {
    size_t j = mention.find(' ', i);
    if (j == std::string_view::npos) j = mention.size();
    std::string_view word = mention.substr(i, j - i);
    i = j + 1;
    // Possessives and trailing punctuation: "NHA's", "NHA,", "(NHA)".
    for (std::string_view tail : {"\u2019s", "'s"}) {
      if (word.ends_with(tail)) word.remove_suffix(tail.size());
    }
    while (!word.empty() && (word.back() == ',' || word.back() == ')' ||
                             word.back() == ':' || word.back() == ';')) {
      word.remove_suffix(1);
    }
    while (!word.empty() && word.front() == '(') word.remove_prefix(1);
    std::string letters = AcronymLetters(word);
    if (!letters.empty()) out->push_back({std::move(letters), speaker});
  }
}

std::vector<SpeakerLabelTally::Count> SpeakerLabelTally::Take() {
  std::sort(entries_.begin(), entries_.end(),
            [](const Count& a, const Count& b) {
              return a.speaker != b.speaker ? a.speaker < b.speaker
                                            : a.label < b.label;
            });
  std::vector<Count> out;
  for (const Count& c : entries_) {
    if (!out.empty() && out.back().speaker == c.speaker &&
        out.back().label == c.label) {
      out.back().quotes += c.quotes;
    } else {
      out.push_back(c);
    }
  }
  entries_.clear();
  return out;
}

std::string MajorityLabel(
    std::span<const std::pair<std::string, size_t>> counts) {
  std::map<std::string, size_t> sum;  // ordered: ties go to the smaller
  for (const auto& [label, n] : counts) {
    if (!label.empty()) sum[label] += n;
  }
  std::string best;
  size_t best_n = 0;
  for (const auto& [label, n] : sum) {
    if (n > best_n) best = label, best_n = n;
  }
  return best;
}

std::vector<int64_t> LinkSpeakers(std::span<const SpeakerLinkRow> rows,
                                  const CorpusOptions& options,
                                  SpeakerLinkCounts* counts,
                                  std::span<const AcronymMention> mentions) {
  SpeakerLinkCounts local;
  SpeakerLinkCounts& c = counts ? *counts : local;
  c = {};
  const size_t n = rows.size();
  std::vector<size_t> root(n);
  for (size_t i = 0; i < n; ++i) root[i] = i;
  std::unordered_map<std::string_view, size_t> by_key;
  by_key.reserve(n);
  for (size_t i = 0; i < n; ++i) by_key.emplace(rows[i].key, i);
  auto person = [&](size_t i) { return rows[i].label == kPerson; };

  // Middle-initial variants, by their plain name.
  struct Variants {
    std::string initials;  // of the first variant seen
    bool conflict = false;
    std::vector<size_t> rows;
  };
  std::map<std::string, Variants> variants;
  for (size_t i = 0; i < n; ++i) {
    if (!person(i)) continue;
    auto words = Words(rows[i].key);
    if (words.size() < 3 || IsInitial(words.front()) ||
        IsInitial(words.back())) {
      continue;
    }
    std::string initials;
    bool all_initials = true;
    for (size_t w = 1; w + 1 < words.size(); ++w) {
      all_initials = all_initials && IsInitial(words[w]);
      initials += words[w];
    }
    if (!all_initials) continue;
    std::string plain =
        std::string(words.front()) + " " + std::string(words.back());
    Variants& v = variants[plain];
    if (v.rows.empty()) v.initials = initials;
    v.conflict = v.conflict || v.initials != initials;
    v.rows.push_back(i);
  }
  for (const auto& [plain, v] : variants) {
    if (v.conflict) continue;
    auto it = by_key.find(plain);
    if (it == by_key.end() || !person(it->second)) continue;
    for (size_t i : v.rows) {
      root[i] = it->second;
      ++c.variants;
    }
  }

  // Quotes of each full PERSON name (its variants included), by family name.
  std::vector<size_t> identity_quotes(n, 0);
  for (size_t i = 0; i < n; ++i) identity_quotes[root[i]] += rows[i].quotes;
  struct Family {
    size_t total = 0, best = 0, best_quotes = 0;
  };
  std::unordered_map<std::string_view, Family> families;
  for (size_t i = 0; i < n; ++i) {
    if (root[i] != i || !person(i)) continue;
    auto words = Words(rows[i].key);
    if (words.size() < 2) continue;
    std::string_view family = FamilyName(words);
    if (family.empty()) continue;
    Family& f = families[family];
    const size_t q = identity_quotes[i];
    f.total += q;
    if (q > f.best_quotes ||
        (q == f.best_quotes && rows[i].key < rows[f.best].key)) {
      f.best = i;
      f.best_quotes = q;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (!person(i) || rows[i].quotes < options.speaker_link_min_word_quotes) {
      continue;
    }
    auto words = Words(rows[i].key);
    if (words.size() != 1 || IsInitial(words[0])) continue;
    auto it = families.find(words[0]);
    if (it == families.end()) continue;
    const Family& f = it->second;
    if (f.best_quotes < options.speaker_link_min_quotes ||
        static_cast<double>(f.best_quotes) <
            options.speaker_link_share * static_cast<double>(f.total)) {
      continue;
    }
    root[i] = f.best;
    ++c.one_word;
  }

  // Acronyms. An ORG full name and its "the" form ("The Norland Harbor
  // Authority") are one body, whose quotes count together and whose form
  // with more quotes is linked to; the bodies with enough quotes, by their
  // initials.
  if (options.speaker_link_acronym_min_quotes > 0) {
    auto org = [&](size_t i) { return rows[i].label == kOrg; };
    struct Body {
      size_t best = 0, best_quotes = 0, quotes = 0;
      bool seen = false;
    };
    std::unordered_map<std::string_view, Body> bodies;  // key but "the "
    for (size_t i = 0; i < n; ++i) {
      if (!org(i) || !AcronymLetters(rows[i].name).empty()) continue;
      const std::string_view key = BodyKey(rows[i].key);
      if (key.find(' ') == std::string_view::npos) continue;  // one word
      Body& b = bodies[key];
      const size_t q = rows[i].quotes;
      b.quotes += q;
      if (!b.seen || q > b.best_quotes ||
          (q == b.best_quotes && rows[i].key < rows[b.best].key)) {
        b.best = i;
        b.best_quotes = q;
        b.seen = true;
      }
    }
    struct Spelled {
      size_t row = 0, bodies = 0;
    };
    std::unordered_map<std::string, Spelled> by_initials;
    for (const auto& [key, b] : bodies) {
      if (b.quotes < options.speaker_link_acronym_min_quotes) continue;
      auto words = Words(key);
      std::string initials =
          InitialsOf(std::vector<std::string>(words.begin(), words.end()));
      if (initials.size() < 2) continue;
      Spelled& sp = by_initials[initials];
      sp.row = b.best;
      ++sp.bodies;
    }
    // (acronym, body) pairs some article tied together.
    std::set<std::pair<std::string_view, std::string_view>> tied;
    if (options.speaker_link_acronym_needs_mention) {
      std::unordered_map<int64_t, size_t> by_id;
      by_id.reserve(n);
      for (size_t i = 0; i < n; ++i) by_id.emplace(rows[i].id, i);
      for (const AcronymMention& m : mentions) {
        auto it = by_id.find(m.speaker);
        if (it == by_id.end() || !org(it->second)) continue;
        tied.emplace(m.letters, BodyKey(rows[it->second].key));
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (!org(i) || root[i] != i) continue;
      const std::string letters = AcronymLetters(rows[i].name);
      if (letters.empty()) continue;
      auto it = by_initials.find(letters);
      if (it == by_initials.end() || it->second.bodies != 1) continue;
      if (options.speaker_link_acronym_needs_mention &&
          !tied.contains(
              {std::string_view(letters), BodyKey(rows[it->second.row].key)})) {
        continue;
      }
      root[i] = it->second.row;
      ++c.acronyms;
    }
  }

  std::vector<int64_t> out(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (root[i] == i) continue;
    out[i] = rows[root[i]].id;
    c.quotes += rows[i].quotes;
  }
  return out;
}

}  // namespace whosaid
