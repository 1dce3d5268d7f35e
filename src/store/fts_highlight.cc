#include "src/store/fts_highlight.h"

#include <algorithm>

namespace whosaid {
namespace {

// The tokenizer the FTS tables are declared with (src/store/schema.cc).
const char* kTokenizerArgs[] = {"remove_diacritics", "2"};

Result<fts5_api*> Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) !=
      SQLITE_OK) {
    return Status::Internal("this SQLite has no FTS5");
  }
  sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (api == nullptr) return Status::Internal("this SQLite has no FTS5");
  return api;
}

bool IsBareChar(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_' || c == 0x1a;
}

bool IsOperator(std::string_view w) {
  return w == "AND" || w == "OR" || w == "NOT" || w == "NEAR";
}

struct QueryContext {
  std::vector<FtsHighlighter::Term>* terms;
};

int OnQueryToken(void* ctx, int flags, const char* token, int n, int, int) {
  // Colocated synonyms (FTS5_TOKEN_COLOCATED) cannot come from unicode61.
  if (flags != 0 || n <= 0) return SQLITE_OK;
  auto* terms = static_cast<QueryContext*>(ctx)->terms;
  terms->push_back({std::string(token, n), false});
  return SQLITE_OK;
}

struct DocToken {
  int begin, end, term;
};

struct DocContext {
  const std::vector<FtsHighlighter::Term>* terms;
  std::vector<DocToken>* tokens;
};

int OnDocToken(void* ctx, int flags, const char* token, int n, int begin,
               int end) {
  if (flags != 0) return SQLITE_OK;
  auto* c = static_cast<DocContext*>(ctx);
  std::string_view t(token, n);
  int term = -1;
  for (size_t i = 0; i < c->terms->size(); ++i) {
    const FtsHighlighter::Term& q = (*c->terms)[i];
    if (q.prefix ? t.substr(0, q.folded.size()) == q.folded : t == q.folded) {
      term = static_cast<int>(i);
      break;
    }
  }
  c->tokens->push_back({begin, end, term});
  return SQLITE_OK;
}

}  // namespace

Result<std::unique_ptr<FtsHighlighter>> FtsHighlighter::Create(sqlite3* db) {
  auto api = Fts5Api(db);
  if (!api.ok()) return api.status();
  void* user = nullptr;
  std::unique_ptr<FtsHighlighter> h(new FtsHighlighter());
  if (api.value()->xFindTokenizer(api.value(), "unicode61", &user, &h->api_) !=
          SQLITE_OK ||
      h->api_.xCreate(user, kTokenizerArgs, 2, &h->tokenizer_) != SQLITE_OK) {
    h->tokenizer_ = nullptr;
    return Status::Internal("FTS5 has no unicode61 tokenizer");
  }
  return h;
}

FtsHighlighter::~FtsHighlighter() {
  if (tokenizer_ != nullptr) api_.xDelete(tokenizer_);
}

void FtsHighlighter::AddQueryTokens(std::string_view text, bool prefix,
                                    std::vector<Term>* terms) const {
  const size_t before = terms->size();
  QueryContext ctx{terms};
  api_.xTokenize(tokenizer_, &ctx, FTS5_TOKENIZE_QUERY, text.data(),
                 static_cast<int>(text.size()), OnQueryToken);
  // "new york"* : the prefix is the phrase's last token.
  if (prefix && terms->size() > before) terms->back().prefix = true;
}

std::vector<FtsHighlighter::Term> FtsHighlighter::Terms(
    std::string_view q) const {
  std::vector<Term> terms;
  size_t i = 0;
  while (i < q.size()) {
    const unsigned char c = q[i];
    if (c == '"') {
      // A string: "" inside it is one quote character.
      std::string phrase;
      ++i;
      while (i < q.size()) {
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') {
            phrase.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        phrase.push_back(q[i++]);
      }
      bool prefix = i < q.size() && q[i] == '*';
      AddQueryTokens(phrase, prefix, &terms);
    } else if (IsBareChar(c)) {
      size_t start = i;
      while (i < q.size() && IsBareChar(q[i])) ++i;
      std::string_view word = q.substr(start, i - start);
      size_t next = i;
      while (next < q.size() && q[next] == ' ') ++next;
      bool column = next < q.size() && q[next] == ':';
      if (!column && !IsOperator(word)) {
        AddQueryTokens(word, i < q.size() && q[i] == '*', &terms);
      }
    } else {
      ++i;
    }
  }
  // The same term twice marks nothing more.
  std::vector<Term> unique;
  for (Term& t : terms) {
    if (t.folded.empty()) continue;
    bool seen = false;
    for (Term& u : unique) {
      if (u.folded == t.folded) {
        u.prefix = u.prefix || t.prefix;
        seen = true;
      }
    }
    if (!seen) unique.push_back(std::move(t));
  }
  return unique;
}

std::string FtsHighlighter::Snippet(std::string_view text,
                                    const std::vector<Term>& terms,
                                    std::string_view open,
                                    std::string_view close,
                                    size_t max_tokens) const {
  std::vector<DocToken> tokens;
  DocContext ctx{&terms, &tokens};
  api_.xTokenize(tokenizer_, &ctx, FTS5_TOKENIZE_DOCUMENT, text.data(),
                 static_cast<int>(text.size()), OnDocToken);
  if (tokens.empty() || max_tokens == 0) return std::string();
  const size_t n = tokens.size();
  const size_t width = std::min(max_tokens, n);
  // The window: start a little before a marked token, so that it reads
  // as context; keep the one with the most distinct terms, earliest first.
  size_t best_start = 0, best_distinct = 0;
  std::vector<char> seen(terms.size());
  const size_t lead = width / 4;
  for (size_t i = 0; i < n; ++i) {
    if (tokens[i].term < 0) continue;
    size_t start = std::min(i >= lead ? i - lead : 0, n - width);
    std::fill(seen.begin(), seen.end(), 0);
    size_t distinct = 0;
    for (size_t k = start; k < start + width; ++k) {
      int t = tokens[k].term;
      if (t >= 0 && !seen[t]) {
        seen[t] = 1;
        ++distinct;
      }
    }
    if (distinct > best_distinct) {
      best_distinct = distinct;
      best_start = start;
      if (distinct == terms.size()) break;
    }
  }
  const size_t end = best_start + width;
  std::string out;
  if (best_start > 0) out += "…";
  int at = tokens[best_start].begin;
  for (size_t k = best_start; k < end; ++k) {
    const DocToken& t = tokens[k];
    out.append(text.substr(at, t.begin - at));
    if (t.term >= 0) {
      out.append(open);
      out.append(text.substr(t.begin, t.end - t.begin));
      out.append(close);
    } else {
      out.append(text.substr(t.begin, t.end - t.begin));
    }
    at = t.end;
  }
  if (end < n) {
    out += "…";
  } else {
    out.append(text.substr(at));  // closing punctuation
  }
  return out;
}

}  // namespace whosaid
