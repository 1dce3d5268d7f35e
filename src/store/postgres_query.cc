#include "src/store/postgres_query.h"

#include <fmt/format.h>

namespace whosaid {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

// Appends `text` as a single-quoted tsquery literal.
void AppendLiteral(std::string_view text, bool prefix, std::string* out) {
  out->push_back('\'');
  for (char c : text) {
    if (c == '\'' || c == '\\') out->push_back(c == '\'' ? '\'' : '\\');
    out->push_back(c);
  }
  out->push_back('\'');
  if (prefix) out->append(":*");
}

Status SyntaxError(std::string_view match, std::string_view why) {
  return Status::InvalidArgument(fmt::format(
      "search query '{}' is not valid FTS5 syntax ({}); put words in double "
      "quotes to search them literally",
      match, why));
}

}  // namespace

Result<std::string> Fts5ToTsquery(std::string_view match) {
  std::string out;
  bool expect_operand = true;  // false after an operand or ')'
  size_t depth = 0;
  size_t i = 0;
  const size_t n = match.size();
  auto operand_start = [&] {
    if (!expect_operand) out.append(" & ");
    expect_operand = false;
  };
  while (i < n) {
    char c = match[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    if (c == '(') {
      if (!expect_operand) out.append(" & ");
      out.push_back('(');
      ++depth;
      expect_operand = true;
      ++i;
      continue;
    }
    if (c == ')') {
      if (depth == 0) return SyntaxError(match, "unbalanced ')'");
      if (expect_operand) return SyntaxError(match, "nothing before ')'");
      out.push_back(')');
      --depth;
      ++i;
      continue;
    }
    if (c == '"') {
      std::string phrase;
      size_t j = i + 1;
      bool closed = false;
      while (j < n) {
        if (match[j] == '"') {
          if (j + 1 < n && match[j + 1] == '"') {  // "" inside a phrase
            phrase.push_back('"');
            j += 2;
            continue;
          }
          closed = true;
          ++j;
          break;
        }
        phrase.push_back(match[j++]);
      }
      if (!closed) return SyntaxError(match, "unterminated phrase");
      bool prefix = j < n && match[j] == '*';
      if (prefix) ++j;
      operand_start();
      AppendLiteral(phrase, prefix, &out);
      i = j;
      continue;
    }
    if (c == '*') return SyntaxError(match, "'*' must follow a word");
    // A bare word: up to whitespace, a parenthesis or a quote.
    size_t j = i;
    while (j < n && !IsSpace(match[j]) && match[j] != '(' && match[j] != ')' &&
           match[j] != '"') {
      ++j;
    }
    std::string_view word = match.substr(i, j - i);
    i = j;
    if (word == "AND" || word == "OR" || word == "NOT") {
      if (expect_operand) {
        return SyntaxError(match,
                           fmt::format("'{}' needs a term before it", word));
      }
      out.append(word == "AND" ? " & " : word == "OR" ? " | " : " & !");
      expect_operand = true;
      continue;
    }
    if (word == "NEAR" && i < n && match[i] == '(') {
      return SyntaxError(match, "NEAR groups are not supported here");
    }
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      prefix = true;
      word.remove_suffix(1);
    }
    if (word.empty()) return SyntaxError(match, "'*' must follow a word");
    operand_start();
    AppendLiteral(word, prefix, &out);
  }
  if (out.empty()) return SyntaxError(match, "no search terms");
  if (expect_operand) return SyntaxError(match, "an operator lacks a term");
  if (depth != 0) return SyntaxError(match, "unbalanced '('");
  return out;
}

std::string PgContainsPattern(std::string_view s) {
  std::string p = "%";
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  p.push_back('%');
  return p;
}

std::string PgLikeAscii(std::string_view expr, int param) {
  // lower() under the "C" collation folds ASCII letters only.
  return fmt::format("lower(({}) COLLATE \"C\") LIKE ${} ESCAPE '\\'", expr,
                     param);
}

bool IsPostgresUrl(std::string_view path) {
  return path.starts_with("postgresql://") || path.starts_with("postgres://");
}

std::string RedactPostgresUrl(std::string_view url) {
  std::string out(url);
  size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    size_t start = scheme + 3;
    size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // password=... in the query string (or a key=value connection string).
  for (size_t pos = 0;
       (pos = out.find("password=", pos)) != std::string::npos;) {
    bool at_key = pos == 0 || out[pos - 1] == '?' || out[pos - 1] == '&' ||
                  IsSpace(out[pos - 1]);
    pos += 9;
    if (!at_key) continue;
    size_t end = out.find_first_of("& \t", pos);
    if (end == std::string::npos) end = out.size();
    out.replace(pos, end - pos, "***");
    pos += 3;
  }
  return out;
}

}  // namespace whosaid
