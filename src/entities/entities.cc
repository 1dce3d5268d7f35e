#include "src/entities/entities.h"

#include <fmt/format.h>

#include "src/entities/ner_model.h"

namespace whosaid {
namespace {

class PerceptronTagger : public EntityTagger {
 public:
  explicit PerceptronTagger(ner::NerModel model) : model_(std::move(model)) {}

  void Tag(Document* doc) const override {
    TagNames(*doc, &doc->entities);
    AttachTitlesAndGroups(doc);
  }

  void TagNames(const Document& doc,
                std::vector<Entity>* entities) const override {
    std::vector<int> labels;
    model_.Decode(doc, &labels);
    std::vector<ner::TokenSpan> spans;
    ner::LabelsToSpans(doc, labels, &spans);
    entities->clear();
    entities->reserve(spans.size());
    for (const auto& s : spans) {
      Entity e;
      e.span = {doc.tokens[s.first].span.begin, doc.tokens[s.last].span.end};
      e.label = static_cast<EntityLabel>(s.type);
      entities->push_back(e);
    }
  }

 private:
  ner::NerModel model_;
};

}  // namespace

Result<std::unique_ptr<EntityTagger>> EntityTagger::Load(
    const std::string& model_dir) {
  auto model = ner::NerModel::LoadFile(model_dir + "/ner.bin");
  if (!model.ok()) return model.status();
  return std::unique_ptr<EntityTagger>(
      new PerceptronTagger(std::move(model).value()));
}

}  // namespace whosaid
