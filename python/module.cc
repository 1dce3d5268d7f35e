// _whosaid: the pybind11 binding of the whosaid engine.
//
// Records cross the boundary as the CLI's JSON text (the Python package
// parses it), so Python sees exactly the CLI's record, schema and all. Every
// call releases the GIL while C++ works; one Extractor may be used from many
// Python threads at once (Extractor::Extract is const and thread-safe).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "src/input/reader.h"
#include "src/output/json_writer.h"
#include "whosaid/extractor.h"

namespace py = pybind11;

namespace {

class PyExtractor {
 public:
  PyExtractor(bool clean, size_t max_document_bytes, size_t max_sentence_tokens,
              const std::string& model_dir, bool sentences) {
    whosaid::Options options;
    options.clean = clean;
    options.max_document_bytes = max_document_bytes;
    options.max_sentence_tokens = max_sentence_tokens;
    options.model_dir = model_dir;
    json_.sentences = sentences;
    auto created = whosaid::Extractor::Create(options);
    if (!created.ok()) throw std::runtime_error(created.status().ToString());
    extractor_ = std::move(created).value();
  }

  // Returns the JSON record of one document.
  std::string ExtractJson(const whosaid::RawDocument& raw) const {
    whosaid::Document doc = extractor_->Extract(raw);
    std::string out;
    whosaid::WriteDocumentJson(doc, json_, &out);
    return out;
  }

  // Extracts many documents on `jobs` threads; results in input order.
  std::vector<std::string> ExtractManyJson(
      const std::vector<whosaid::RawDocument>& docs, int jobs) const {
    std::vector<std::string> out(docs.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < docs.size();) {
        out[i] = ExtractJson(docs[i]);
      }
    };
    size_t n = std::max<size_t>(
        1,
        std::min<size_t>(jobs > 0 ? jobs : std::thread::hardware_concurrency(),
                         docs.size()));
    std::vector<std::thread> threads;
    for (size_t t = 1; t < n; ++t) threads.emplace_back(work);
    work();
    for (auto& t : threads) t.join();
    return out;
  }

  // Reads `path` as the CLI does (format "auto", "text" or "jsonl") and
  // returns one JSON record line per document, exactly the CLI's bytes.
  std::vector<std::string> ExtractFileJson(const std::string& path,
                                           const std::string& format_name,
                                           int jobs) const {
    whosaid::InputFormat format;
    if (!whosaid::ParseInputFormat(format_name, &format)) {
      throw std::invalid_argument("unknown input format '" + format_name +
                                  "' (expected auto, text or jsonl)");
    }
    whosaid::DocumentReader reader({path}, format,
                                   extractor_->options().max_document_bytes);
    std::vector<whosaid::RawDocument> docs;
    whosaid::RawDocument doc;
    while (reader.Next(&doc)) docs.push_back(std::move(doc));
    return ExtractManyJson(docs, jobs);
  }

 private:
  std::unique_ptr<whosaid::Extractor> extractor_;
  whosaid::JsonOptions json_;
};

whosaid::RawDocument MakeRaw(std::string text, std::string id,
                             std::string title, std::string url,
                             std::string date, std::string authors,
                             std::string site, std::string html) {
  whosaid::RawDocument raw;
  raw.body = std::move(text);
  raw.html = std::move(html);
  raw.id = std::move(id);
  raw.title = std::move(title);
  raw.url = std::move(url);
  raw.date = std::move(date);
  raw.authors = std::move(authors);
  raw.site = std::move(site);
  return raw;
}

}  // namespace

PYBIND11_MODULE(_whosaid, m) {
  m.doc() = "whosaid engine binding (use the `whosaid` package)";
  m.attr("__version__") = WHOSAID_VERSION;
  m.attr("default_model_dir") = WHOSAID_MODEL_DIR;

  py::class_<whosaid::RawDocument>(m, "RawDocument")
      .def(py::init(&MakeRaw), py::arg("text"), py::arg("id") = "",
           py::arg("title") = "", py::arg("url") = "", py::arg("date") = "",
           py::arg("authors") = "", py::arg("site") = "", py::arg("html") = "");

  py::class_<PyExtractor>(m, "Extractor")
      .def(py::init<bool, size_t, size_t, const std::string&, bool>(),
           py::arg("clean"), py::arg("max_document_bytes"),
           py::arg("max_sentence_tokens"), py::arg("model_dir"),
           py::arg("sentences"))
      .def(
          "extract_json",
          [](const PyExtractor& self, const whosaid::RawDocument& raw) {
            py::gil_scoped_release release;
            return self.ExtractJson(raw);
          },
          py::arg("raw"))
      .def(
          "extract_many_json",
          [](const PyExtractor& self,
             const std::vector<whosaid::RawDocument>& docs, int jobs) {
            py::gil_scoped_release release;
            return self.ExtractManyJson(docs, jobs);
          },
          py::arg("docs"), py::arg("jobs"))
      .def(
          "extract_file_json",
          [](const PyExtractor& self, const std::string& path,
             const std::string& format, int jobs) {
            py::gil_scoped_release release;
            return self.ExtractFileJson(path, format, jobs);
          },
          py::arg("path"), py::arg("format") = "auto", py::arg("jobs") = 1);
}
