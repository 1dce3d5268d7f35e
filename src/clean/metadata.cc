#include "src/clean/metadata.h"

#include <cstdio>

#include "src/base/calendar_words.h"

namespace whosaid {
namespace clean_internal {
namespace {

using sv = std::string_view;

bool AllDigits(sv s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsAsciiDigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

int ToInt(sv s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "Dec." and "Tues." as well as "Dec" and "Tuesday".
sv WithoutPeriod(sv w) {
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  return w;
}
int MonthOf(sv w) { return MonthOfWord(WithoutPeriod(w)); }
bool IsWeekday(sv w) { return WeekdayOfWord(WithoutPeriod(w)) != 0; }

bool IsFiller(sv w) {
  static constexpr sv kFillers[] = {
      "published", "updated",  "posted", "last",       "on",   "at",
      "date",      "modified", "first",  "originally", "time", "dated"};
  for (sv f : kFillers) {
    if (w == f) return true;
  }
  return false;
}

bool IsStampWord(sv w) {
  return w == "published" || w == "updated" || w == "posted" || w == "modified";
}

bool IsZone(sv w) {
  static constexpr sv kZones[] = {"et",  "est",  "edt",  "ct",  "cst",  "cdt",
                                  "mt",  "mst",  "mdt",  "pt",  "pst",  "pdt",
                                  "gmt", "utc",  "bst",  "cet", "cest", "msk",
                                  "ist", "aest", "aedt", "z",   "jst",  "hkt"};
  for (sv z : kZones) {
    if (w == z) return true;
  }
  if (w.size() > 3 && (w.substr(0, 3) == "gmt" || w.substr(0, 3) == "utc") &&
      (w[3] == '+' || w[3] == '-')) {
    return true;
  }
  return false;
}

// "am" / "pm" / "a.m." / "p.m." -> 1 / 2; else 0.
int Meridiem(sv w) {
  if (w == "am" || w == "a.m." || w == "a.m") return 1;
  if (w == "pm" || w == "p.m." || w == "p.m") return 2;
  return 0;
}

struct DateParts {
  int year = -1, month = -1, day = -1, hour = -1, minute = -1;
  int meridiem = 0;
};

// hh:mm[:ss][am|pm]
bool ParseTime(sv w, DateParts* d) {
  size_t colon = w.find(':');
  if (colon == sv::npos || colon == 0 || colon > 2) return false;
  sv h = w.substr(0, colon);
  sv rest = w.substr(colon + 1);
  if (rest.size() < 2 || !AllDigits(h) || !AllDigits(rest.substr(0, 2))) {
    return false;
  }
  sv mm = rest.substr(0, 2);
  rest.remove_prefix(2);
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !AllDigits(rest.substr(1, 2))) return false;
    rest.remove_prefix(3);
  }
  int mer = 0;
  if (!rest.empty()) {
    mer = Meridiem(rest);
    if (mer == 0) return false;
  }
  if (d->hour >= 0) return false;
  d->hour = ToInt(h);
  d->minute = ToInt(mm);
  if (mer) d->meridiem = mer;
  return d->hour < 24 && d->minute < 60;
}

// 2017-12-28[thh:mm[:ss][z|+hh:mm]] or 2017/12/28.
bool ParseIso(sv w, DateParts* d) {
  if (w.size() < 10 || !AllDigits(w.substr(0, 4)) ||
      (w[4] != '-' && w[4] != '/') || w[7] != w[4] ||
      !AllDigits(w.substr(5, 2)) || !AllDigits(w.substr(8, 2))) {
    return false;
  }
  if (d->year >= 0 || d->month >= 0 || d->day >= 0) return false;
  d->year = ToInt(w.substr(0, 4));
  d->month = ToInt(w.substr(5, 2));
  d->day = ToInt(w.substr(8, 2));
  sv rest = w.substr(10);
  if (!rest.empty()) {
    if (rest[0] != 't') return false;
    rest.remove_prefix(1);
    if (rest.size() < 5) return false;
    DateParts t;
    size_t end = 5;
    if (rest.size() >= 8 && rest[5] == ':') end = 8;
    if (!ParseTime(rest.substr(0, end), &t)) return false;
    d->hour = t.hour;
    d->minute = t.minute;
    sv zone = rest.substr(end);
    if (!zone.empty() && zone[0] == '.') {  // fractional seconds
      size_t k = 1;
      while (k < zone.size() &&
             IsAsciiDigit(static_cast<unsigned char>(zone[k])))
        ++k;
      zone.remove_prefix(k);
    }
    if (!zone.empty() && zone != "z" && zone[0] != '+' && zone[0] != '-') {
      return false;
    }
  }
  return d->month >= 1 && d->month <= 12 && d->day >= 1 && d->day <= 31;
}

bool IsPunctOnly(sv w) {
  for (char c : w) {
    auto u = static_cast<unsigned char>(c);
    if (IsAsciiAlpha(u) || IsAsciiDigit(u) || u >= 0x80) return false;
  }
  return true;
}

bool DateWord(sv w, DateParts* d, bool* stamp) {
  while (!w.empty() && (w.front() == '(' || w.front() == '[')) {
    w.remove_prefix(1);
  }
  while (!w.empty() && (w.back() == ',' || w.back() == ')' || w.back() == ']' ||
                        w.back() == ';' || w.back() == '|')) {
    w.remove_suffix(1);
  }
  if (!w.empty() && w.back() == ':' && w.find(':') == w.size() - 1) {
    w.remove_suffix(1);
  }
  if (w.empty() || IsPunctOnly(w)) return true;
  if (IsFiller(w)) {
    if (IsStampWord(w)) *stamp = true;
    return true;
  }
  if (int m = MonthOf(w)) {
    if (d->month >= 0) return false;
    d->month = m;
    return true;
  }
  if (IsWeekday(w) || IsZone(w)) return true;
  if (int mer = Meridiem(w)) {
    if (d->hour < 0) return false;
    d->meridiem = mer;
    return true;
  }
  if (w.size() >= 10 && IsAsciiDigit(static_cast<unsigned char>(w[0])) &&
      (w[4] == '-' || w[4] == '/')) {
    return ParseIso(w, d);
  }
  if (w.find(':') != sv::npos) return ParseTime(w, d);
  // Day with an ordinal suffix.
  if (w.size() >= 3 && w.size() <= 4) {
    sv suf = w.substr(w.size() - 2);
    if ((suf == "st" || suf == "nd" || suf == "rd" || suf == "th") &&
        AllDigits(w.substr(0, w.size() - 2))) {
      w.remove_suffix(2);
    }
  }
  if (!AllDigits(w)) return false;
  if (w.size() == 4) {
    int y = ToInt(w);
    if (y < 1900 || y > 2100 || d->year >= 0) return false;
    d->year = y;
    return true;
  }
  if (w.size() <= 2) {
    int v = ToInt(w);
    if (v < 1 || v > 31 || d->day >= 0) return false;
    d->day = v;
    return true;
  }
  return false;
}

}  // namespace

DateLine ParseDateLine(const LineText& line, std::string* iso) {
  if (line.word_count() == 0 || line.word_count() > 14 ||
      line.word_count() > line.indexed_words()) {
    return DateLine::kNo;
  }
  DateParts d;
  bool stamp = false;
  for (size_t i = 0; i < line.word_count(); ++i) {
    if (!DateWord(line.word(i), &d, &stamp)) return DateLine::kNo;
  }
  if (d.year >= 0 && d.month >= 1) {
    char buf[40];
    int n;
    if (d.day < 1) {
      n = std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    } else if (d.hour < 0) {
      n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month,
                        d.day);
    } else {
      int h = d.hour;
      if (d.meridiem == 2 && h < 12) h += 12;
      if (d.meridiem == 1 && h == 12) h = 0;
      n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", d.year,
                        d.month, d.day, h, d.minute);
    }
    iso->assign(buf, n > 0 ? static_cast<size_t>(n) : 0);
    return DateLine::kDate;
  }
  // "Updated 5:25 p.m. ET", "Posted Tuesday": a stamp word plus a time or
  // day name, but no date to keep.
  if (stamp && (d.hour >= 0 || d.month >= 1) && line.word_count() >= 2) {
    return DateLine::kTimeStamp;
  }
  return DateLine::kNo;
}

