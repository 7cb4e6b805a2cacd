// SVD loading into an svd_document that keeps line numbers, and the
// load + resolve + build entry points. The rest of the parser: XML reading
// helpers in xml_util.cpp, derivedFrom resolution in derive.cpp and
// derive_fields.cpp, arrays in dim.cpp, the model in model_builder.cpp.
#include "rivet/svd/parser.hpp"

#include <algorithm>
#include <cstring>
#include <new>
#include <optional>
#include <utility>

#include <rivet/support/error.hpp>

#include "xml_util.hpp"

namespace rivet::svd {

// ---------------------------------------------------------------- document

void svd_document::set_text(std::string text) {
    text_ = std::move(text);
    text_in_file_ = false;
    lines_counted_ = false;
    line_starts_.clear();
}

void svd_document::set_text_in_file() {
    set_text({});
    text_in_file_ = true;
}

namespace {

std::vector<std::ptrdiff_t> line_starts_of(std::string_view text) {
    std::vector<std::ptrdiff_t> starts{0};
    // memchr, not a loop over every byte: stm32u575.svd is 8 MB.
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    for (const char* p = begin; p != end;) {
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        if (nl == nullptr) break;
        p = static_cast<const char*>(nl) + 1;
        starts.push_back(p - begin);
    }
    return starts;
}

}  // namespace

int svd_document::line_at(std::ptrdiff_t offset) const {
    if (!lines_counted_) {
        lines_counted_ = true;
        if (!text_in_file_) {
            if (!text_.empty()) line_starts_ = line_starts_of(text_);
        } else {
            try {
                line_starts_ = line_starts_of(read_text_file(path));
            } catch (const error&) {
                // The file went away since it was loaded: no line numbers.
            }
        }
    }
    if (offset < 0 || line_starts_.empty()) return 0;
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

constexpr unsigned svd_parse_options = pugi::parse_default | pugi::parse_ws_pcdata_single;

void check_loaded(svd_document& doc, const pugi::xml_parse_result& r) {
    if (!r) {
        throw error(error_kind::bad_input, doc.path + ":" +
                                               std::to_string(std::max(1, doc.line_at(r.offset))) +
                                               ": not XML: " + r.description());
    }
    if (!doc.xml.child("device")) {
        throw error(error_kind::bad_input, doc.path + ": no <device> root element");
    }
    if (pugi::xml_node deep = too_deep(doc.xml)) {
        fail_at(doc, deep,
                "elements nested deeper than " + std::to_string(max_element_depth) + " levels");
    }
}

}  // namespace

void load_svd_string(svd_document& doc, std::string_view text, const std::string& name) {
    doc.path = name;
    doc.set_text(std::string(text));
    check_loaded(doc, doc.xml.load_buffer(text.data(), text.size(), svd_parse_options));
}

void load_svd_file(svd_document& doc, const std::string& path) {
    // Read straight into a buffer pugixml parses in place and then owns: no
    // zero-filled string and no copy of megabytes of text.
    file_reader file(path);
    const std::optional<std::size_t> size = file.regular_size();
    if (!size) {  // a pipe: read it whole first
        load_svd_string(doc, read_text_file(path), path);
        return;
    }
    char* buffer = static_cast<char*>(pugi::get_memory_allocation_function()(*size + 1));
    if (buffer == nullptr) throw std::bad_alloc();
    std::size_t got = 0;
    try {
        got = file.read(buffer, *size);
    } catch (...) {
        pugi::get_memory_deallocation_function()(buffer);
        throw;
    }
    doc.path = path;
    doc.set_text_in_file();
    check_loaded(doc, doc.xml.load_buffer_inplace_own(buffer, got, svd_parse_options));
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
