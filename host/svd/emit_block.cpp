// A peripheral's two headers. `<device>/blocks/<block>.hpp`, which the device
// header includes: the register block (a class template, so that the device
// header instantiates nothing per register), forward declarations of the
// register value classes, and the instances. `<device>/<block>.hpp`: that,
// plus every register's fields (enumerations and value classes).
#include <fmt/format.h>

#include <filesystem>

#include "dim.hpp"
#include "emitter_internal.hpp"

namespace rivet::svd::emit {

namespace {

// Names of a scope's cluster namespaces and register namespaces, taken in
// the same order by both headers.
struct scope_names {
    std::vector<std::string> clusters, registers;
};

scope_names name_scope(const std::vector<svd_register>& regs,
                       const std::vector<svd_cluster>& clusters) {
    name_pool names({"block", "basic_block"});
    scope_names s;
    for (const svd_cluster& c : clusters)
        s.clusters.push_back(names.take(cpp_identifier(strip_dim(c.name))));
    for (const svd_register& r : regs)
        s.registers.push_back(names.take(cpp_identifier(strip_dim(r.name))));
    return s;
}

}  // namespace

void cpp_emitter::emit_fields(std::ostringstream& o, const std::vector<svd_register>& regs,
                              const std::vector<svd_cluster>& clusters, const std::string& qual,
                              const std::string& indent) {
    const scope_names names = name_scope(regs, clusters);
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const std::string& n = names.clusters[i];
        o << indent << "namespace " << n << " {\n\n";
        emit_fields(o, clusters[i].registers, clusters[i].clusters, fmt::format("{}::{}", qual, n),
                    indent);
        o << indent << "}  // namespace " << n << "\n\n";
    }
    for (std::size_t i = 0; i < regs.size(); ++i)
        emit_register_class(o, regs[i], names.registers[i], qual, indent);
}

void cpp_emitter::emit_layout(std::ostringstream& o, const std::vector<svd_register>& regs,
                              const std::vector<svd_cluster>& clusters, const std::string& qual,
                              const std::string& indent, const std::string& what) {
    const scope_names names = name_scope(regs, clusters);
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const svd_cluster& c = clusters[i];
        const std::string& n = names.clusters[i];
        if (!c.description.empty()) o << indent << "// " << comment(c.description) << "\n";
        o << indent << "namespace " << n << " {\n\n";
        emit_layout(o, c.registers, c.clusters, fmt::format("{}::{}", qual, n), indent,
                    fmt::format("{}.{}", what, c.name));
        o << indent << "}  // namespace " << n << "\n\n";
    }
    for (const std::string& n : names.registers)
        o << indent << "namespace " << n << " { class value; }\n";
    if (!regs.empty()) o << "\n";

    // The block: accessors at fixed offsets from the base address. Written as
    // `this->template register_at<R>(offset)` they depend on the template
    // parameter, so a register's handle type is made only when it is used.
    o << indent << "// " << what << " register block.\n";
    o << indent << "template <typename T = void>\n";
    o << indent << "class basic_block : public ::rivet::registers::block_base<T> {\npublic:\n";
    const std::string in = indent + "    ";
    o << in << "using ::rivet::registers::block_base<T>::block_base;\n";
    name_pool acc({"block", "basic_block", "block_base", "base_address", "register_at"});
    // `make(offset)` is the expression that reaches the member at `offset`.
    using maker = std::function<std::string(const std::string&)>;
    auto emit_one = [&](const maker& make, const std::string& name, std::uint64_t offset,
                        const std::string& doc) {
        o << in << "// " << doc << "\n";
        o << in << "[[nodiscard]] constexpr auto " << name << "() const { return "
          << make(off(offset)) << "; }\n";
    };
    auto emit_array = [&](const maker& make, const std::string& name, std::uint64_t offset,
                          const svd_dim& d, const std::string& doc) {
        o << in << "// " << doc << " [" << d.dim << " x " << off(d.increment) << "]\n";
        o << in << "template <std::size_t I>\n";
        o << in << "[[nodiscard]] constexpr auto " << name << "() const {\n";
        o << in << "    static_assert(I < " << d.dim << ", \"" << name
          << ": index out of range\");\n";
        o << in << "    return " << make(off(offset) + " + I * " + off(d.increment)) << ";\n";
        o << in << "}\n";
        o << in << "[[nodiscard]] constexpr auto " << name << "(std::size_t i) const { return "
          << make(off(offset) + " + i * " + off(d.increment)) << "; }\n";
        o << in << "static constexpr std::size_t " << acc.take(name + "_count") << " = " << d.dim
          << ";\n";
    };
    auto member = [&](const maker& make, const std::string& name_pattern, std::uint64_t offset,
                      const svd_dim& d, const std::string& doc) {
        if (!d.is_array()) {
            emit_one(make, acc.take(cpp_identifier(name_pattern)), offset, doc);
        } else if (contiguous_index(d)) {
            emit_array(make, acc.take(cpp_identifier(strip_dim(name_pattern))), offset, d, doc);
        } else {
            for (std::uint32_t i = 0; i < d.dim; ++i) {
                emit_one(make, acc.take(cpp_identifier(substitute(name_pattern, d.index[i]))),
                         offset + d.increment * i, doc);
            }
        }
    };
    for (std::size_t i = 0; i < regs.size(); ++i) {
        const svd_register& r = regs[i];
        const std::string type = qual + "::" + names.registers[i] + "::value";
        std::string doc = r.name + " at +" + off(r.offset);
        if (!r.description.empty()) doc += ": " + comment(r.description);
        member(
            [&](const std::string& at) {
                return fmt::format("this->template register_at<{}>({})", type, at);
            },
            r.name, r.offset, r.dim, doc);
    }
    for (std::size_t i = 0; i < clusters.size(); ++i) {
        const svd_cluster& c = clusters[i];
        const std::string type = qual + "::" + names.clusters[i] + "::block";
        member(
            [&](const std::string& at) {
                return fmt::format("{}(this->base_address() + {})", type, at);
            },
            c.name, c.offset, c.dim, c.name + " cluster at +" + off(c.offset));
    }
    o << indent << "};\n" << indent << "using block = basic_block<>;\n\n";
}

