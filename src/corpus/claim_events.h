// Claim events: which stored claims `claims --compare` puts side by side.
//
// Claims of the same quantity (the same ClaimKey: counted noun phrase +
// unit) are only comparable when they are about the same event: they share
// an entity of their sentence (ClaimContexts in features.h) and were
// published within a window of days of each other. FindClaimEvents() turns
// the (quantity, entity, claim) rows both stores read into such groups,
// keeps those where two or more outlets give two or more values, merges
// groups that hold the same claims under several entities, and ranks them.
// An event's key names it for the page reader (ParseClaimEventKey). Pure
// functions; safe from any thread.
#ifndef WHOSAID_SRC_CORPUS_CLAIM_EVENTS_H_
#define WHOSAID_SRC_CORPUS_CLAIM_EVENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {

// One claim under one of its context entities.
struct ClaimContextRow {
  std::string group_key;  // ClaimKey
  std::string entity;     // a context entity (normalised name)
  int64_t claim_id = 0;
  std::string value_key;  // the value as text: equal values, equal keys
  int64_t outlet = 0;     // outlet row (0: none)
  std::string published;  // as stored; "" when undated
};

struct ClaimEvent {
  std::string key;  // ClaimEventKey()
  std::string group_key;
  std::vector<std::string> entities;  // shared context, sorted
  std::string from, to;               // YYYY-MM-DD
  std::vector<int64_t> claim_ids;     // sorted
  size_t values = 0, outlets = 0, claims = 0;
};

// Days since 1970-01-01 of a "YYYY-MM-DD..." date; -1 when not a date.
int64_t DayNumber(std::string_view date);

// Events with >= 2 distinct values from >= 2 outlets, most outlets first
// (then most claims, then key), at most `limit` (0: all). `rows` in any
// order. A chain of claims each published within `window_days` of the
// previous one is one event; undated claims are in none.
std::vector<ClaimEvent> FindClaimEvents(std::vector<ClaimContextRow> rows,
                                        int window_days, size_t limit);

// "group_key \x1f entity \x1f from \x1f to" (the first entity).
std::string ClaimEventKey(std::string_view group_key, std::string_view entity,
                          std::string_view from, std::string_view to);
// False when `key` is not an event key (e.g. a bare group key).
bool ParseClaimEventKey(std::string_view key, std::string* group_key,
                        std::string* entity, std::string* from,
                        std::string* to);

}  // namespace whosaid

#endif  // WHOSAID_SRC_CORPUS_CLAIM_EVENTS_H_