namespace {

bool IsParticle(sv w) {
  static constexpr sv kParticles[] = {
      "and", "&",  "de", "van", "von", "der", "den", "da", "del", "della",
      "di",  "la", "le", "al",  "el",  "bin", "ibn", "y",  "du",  "dos"};
  for (sv p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// Words of a name list: capitalised words, initials, particles, commas.
bool NameWords(sv s, int* names) {
  *names = 0;
  size_t i = 0;
  int words = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    sv w = s.substr(i, j - i);
    i = j;
    while (!w.empty() && w.back() == ',') w.remove_suffix(1);
    if (w.empty()) continue;
    if (++words > 12) return false;
    if (IsParticle(w)) continue;
    auto c = static_cast<unsigned char>(w[0]);
    if (!(IsAsciiUpper(c) || c >= 0xC3)) return false;
    for (char ch : w) {
      auto u = static_cast<unsigned char>(ch);
      if (IsAsciiDigit(u) || ch == '@' || ch == '/' || ch == '"' || ch == '?' ||
          ch == '!') {
        return false;
      }
    }
    ++*names;
  }
  return *names >= 1 && *names <= 10;
}

sv Trim(sv s) {
  while (!s.empty() && (IsAsciiSpace(static_cast<unsigned char>(s.front())))) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsAsciiSpace(static_cast<unsigned char>(s.back())) ||
                        s.back() == ',')) {
    s.remove_suffix(1);
  }
  return s;
}

