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

CppEmitter::CppEmitter(const Device& d, const EmitOptions& o) : dev_(d) {
    ns_ = o.ns.empty() ? cpp_identifier(d.name) : o.ns;
    dir_ = cpp_identifier(d.name);
}

std::vector<GeneratedFile> CppEmitter::run() {
    // Register-block types: one per peripheral that is not sharing.
    Names top({"block", "memory_map", "irq", "irq_count", "handler", "vector_table", "core_config",
               "core", "device_name"});
    std::map<std::string, const Peripheral*> by_name;
    for (const Peripheral& p : dev_.peripherals) by_name[p.name] = &p;
    std::vector<const Peripheral*> owners;
    for (const Peripheral& p : dev_.peripherals) {
        const Peripheral* root = &p;
        int guard = 0;
        while (!root->derived_from.empty() && by_name.contains(root->derived_from) &&
               guard++ < 64) {
            root = by_name[root->derived_from];
        }
        owner_[p.name] = root->name;
        if (root == &p) owners.push_back(&p);
    }
    for (const Peripheral* p : owners) type_ns_[p->name] = top.take(cpp_identifier(p->name));
    for (const Peripheral& p : dev_.peripherals)
        instance_[p.name] = top.take(cpp_identifier(p.name, true));

    std::vector<GeneratedFile> files;
    for (const Peripheral* p : owners) files.push_back(block_header(*p));
    files.push_back(device_header(files));
    return files;
}

}  // namespace emit

std::vector<GeneratedFile> emit_cpp(const Device& device, const EmitOptions& options) {
    return emit::CppEmitter(device, options).run();
}

void write_files(const std::string& dir, const std::vector<GeneratedFile>& files) {
    namespace fs = std::filesystem;
    for (const GeneratedFile& f : files) {
        const fs::path p = fs::path(dir) / f.path;
        std::error_code ec;
        fs::create_directories(p.parent_path(), ec);
        if (ec)
            throw Error(ErrorKind::io,
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
        if (!out) throw Error(ErrorKind::io, p.string() + ": cannot write");
    }
}

}  // namespace rivet::svd
