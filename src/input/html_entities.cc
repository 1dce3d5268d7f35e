#include "src/input/html_entities.h"

#include <cstdint>

#include "src/base/utf8.h"

namespace whosaid {
namespace {

inline bool IsSpace(unsigned char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}
inline bool IsAlnum(unsigned char c) {
  return ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
}

struct NamedEntity {
  const char* name;
  uint32_t cp;
};

// Latin-1 block, U+00A0..U+00FF, in code point order.
constexpr const char* kLatin1Names[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar",
    "sect",   "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",
    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
    "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute",
    "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",
    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute",
    "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
    "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

constexpr NamedEntity kOtherEntities[] = {
    {"quot", 34},
    {"amp", 38},
    {"apos", 39},
    {"lt", 60},
    {"gt", 62},
    {"OElig", 338},
    {"oelig", 339},
    {"Scaron", 352},
    {"scaron", 353},
    {"Yuml", 376},
    {"fnof", 402},
    {"circ", 710},
    {"tilde", 732},
    {"ensp", 8194},
    {"emsp", 8195},
    {"thinsp", 8201},
    {"hairsp", 8202},
    {"zwnj", 8204},
    {"zwj", 8205},
    {"lrm", 8206},
    {"rlm", 8207},
    {"hyphen", 8208},
    {"ndash", 8211},
    {"mdash", 8212},
    {"horbar", 8213},
    {"lsquo", 8216},
    {"rsquo", 8217},
    {"sbquo", 8218},
    {"ldquo", 8220},
    {"rdquo", 8221},
    {"bdquo", 8222},
    {"dagger", 8224},
    {"Dagger", 8225},
    {"bull", 8226},
    {"hellip", 8230},
    {"permil", 8240},
    {"prime", 8242},
    {"Prime", 8243},
    {"lsaquo", 8249},
    {"rsaquo", 8250},
    {"euro", 8364},
    {"trade", 8482},
    {"larr", 8592},
    {"rarr", 8594},
    {"uarr", 8593},
    {"darr", 8595},
    {"minus", 8722},
    {"le", 8804},
    {"ge", 8805},
    {"ne", 8800},
    {"infin", 8734},
    {"alpha", 945},
    {"beta", 946},
    {"gamma", 947},
    {"delta", 948},
    {"mu", 956},
    {"pi", 960},
    {"sigma", 963},
    {"Delta", 916},
    {"Omega", 937},
    {"star", 9734},
    {"check", 10003},
    {"NewLine", 10},
    {"Tab", 9},
    {"colon", 58},
    {"comma", 44},
    {"period", 46},
    {"excl", 33},
    {"quest", 63},
    {"num", 35},
    {"dollar", 36},
    {"percnt", 37},
    {"lpar", 40},
    {"rpar", 41},
    {"ast", 42},
    {"plus", 43},
    {"sol", 47},
    {"semi", 59},
    {"equals", 61},
    {"commat", 64},
    {"lsqb", 91},
    {"rsqb", 93},
    {"bsol", 92},
    {"lowbar", 95},
    {"grave", 96},
    {"lcub", 123},
    {"rcub", 125},
    {"verbar", 124},
    {"vert", 124},
    {"hat", 94},
    {"ZeroWidthSpace", 8203},
};

// Windows-1252 meanings of numeric references &#128;..&#159; (HTML spec).
constexpr uint16_t kC1Map[32] = {
    0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
    0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

uint32_t LookupEntity(std::string_view name) {
  for (int i = 0; i < 96; ++i) {
    if (name == kLatin1Names[i]) return 0xA0 + i;
  }
  for (const NamedEntity& e : kOtherEntities) {
    if (name == e.name) return e.cp;
  }
  return 0;
}

}  // namespace

bool DecodeHtmlEntity(std::string_view s, size_t i, std::string* out,
                      size_t* consumed) {
  if (i + 1 >= s.size() || s[i] != '&') return false;
  size_t j = i + 1;
  if (s[j] == '#') {
    ++j;
    bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
    if (hex) ++j;
    size_t db = j;
    uint32_t cp = 0;
    while (j < s.size() && j - db < 8) {
      char c = s[j];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && (c | 32) >= 'a' && (c | 32) <= 'f') {
        d = (c | 32) - 'a' + 10;
      } else {
        break;
      }
      cp = cp * (hex ? 16 : 10) + d;
      ++j;
    }
    if (j == db) return false;
    while (j < s.size() && j - db < 16 &&
           ((s[j] >= '0' && s[j] <= '9') ||
            (hex && IsAlnum(s[j]) && (s[j] | 32) <= 'f'))) {
      cp = 0x110000;  // too many digits
      ++j;
    }
    if (j < s.size() && s[j] == ';') ++j;
    if (cp >= 0x80 && cp < 0xA0) cp = kC1Map[cp - 0x80];
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      cp = 0xFFFD;
    }
    AppendUtf8(static_cast<char32_t>(cp), out);
    *consumed = j - i;
    return true;
  }
  size_t nb = j;
  while (j < s.size() && j - nb < 32 && IsAlnum(s[j])) ++j;
  if (j == nb) return false;
  std::string_view name = s.substr(nb, j - nb);
  bool semi = j < s.size() && s[j] == ';';
  uint32_t cp = LookupEntity(name);
  if (cp == 0) return false;
  if (!semi && name != "amp" && name != "lt" && name != "gt" &&
      name != "quot" && name != "nbsp" && name != "copy") {
    return false;
  }
  if (cp == 0xAD) {  // soft hyphen: drop
    *consumed = j - i + (semi ? 1 : 0);
    return true;
  }
  if (cp == 0xA0) cp = ' ';
  AppendUtf8(static_cast<char32_t>(cp), out);
  *consumed = j - i + (semi ? 1 : 0);
  return true;
}

std::string DecodeHtmlText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (IsSpace(c)) {
      space = true;
      ++i;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    size_t consumed;
    if (c == '&' && DecodeHtmlEntity(s, i, &out, &consumed)) {
      i += consumed;
      if (!out.empty() && out.back() == ' ') {
        out.pop_back();
        space = true;
      }
      continue;
    }
    out.push_back(static_cast<char>(c));
    ++i;
  }
  return out;
}

}  // namespace whosaid