bool StartsWithNoCase(sv s, sv p) {
  if (s.size() < p.size()) return false;
  for (size_t i = 0; i < p.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) | 0x20) !=
        (static_cast<unsigned char>(p[i]) | 0x20)) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool ParseByline(std::string_view raw, std::string* author, std::string* iso) {
  if (raw.size() > 240) return false;
  static constexpr sv kLeads[] = {"by:",       "by ",       "written by ",
                                  "words by ", "story by ", "reporting by "};
  sv rest;
  bool found = false;
  for (sv lead : kLeads) {
    if (StartsWithNoCase(raw, lead)) {
      rest = raw.substr(lead.size());
      found = true;
      break;
    }
  }
  if (!found) return false;
  rest = Trim(rest);
  // Name part ends at the first separator.
  size_t cut = sv::npos, skip = 0;
  static constexpr sv kSeps[] = {
      "|", ":", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", "\xE2\x80\xA2", ";"};
  for (sv sep : kSeps) {
    size_t p = rest.find(sep);
    if (p != sv::npos && p < cut) {
      cut = p;
      skip = sep.size();
    }
  }
  sv names = Trim(rest.substr(0, cut));
  sv tail = cut == sv::npos ? sv() : Trim(rest.substr(cut + skip));
  int n = 0;
  if (names.empty() || !NameWords(names, &n)) return false;
  std::string tail_iso;
  if (!tail.empty()) {
    LineText lt;
    bool dated =
        lt.Assign(tail) && ParseDateLine(lt, &tail_iso) == DateLine::kDate;
    int org_words = 0;
    if (!dated && !(NameWords(tail, &org_words) && org_words <= 6)) {
      return false;
    }
  }
  author->assign(names);
  iso->assign(tail_iso);
  return true;
}

void HeadlineKey(std::string_view raw, LineText* scratch, std::string* key) {
  key->clear();
  if (!scratch->Assign(raw)) return;
  sv t = scratch->text();
  while (!t.empty()) {
    auto c = static_cast<unsigned char>(t.back());
    if (IsAsciiAlpha(c) || IsAsciiDigit(c) || c >= 0x80) break;
    t.remove_suffix(1);
  }
  key->assign(t);
}

}  // namespace clean_internal
}  // namespace whosaid
