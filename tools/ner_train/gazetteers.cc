// The NER trainer's gazetteer filling (tools/ner_train/gazetteers.h).
#include "tools/ner_train/gazetteers.h"

#include "src/segment/tokenizer.h"

namespace whosaid::ner::train {

void AddToGazetteer(const TrainDoc& td, Gazetteer* gaz) {
  uint64_t hashes[kMaxGazLength];
  for (const TokenSpan& s : td.spans) {
    int len = static_cast<int>(s.last - s.first + 1);
    if (len > kMaxGazLength) continue;
    for (int k = 0; k < len; ++k) {
      hashes[k] = HashWord(td.doc.TokenText(s.first + k), true);
    }
    gaz->InsertSequence(hashes, len, static_cast<uint8_t>(1 << s.type));
  }
}

int NameHashes(std::string_view text, std::vector<Token>* toks,
               uint64_t* hashes) {
  toks->clear();
  Tokenize(text, toks);
  if (toks->empty() || toks->size() > kMaxGazLength) return 0;
  for (size_t k = 0; k < toks->size(); ++k) {
    const Token& t = (*toks)[k];
    hashes[k] = HashWord(text.substr(t.span.begin, t.span.size()), true);
  }
  return static_cast<int>(toks->size());
}

int AddExternalGazetteer(const std::string& path, Gazetteer* gaz,
                         Gazetteer* words, std::vector<Gazetteer>* parts) {
  std::vector<TrainDoc> extra;
  if (!ReadConll(path, &extra, /*strip_lang_prefix=*/true, ExternalTypeId)) {
    return -1;
  }
  auto named = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  std::vector<Token> toks;
  uint64_t hashes[kMaxGazLength];
  int added = 0;
  for (const TrainDoc& td : extra) {
    for (const GoldSpan& g : td.gold) {
      std::string_view text =
          std::string_view(td.doc.text).substr(g.begin, g.end - g.begin);
      if (text.empty() || !named(text.front())) continue;
      size_t last_word = text.find_last_of(' ');
      std::string_view tail = last_word == std::string_view::npos
                                  ? text
                                  : text.substr(last_word + 1);
      if (tail.empty() || !named(tail.front())) continue;
      int len = NameHashes(text, &toks, hashes);
      if (len == 0) continue;
      uint8_t bit = static_cast<uint8_t>(1 << g.type);
      gaz->InsertSequence(hashes, len, bit);
      // Table p of `parts` holds every entry but those of part p (by hash).
      if (parts != nullptr && !parts->empty()) {
        size_t skip = (SequenceKey(hashes, len) >> 40) % parts->size();
        for (size_t p = 0; p < parts->size(); ++p) {
          if (p != skip) (*parts)[p].InsertSequence(hashes, len, bit);
        }
      }
      for (size_t k = 0; words != nullptr && k < toks.size(); ++k) {
        char c = text[toks[k].span.begin];
        if (c >= 'A' && c <= 'Z') {
          words->Insert(SequenceKey(&hashes[k], 1),
                        static_cast<uint8_t>(1 << g.type));
        }
      }
      ++added;
    }
  }
  return added;
}

}  // namespace whosaid::ner::train
