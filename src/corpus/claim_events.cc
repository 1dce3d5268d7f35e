#include "src/corpus/claim_events.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace whosaid {

int64_t DayNumber(std::string_view d) {
  if (d.size() < 10 || d[4] != '-' || d[7] != '-') return -1;
  int v[3] = {0, 0, 0};
  const size_t at[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int k = 0; k < 3; ++k) {
    for (size_t i = at[k][0]; i < at[k][0] + at[k][1]; ++i) {
      if (d[i] < '0' || d[i] > '9') return -1;
      v[k] = v[k] * 10 + (d[i] - '0');
    }
  }
  int64_t y = v[0];
  const int64_t m = v[1], day = v[2];
  if (m < 1 || m > 12 || day < 1 || day > 31) return -1;
  // Days from civil (H. Hinnant's algorithm).
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string ClaimEventKey(std::string_view group_key, std::string_view entity,
                          std::string_view from, std::string_view to) {
  std::string key(group_key);
  for (std::string_view part : {entity, from, to}) {
    key.push_back('\x1f');
    key.append(part);
  }
  return key;
}

bool ParseClaimEventKey(std::string_view key, std::string* group_key,
                        std::string* entity, std::string* from,
                        std::string* to) {
  std::string* out[4] = {group_key, entity, from, to};
  for (int i = 0; i < 4; ++i) {
    size_t sep = i < 3 ? key.find('\x1f') : key.size();
    if (sep == std::string_view::npos) return false;
    out[i]->assign(key.substr(0, sep));
    key.remove_prefix(i < 3 ? sep + 1 : sep);
  }
  return key.find('\x1f') == std::string_view::npos;
}

std::vector<ClaimEvent> FindClaimEvents(std::vector<ClaimContextRow> rows,
                                        int window_days, size_t limit) {
  // By quantity, entity, date, claim.
  // Undated claims cannot be placed in an event: left out.
  std::vector<int64_t> days(rows.size());
  std::vector<size_t> order;
  order.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    days[i] = DayNumber(rows[i].published);
    if (days[i] >= 0) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(rows[a].group_key, rows[a].entity, days[a],
                    rows[a].claim_id) < std::tie(rows[b].group_key,
                                                 rows[b].entity, days[b],
                                                 rows[b].claim_id);
  });
  // Candidate events keyed by their claim set: the same claims under
  // several shared entities are one event.
  std::map<std::vector<int64_t>, ClaimEvent> by_claims;
  auto close = [&](size_t b, size_t e) {  // order[b, e): one chain
    std::set<std::string_view> values;
    std::set<int64_t> outlets;
    std::vector<int64_t> ids;
    for (size_t k = b; k < e; ++k) {
      const ClaimContextRow& r = rows[order[k]];
      values.insert(r.value_key);
      if (r.outlet) outlets.insert(r.outlet);
      ids.push_back(r.claim_id);
    }
    if (values.size() < 2 || outlets.size() < 2) return;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const ClaimContextRow& first = rows[order[b]];
    auto [it, fresh] = by_claims.try_emplace(ids);
    ClaimEvent& ev = it->second;
    if (fresh) {
      ev.group_key = first.group_key;
      ev.from = days[order[b]] < 0 ? "" : first.published.substr(0, 10);
      ev.to = days[order[e - 1]] < 0
                  ? ""
                  : rows[order[e - 1]].published.substr(0, 10);
      ev.claim_ids = ids;
      ev.values = values.size();
      ev.outlets = outlets.size();
      ev.claims = ids.size();
    }
    ev.entities.push_back(first.entity);
  };
  size_t start = 0;
  for (size_t k = 1; k <= order.size(); ++k) {
    bool split = k == order.size();
    if (!split) {
      const ClaimContextRow& p = rows[order[k - 1]];
      const ClaimContextRow& r = rows[order[k]];
      const int64_t dp = days[order[k - 1]], dr = days[order[k]];
      split = p.group_key != r.group_key || p.entity != r.entity ||
              (dp < 0) != (dr < 0) || (dr >= 0 && dr - dp > window_days);
    }
    if (split) {
      close(start, k);
      start = k;
    }
  }
  std::vector<ClaimEvent> events;
  events.reserve(by_claims.size());
  for (auto& [ids, ev] : by_claims) {
    std::sort(ev.entities.begin(), ev.entities.end());
    ev.key = ClaimEventKey(ev.group_key, ev.entities.front(), ev.from, ev.to);
    events.push_back(std::move(ev));
  }
  std::sort(events.begin(), events.end(),
            [](const ClaimEvent& a, const ClaimEvent& b) {
              if (a.outlets != b.outlets) return a.outlets > b.outlets;
              if (a.claims != b.claims) return a.claims > b.claims;
              return a.key < b.key;
            });
  // An event whose claims all sit in a better-ranked one adds nothing.
  std::vector<ClaimEvent> out;
  for (ClaimEvent& ev : events) {
    bool covered = false;
    for (const ClaimEvent& kept : out) {
      if (kept.group_key == ev.group_key &&
          std::includes(kept.claim_ids.begin(), kept.claim_ids.end(),
                        ev.claim_ids.begin(), ev.claim_ids.end())) {
        covered = true;
        break;
      }
    }
    if (covered) continue;
    out.push_back(std::move(ev));
    if (limit && out.size() >= limit) break;
  }
  return out;
}

}  // namespace whosaid