std::string cpp_emitter::layout_path(const std::string& type_ns) const {
    return dir_ + "/blocks/" + type_ns + ".hpp";
}

std::vector<generated_file> cpp_emitter::block_headers(const svd_peripheral& p) {
    const std::string tn = type_ns_[p.name];
    const std::string source = std::filesystem::path(dev_.source).filename().string();
    const std::string includes = "#include <cstddef>\n#include <cstdint>\n\n";

    std::ostringstream layout;
    layout << "// " << p.name << " register block of " << dev_.name
           << " (where each register is; its fields are in ../" << tn
           << ".hpp),\n// generated by `rivet svd gen` from " << source << ". Do not edit.\n";
    layout << "#pragma once\n\n" << includes << "#include <rivet/registers/register.hpp>\n\n";
    layout << "namespace " << ns_ << "::" << tn << " {\n\n";
    emit_layout(layout, p.registers, p.clusters, "::" + ns_ + "::" + tn, "", p.name);
    layout << "}  // namespace " << ns_ << "::" << tn << "\n\n";
    layout << "namespace " << ns_ << " {\n\n";
    for (const svd_peripheral& q : dev_.peripherals) {
        if (owner_[q.name] != p.name) continue;
        layout << "// " << q.name << (q.description.empty() ? "" : ": " + comment(q.description))
               << "\n";
        layout << "inline constexpr " << tn << "::block " << instance_[q.name] << "{"
               << hex(q.base_address, 64) << "};\n";
    }
    layout << "\n}  // namespace " << ns_ << "\n";

    std::ostringstream full;
    full << "// " << p.name << " registers of " << dev_.name
         << ", generated by `rivet svd gen` from " << source << ". Do not edit.\n";
    if (!p.description.empty()) full << "// " << comment(p.description) << "\n";
    full << "#pragma once\n\n" << includes << "#include \"blocks/" << tn << ".hpp\"\n\n";
    full << "namespace " << ns_ << "::" << tn << " {\n\n";
    emit_fields(full, p.registers, p.clusters, "::" + ns_ + "::" + tn, "");
    full << "}  // namespace " << ns_ << "::" << tn << "\n";
    return {{layout_path(tn), layout.str()}, {dir_ + "/" + tn + ".hpp", full.str()}};
}

}  // namespace rivet::svd::emit
