// svdtools-compatible patcher working on the SVD XML tree, so that the
// patched file can be written back as SVD (`rivet svd patch`). This file has
// the entry points and what every command shares; the YAML side is in
// patch_yaml.cpp, name matching in patch_match.cpp, XML edits in
// patch_edit.cpp and the commands, by level, in the patch_*.cpp files that
// patcher_internal.hpp lists.
#include "rivet/svd/patcher.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <rivet/support/error.hpp>

#include "patcher_internal.hpp"
#include "xml_util.hpp"

namespace rivet::svd {

namespace patch {

patcher::patcher(svd_document& doc, std::string name, fs::path dir, patch_options opts)
    : doc_(doc), name_(std::move(name)), dir_(std::move(dir)), opts_(std::move(opts)) {
    device_ = doc_.xml.child("device");
    peripherals_ = device_.child("peripherals");
    if (!peripherals_) peripherals_ = device_.append_child("peripherals");
}

void patcher::fail(const std::string& path, const std::string& msg) const {
    throw error(error_kind::bad_input,
                path.empty() ? name_ + ": " + msg : name_ + ": " + path + ": " + msg);
}

std::string patcher::scalar(const yaml_node& y, const std::string& path) const {
    if (y.kind == yaml_node::node_kind::null) return "";
    if (!y.is_scalar()) fail(path, "expected a single value");
    return y.s;
}

// Generic "key: value" edits; nested maps become nested elements.
void patcher::set_children(pugi::xml_node n, const yaml_node& mods, const std::string& path) {
    for_map(&mods, [&](const std::string& k, const yaml_node& v) {
        if (!k.empty() && k[0] == '_') return;
        if (v.is_map()) {
            pugi::xml_node c = n.child(k.c_str());
            if (!c) c = n.append_child(k.c_str());
            set_children(c, v, path + "." + k);
        } else {
            set_child(n, k, scalar(v, path + "." + k));
        }
    });
}

std::string patcher::derive_base(const yaml_node& v, const std::string& path) const {
    if (v.is_map()) {
        const yaml_node* f = v.get("_from");
        if (f == nullptr) fail(path, "needs _from");
        return scalar(*f, path);
    }
    return scalar(v, path);
}

}  // namespace patch

namespace {

std::string resolve_svd(const std::string& svd, const patch::fs::path& dir,
                        const patch_options& opts) {
    namespace fs = std::filesystem;
    if (!opts.svd_root.empty())
        return (fs::path(opts.svd_root) / fs::path(svd).filename()).string();
    return (dir / svd).lexically_normal().string();
}

}  // namespace

std::string patch_svd_path(const std::string& yaml_path, const patch_options& options) {
    const patch::yaml_node root = patch::parse_yaml(read_text_file(yaml_path), yaml_path);
    const patch::yaml_node* s = root.is_map() ? root.get("_svd") : nullptr;
    if (s == nullptr || !s->is_scalar()) return "";
    return resolve_svd(s->s, std::filesystem::path(yaml_path).parent_path(), options);
}

void apply_patch_string(svd_document& doc, const std::string& yaml_text, const std::string& name,
                        const std::string& base_dir, const patch_options& options) {
    const patch::yaml_node root = patch::load_patch(yaml_text, name, base_dir);
    if (std::getenv("RIVET_SVD_DUMP_PATCH") != nullptr) patch::dump(root, 0, std::cerr);
    patch::patcher(doc, name, base_dir, options).process_device(root);
    if (too_deep(doc.xml)) {
        throw error(error_kind::bad_input, name + ": the patched SVD nests elements deeper than " +
                                               std::to_string(max_element_depth) + " levels");
    }
}

void apply_patch_file(svd_document& doc, const std::string& yaml_path,
                      const patch_options& options) {
    apply_patch_string(doc, read_text_file(yaml_path), yaml_path,
                       std::filesystem::path(yaml_path).parent_path().string(), options);
}

namespace {

// pugixml's output appended straight to a string (no stream in between).
struct string_writer : pugi::xml_writer {
    std::string text;
    void write(const void* data, std::size_t size) override {
        text.append(static_cast<const char*>(data), size);
    }
};

struct file_writer : pugi::xml_writer {
    std::FILE* file;
    explicit file_writer(std::FILE* f) : file(f) {}
    void write(const void* data, std::size_t size) override { std::fwrite(data, 1, size, file); }
};

void save_svd(const svd_document& doc, pugi::xml_writer& out) {
    doc.xml.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

}  // namespace

std::string svd_to_string(const svd_document& doc) {
    string_writer w;
    save_svd(doc, w);
    return std::move(w.text);
}

// Megabytes of SVD go to the file as pugixml makes them: no string grown
// (and copied, and paged in) to the whole size first.
void write_svd_file(const svd_document& doc, const std::string& path) {
    // A large buffer (glibc ignores the size without one): a few write calls
    // for megabytes, not hundreds, and few pages to fault in. Declared first,
    // it outlives the file.
    constexpr std::size_t buffer_size = std::size_t{256} << 10;
    const std::unique_ptr<char[]> buffer(new char[buffer_size]);
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (file == nullptr) throw error(error_kind::io, path + ": cannot write");
    std::setvbuf(file, buffer.get(), _IOFBF, buffer_size);
    file_writer w(file);
    try {
        save_svd(doc, w);
    } catch (...) {
        std::fclose(file);
        throw;
    }
    const bool failed = std::ferror(file) != 0;
    if (std::fclose(file) != 0 || failed) throw error(error_kind::io, path + ": cannot write");
}

}  // namespace rivet::svd
