// C++ register-header emitter (see docs/svd.md for the generated API): which
// peripherals own a register-block type and the names of types and
// instances; the headers themselves come from emit_register.cpp,
// emit_block.cpp and emit_device.cpp.
#include "rivet/svd/emitter.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <rivet/support/error.hpp>

#include "emitter_internal.hpp"

namespace rivet::svd {

namespace emit {

cpp_emitter::cpp_emitter(const svd_device& d, const emit_options& o) : dev_(d) {
    ns_ = o.ns.empty() ? cpp_identifier(d.name) : o.ns;
    dir_ = cpp_identifier(d.name);
}

std::vector<generated_file> cpp_emitter::run() {
    // Register-block types: one per peripheral that is not sharing.
    name_pool top({"block", "memory_map", "irq", "irq_count", "handler", "vector_table",
                   "core_config", "core", "device_name"});
    std::map<std::string, const svd_peripheral*> by_name;
    for (const svd_peripheral& p : dev_.peripherals) by_name[p.name] = &p;
    std::vector<const svd_peripheral*> owners;
    for (const svd_peripheral& p : dev_.peripherals) {
        const svd_peripheral* root = &p;
        int guard = 0;
        while (!root->derived_from.empty() && by_name.contains(root->derived_from) &&
               guard++ < 64) {
            root = by_name[root->derived_from];
        }
        owner_[p.name] = root->name;
        if (root == &p) owners.push_back(&p);
    }
    for (const svd_peripheral* p : owners) type_ns_[p->name] = top.take(cpp_identifier(p->name));
    for (const svd_peripheral& p : dev_.peripherals)
        instance_[p.name] = top.take(cpp_identifier(p.name, true));

    std::vector<generated_file> files;
    for (const svd_peripheral* p : owners) {
        std::vector<generated_file> both = block_headers(*p);
        files.insert(files.end(), both.begin(), both.end());
    }
    files.push_back(device_header());
    return files;
}

}  // namespace emit

std::vector<generated_file> emit_cpp(const svd_device& device, const emit_options& options) {
    return emit::cpp_emitter(device, options).run();
}

void write_files(const std::string& dir, const std::vector<generated_file>& files) {
    namespace fs = std::filesystem;
    for (const generated_file& f : files) {
        const fs::path p = fs::path(dir) / f.path;
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        if (ec)
            throw error(error_kind::io,
                        p.parent_path().string() + ": cannot create: " + ec.message());
        {
            std::ifstream in(p, std::ios::binary);
            if (in) {
                std::ostringstream ss;
                ss << in.rdbuf();
                if (ss.str() == f.text) continue;
            }
        }
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out << f.text;
        if (!out) throw error(error_kind::io, p.string() + ": cannot write");
    }
}

}  // namespace rivet::svd
