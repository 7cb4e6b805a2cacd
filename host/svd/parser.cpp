// SVD loading into an svd_document that keeps line numbers, and the
// load + resolve + build entry points. The rest of the parser: XML reading
// helpers in xml_util.cpp, derivedFrom resolution in derive.cpp and
// derive_fields.cpp, arrays in dim.cpp, the model in model_builder.cpp.
#include "rivet/svd/parser.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd {

// ---------------------------------------------------------------- document

void svd_document::set_text(std::string text) {
    text_ = std::move(text);
    line_starts_.clear();
}

int svd_document::line_at(std::ptrdiff_t offset) const {
    if (offset < 0 || text_.empty()) return 0;
    if (line_starts_.empty()) {
        line_starts_.push_back(0);
        // memchr, not a loop over every byte: stm32u575.svd is 8 MB.
        const char* const begin = text_.data();
        const char* const end = begin + text_.size();
        for (const char* p = begin; p != end;) {
            const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
            if (nl == nullptr) break;
            p = static_cast<const char*>(nl) + 1;
            line_starts_.push_back(p - begin);
        }
    }
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
}

int svd_document::line_of(const pugi::xml_node& node) const {
    return line_at(node.offset_debug());
}

std::string svd_document::where(const pugi::xml_node& node) const {
    const int line = line_of(node);
    return line > 0 ? path + ":" + std::to_string(line) : path;
}

namespace {

void load_svd_text(svd_document& doc, std::string text, const std::string& name) {
    doc.path = name;
    doc.set_text(std::move(text));
    const std::string& kept = doc.text();
    const pugi::xml_parse_result r = doc.xml.load_buffer(
        kept.data(), kept.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!r) {
        throw error(error_kind::bad_input, name + ":" +
                                               std::to_string(std::max(1, doc.line_at(r.offset))) +
                                               ": not XML: " + r.description());
    }
    if (!doc.xml.child("device")) {
        throw error(error_kind::bad_input, name + ": no <device> root element");
    }
    if (pugi::xml_node deep = too_deep(doc.xml)) {
        fail_at(doc, deep,
                "elements nested deeper than " + std::to_string(max_element_depth) + " levels");
    }
}

}  // namespace

void load_svd_string(svd_document& doc, std::string_view text, const std::string& name) {
    load_svd_text(doc, std::string(text), name);
}

void load_svd_file(svd_document& doc, const std::string& path) {
    load_svd_text(doc, read_text_file(path), path);
}

svd_device parse_svd_file(const std::string& path) {
    svd_document doc;
    load_svd_file(doc, path);
    resolve_derived(doc, true);
    return build_model(doc);
}

svd_device parse_svd_string(std::string_view text, const std::string& name) {
    svd_document doc;
    load_svd_string(doc, text, name);
    resolve_derived(doc, true);
    return build_model(doc);
}

}  // namespace rivet::svd
