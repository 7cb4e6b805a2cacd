// C++ register-header emitter (see docs/svd.md for the generated API).
#include "rivet/svd/emitter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <rivet/support/error.hpp>

namespace rivet::svd {

namespace {

const std::set<std::string>& reserved_words() {
    static const std::set<std::string> words = {
        "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
        "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class", "compl", "concept",
        "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
        "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast",
        "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
        "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
        "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
        "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
        "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
        "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
        "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "final", "override",
        "import", "module",
        // common lower-case macros and names of the C library
        "assert", "errno", "linux", "unix", "major", "minor", "offsetof", "setjmp", "stdin",
        "stdout", "stderr", "std", "rivet", "NULL", "EOF", "TRUE", "FALSE"};
    return words;
}

std::string strip_dim(std::string name) {
    for (const char* pat : {"[%s]", "%s"}) {
        auto pos = name.find(pat);
        if (pos != std::string::npos) name.erase(pos, std::strlen(pat));
    }
    while (!name.empty() && name.back() == '_') name.pop_back();
    return name;
}

std::string substitute(const std::string& name, const std::string& index) {
    std::string out = name;
    auto pos = out.find("[%s]");
    if (pos != std::string::npos) return out.replace(pos, 4, index);
    pos = out.find("%s");
    if (pos != std::string::npos) out.replace(pos, 2, index);
    return out;
}

// Picks unique identifiers within one C++ scope.
class Names {
public:
    explicit Names(std::initializer_list<std::string> reserved = {}) : used_(reserved) {}
    std::string take(std::string want) {
        while (used_.contains(want)) want += '_';
        used_.insert(want);
        return want;
    }
    void reserve(const std::string& n) { used_.insert(n); }

private:
    std::set<std::string> used_;
};

std::string hex(std::uint64_t v, unsigned bits) {
    return bits > 32 ? fmt::format("0x{:X}ull", v) : fmt::format("0x{:X}u", v);
}

// An address offset: plain for small values, ull otherwise.
std::string off(std::uint64_t v) {
    return v < 0x80000000ull ? fmt::format("0x{:X}", v) : fmt::format("0x{:X}ull", v);
}

std::string raw_type(std::uint32_t size) {
    if (size <= 8) return "std::uint8_t";
    if (size <= 16) return "std::uint16_t";
    if (size <= 32) return "std::uint32_t";
    return "std::uint64_t";
}

unsigned raw_bits(std::uint32_t size) {
    return size <= 8 ? 8 : size <= 16 ? 16 : size <= 32 ? 32 : 64;
}

// One-line comment text: no newlines, no trailing backslash.
std::string comment(const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    while (!out.empty() && out.back() == '\\') out.pop_back();
    if (out.size() > 160) out = out.substr(0, 157) + "...";
    return out;
}

bool contiguous_index(const Dim& d) {
    for (std::uint32_t i = 0; i < d.dim; ++i) {
        if (d.index[i] != std::to_string(i)) return false;
    }
    return true;
}

bool ones_mw(ModifiedWrite m) {
    return m == ModifiedWrite::one_to_clear || m == ModifiedWrite::one_to_set ||
           m == ModifiedWrite::one_to_toggle;
}
bool zeros_mw(ModifiedWrite m) {
    return m == ModifiedWrite::zero_to_clear || m == ModifiedWrite::zero_to_set ||
           m == ModifiedWrite::zero_to_toggle;
}

std::string access_name(Access a) {
    if (!readable(a)) return "write_only";
    if (!writable(a)) return "read_only";
    return "read_write";
}

class CppEmitter {
public:
    CppEmitter(const Device& d, const EmitOptions& o) : dev_(d) {
        ns_ = o.ns.empty() ? cpp_identifier(d.name) : o.ns;
        dir_ = cpp_identifier(d.name);
    }

    std::vector<GeneratedFile> run() {
        // Register-block types: one per peripheral that is not sharing.
        Names top({"block", "memory_map", "irq", "irq_count", "handler", "vector_table",
                   "core_config", "core", "device_name"});
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

private:
    // ------------------------------------------------------------ registers

    // Emits `namespace <ns_name> { enums...; class value {...}; }` for one
    // register; qual is the enclosing namespace, fully qualified.
    void emit_register_class(std::ostringstream& out, const Register& r, const std::string& ns_name,
                             const std::string& qual, const std::string& indent) {
        const std::string cls = "value";
        const std::string enum_qual = qual + "::" + ns_name + "::";
        std::ostringstream o;   // class body
        std::ostringstream eo;  // enumerations, before the class
        Names enum_names({"value"});
        const std::string raw = raw_type(r.size);
        const unsigned bits = raw_bits(r.size);
        const bool reg_read = readable(r.access);
        const bool reg_write = writable(r.access);
        std::uint64_t ones = 0, zeros = 0;
        std::vector<const Field*> fields;
        for (const Field& f : r.fields) {
            if (f.lsb + f.width > r.size) continue;  // reported by `rivet svd check`
            fields.push_back(&f);
            const std::uint64_t m = (f.width >= 64 ? ~0ull : ((1ull << f.width) - 1)) << f.lsb;
            if (ones_mw(f.modified_write)) ones |= m;
            if (zeros_mw(f.modified_write)) zeros |= m;
        }
        const std::uint64_t size_mask = r.size >= 64 ? ~0ull : ((1ull << r.size) - 1);
        if (r.fields.empty() && ones_mw(r.modified_write)) ones = size_mask;
        if (r.fields.empty() && zeros_mw(r.modified_write)) zeros = size_mask;

        o << indent << "// " << r.name
          << (r.description.empty() ? "" : ": " + comment(r.description)) << "\n";
        o << indent << "class " << cls << " : public ::rivet::registers::value<" << cls << ", "
          << raw << "> {\n";
        o << indent << "public:\n";
        const std::string in = indent + "    ";
        o << in
          << "static constexpr ::rivet::registers::access access_mode = "
             "::rivet::registers::access::"
          << access_name(r.access) << ";\n";
        o << in << "static constexpr " << raw
          << " reset_value = " << hex(r.reset_value & r.reset_mask, bits) << ";\n";
        o << in << "static constexpr " << raw << " one_to_modify = " << hex(ones, bits) << ";\n";
        o << in << "static constexpr " << raw << " zero_to_modify = " << hex(zeros, bits) << ";\n";
        o << in << "constexpr " << cls << "() : ::rivet::registers::value<" << cls << ", " << raw
          << ">(static_cast<" << raw << ">((reset_value & ~one_to_modify) | zero_to_modify)) {}\n";
        o << in << "constexpr explicit " << cls << "(" << raw
          << " bits) : ::rivet::registers::value<" << cls << ", " << raw << ">(bits) {}\n";

        Names names({"bits", "set_bits", "get_field", "set_field", "value", "raw_type",
                     "access_mode", "reset_value", "one_to_modify", "zero_to_modify"});
        // Reserve field accessor names first so that type names yield.
        std::vector<std::string> fnames;
        for (const Field* f : fields) fnames.push_back(names.take(cpp_identifier(f->name)));
        // Array accessors ("MODER%s" -> moder(i)) for complete arrays indexed 0..n-1.
        std::map<std::string, std::vector<std::size_t>> arrays;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (!fields[i]->array_pattern.empty()) arrays[fields[i]->array_pattern].push_back(i);
        }
        std::map<std::string, std::string> array_names;
        for (const auto& [pattern, members] : arrays) {
            const Field& f0 = *fields[members[0]];
            if (members.size() != f0.array.dim || !contiguous_index(f0.array)) continue;
            array_names[pattern] = names.take(cpp_identifier(strip_dim(pattern)));
        }

        // Enumerations: fields with equal values share one enum type.
        std::map<std::string, std::string> enum_types;  // signature -> type name
        auto signature = [](const Enumeration& e, std::uint64_t mask) {
            std::string sig;
            for (const EnumValue& v : e.values) {
                if (v.value && *v.value <= mask)
                    sig += v.name + "=" + std::to_string(*v.value) + ";";
            }
            return sig;
        };
        auto enum_type = [&](const Field& f, const std::string& fn, const Enumeration& e,
                             std::uint64_t mask, const char* suffix) {
            // Same name and values (derivedFrom copies): one type.
            const std::string sig = std::string(suffix) + e.name + ":" + signature(e, mask);
            auto it = enum_types.find(sig);
            if (it != enum_types.end()) return it->second;
            std::string base =
                array_names.contains(f.array_pattern) ? array_names[f.array_pattern] : fn;
            if (!e.name.empty() && !array_names.contains(f.array_pattern))
                base = cpp_identifier(e.name);
            const std::string name = enum_names.take(base + suffix);
            emit_enum(eo, e, name, raw, mask, indent);
            enum_types.emplace(sig, enum_qual + name);
            return enum_qual + name;
        };
        struct Types {
            std::string read_t, write_t;
            bool can_read, can_write;
        };
        std::vector<Types> types(fields.size());
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field& f = *fields[i];
            const std::string& fn = fnames[i];
            Types& t = types[i];
            t.can_read = reg_read && readable(f.access);
            t.can_write = reg_write && writable(f.access);
            const std::uint64_t mask = f.width >= 64 ? ~0ull : ((1ull << f.width) - 1);
            // Enumerations: one for both directions, or one per direction.
            const Enumeration* read_enum = nullptr;
            const Enumeration* write_enum = nullptr;
            for (const Enumeration& e : f.enums) {
                bool has_value = false;
                for (const EnumValue& v : e.values)
                    has_value = has_value || (v.value && *v.value <= mask);
                if (!has_value) continue;
                if (e.usage != Usage::write && read_enum == nullptr) read_enum = &e;
                if (e.usage != Usage::read && write_enum == nullptr) write_enum = &e;
            }
            if (read_enum != nullptr && read_enum == write_enum) {
                t.read_t = t.write_t = enum_type(f, fn, *read_enum, mask, "_v");
            } else {
                if (read_enum != nullptr && t.can_read)
                    t.read_t = enum_type(f, fn, *read_enum, mask, "_r");
                if (write_enum != nullptr && t.can_write)
                    t.write_t = enum_type(f, fn, *write_enum, mask, "_w");
            }
        }

        for (std::size_t i = 0; i < fields.size(); ++i) {
            const Field& f = *fields[i];
            const std::string& fn = fnames[i];
            const Types& t = types[i];
            const std::uint64_t mask = f.width >= 64 ? ~0ull : ((1ull << f.width) - 1);
            const std::string m = hex(mask, bits);
            std::string doc = f.name;
            doc += f.width == 1 ? fmt::format(" (bit {})", f.lsb)
                                : fmt::format(" (bits {}:{})", f.lsb + f.width - 1, f.lsb);
            if (!f.description.empty()) doc += ": " + comment(f.description);
            if (ones_mw(f.modified_write) || zeros_mw(f.modified_write))
                doc += " [acts on write; kept by modify]";
            if (f.read_action != ReadAction::none || r.read_action != ReadAction::none) {
                doc += " [reading has side effects]";
            }
            o << in << "// " << doc << "\n";
            const std::string lsb = std::to_string(f.lsb);
            if (t.can_read) emit_getter(o, in, fn, "", lsb, m, t.read_t, f.width, raw);
            if (t.can_write) {
                if (!t.write_t.empty() || f.width == 1) {
                    emit_setter(o, in, cls, fn, "", lsb, m, t.write_t, f.width, raw);
                } else {
                    std::string checked = fmt::format("::rivet::registers::checked<{}", f.width);
                    if (f.write_constraint && f.write_constraint->minimum &&
                        f.write_constraint->maximum &&
                        *f.write_constraint->minimum <= *f.write_constraint->maximum &&
                        *f.write_constraint->maximum <= mask) {
                        checked += fmt::format(", {}ull, {}ull", *f.write_constraint->minimum,
                                               *f.write_constraint->maximum);
                    }
                    checked += ">";
                    o << in << "constexpr " << cls << "& " << fn << "(" << checked
                      << " v) { return set_field(" << lsb << ", " << m << ", static_cast<" << raw
                      << ">(v.value)); }\n";
                    const std::string bn = names.take(fn + "_bits");
                    o << in << "constexpr " << cls << "& " << bn << "(" << raw
                      << " v) { return set_field(" << lsb << ", " << m << ", v); }\n";
                }
            }
        }
        // Indexed accessors for field arrays, from the first element's shape.
        for (const auto& [pattern, name] : array_names) {
            const auto& members = arrays[pattern];
            const Field& f = *fields[members[0]];
            const Types& t = types[members[0]];
            bool uniform = true;
            for (std::size_t k : members) {
                uniform = uniform && fields[k]->width == f.width && types[k].read_t == t.read_t &&
                          types[k].write_t == t.write_t && types[k].can_read == t.can_read &&
                          types[k].can_write == t.can_write;
            }
            if (!uniform) continue;
            const std::uint64_t mask = f.width >= 64 ? ~0ull : ((1ull << f.width) - 1);
            const std::string m = hex(mask, bits);
            const std::string lsb =
                fmt::format("static_cast<unsigned>({} + i * {})", f.lsb, f.array.increment);
            o << in << "// " << pattern << ": " << f.array.dim << " fields, " << f.array.increment
              << " bits apart; i < " << f.array.dim << "\n";
            if (t.can_read)
                emit_getter(o, in, name, "std::size_t i", lsb, m, t.read_t, f.width, raw);
            if (t.can_write)
                emit_setter(o, in, cls, name, "std::size_t i, ", lsb, m, t.write_t, f.width, raw);
        }
        o << indent << "};\n";
        out << indent << "namespace " << ns_name << " {\n\n"
            << eo.str() << o.str() << "\n"
            << indent << "}  // namespace " << ns_name << "\n\n";
    }

    static void emit_getter(std::ostringstream& o, const std::string& in, const std::string& fn,
                            const std::string& params, const std::string& lsb, const std::string& m,
                            const std::string& enum_t, std::uint32_t width,
                            const std::string& raw) {
        if (!enum_t.empty()) {
            o << in << "[[nodiscard]] constexpr " << enum_t << " " << fn << "(" << params
              << ") const { return static_cast<" << enum_t << ">(get_field(" << lsb << ", " << m
              << ")); }\n";
        } else if (width == 1) {
            o << in << "[[nodiscard]] constexpr bool " << fn << "(" << params
              << ") const { return get_field(" << lsb << ", " << m << ") != 0; }\n";
        } else {
            o << in << "[[nodiscard]] constexpr " << raw << " " << fn << "(" << params
              << ") const { return get_field(" << lsb << ", " << m << "); }\n";
        }
    }

    static void emit_setter(std::ostringstream& o, const std::string& in, const std::string& cls,
                            const std::string& fn, const std::string& params,
                            const std::string& lsb, const std::string& m, const std::string& enum_t,
                            std::uint32_t width, const std::string& raw) {
        if (!enum_t.empty()) {
            o << in << "constexpr " << cls << "& " << fn << "(" << params << enum_t
              << " v) { return set_field(" << lsb << ", " << m << ", static_cast<" << raw
              << ">(v)); }\n";
        } else if (width == 1) {
            o << in << "constexpr " << cls << "& " << fn << "(" << params
              << "bool v) { return set_field(" << lsb << ", " << m << ", v ? 1u : 0u); }\n";
        } else {
            o << in << "constexpr " << cls << "& " << fn << "(" << params << raw
              << " v) { return set_field(" << lsb << ", " << m << ", v); }\n";
        }
    }

    void emit_enum(std::ostringstream& o, const Enumeration& e, const std::string& name,
                   const std::string& raw, std::uint64_t mask, const std::string& in) {
        o << in << "enum class " << name << " : " << raw << " {\n";
        Names names;
        for (const EnumValue& v : e.values) {
            if (!v.value || *v.value > mask) continue;
            o << in << "    " << names.take(cpp_identifier(v.name)) << " = " << hex(*v.value, 32);
            o << ",";
            if (!v.description.empty()) o << "  // " << comment(v.description);
            o << "\n";
        }
        o << in << "};\n";
    }

    // -------------------------------------------------------------- blocks

    struct Member {
        const Register* reg = nullptr;
        const Cluster* cluster = nullptr;
    };

    // Emits the types of one scope (peripheral or cluster) into namespace
    // `qual` and the `block` class that reaches them.
    void emit_scope(std::ostringstream& o, const std::vector<Register>& regs,
                    const std::vector<Cluster>& clusters, const std::string& qual,
                    const std::string& indent, const std::string& what) {
        Names names({"block"});
        std::vector<std::string> cluster_ns;
        for (const Cluster& c : clusters) {
            const std::string n = names.take(cpp_identifier(strip_dim(c.name)));
            cluster_ns.push_back(n);
            if (!c.description.empty()) o << indent << "// " << comment(c.description) << "\n";
            o << indent << "namespace " << n << " {\n\n";
            emit_scope(o, c.registers, c.clusters, qual + "::" + n, indent, what + "." + c.name);
            o << indent << "}  // namespace " << n << "\n\n";
        }
        std::vector<std::string> reg_cls;
        for (const Register& r : regs) {
            const std::string n = names.take(cpp_identifier(strip_dim(r.name)));
            reg_cls.push_back(n);
            emit_register_class(o, r, n, qual, indent);
        }
        // The block: accessors at fixed offsets from the base address.
        o << indent << "// " << what << " register block.\n";
        o << indent << "class block {\npublic:\n";
        const std::string in = indent + "    ";
        o << in << "constexpr explicit block(std::uintptr_t base) : base_(base) {}\n";
        o << in
          << "[[nodiscard]] constexpr std::uintptr_t base_address() const { return base_; }\n";
        Names acc({"block", "base_address", "base_"});
        auto emit_one = [&](const std::string& type, const std::string& make,
                            const std::string& name, std::uint64_t offset, const std::string& doc) {
            o << in << "// " << doc << "\n";
            o << in << "[[nodiscard]] constexpr " << type << " " << name << "() const { return "
              << make << "(base_ + " << off(offset) << "); }\n";
        };
        auto emit_array = [&](const std::string& type, const std::string& make,
                              const std::string& name, std::uint64_t offset, const Dim& d,
                              const std::string& doc) {
            o << in << "// " << doc << " [" << d.dim << " x " << off(d.increment) << "]\n";
            o << in << "template <std::size_t I>\n";
            o << in << "[[nodiscard]] constexpr " << type << " " << name << "() const {\n";
            o << in << "    static_assert(I < " << d.dim << ", \"" << name
              << ": index out of range\");\n";
            o << in << "    return " << make << "(base_ + " << off(offset) << " + I * "
              << off(d.increment) << ");\n";
            o << in << "}\n";
            o << in << "[[nodiscard]] constexpr " << type << " " << name
              << "(std::size_t i) const { return " << make << "(base_ + " << off(offset)
              << " + i * " << off(d.increment) << "); }\n";
            o << in << "static constexpr std::size_t " << acc.take(name + "_count") << " = "
              << d.dim << ";\n";
        };
        auto member = [&](const std::string& type, const std::string& make,
                          const std::string& name_pattern, std::uint64_t offset, const Dim& d,
                          const std::string& doc) {
            if (!d.is_array()) {
                emit_one(type, make, acc.take(cpp_identifier(name_pattern)), offset, doc);
            } else if (contiguous_index(d)) {
                emit_array(type, make, acc.take(cpp_identifier(strip_dim(name_pattern))), offset, d,
                           doc);
            } else {
                for (std::uint32_t i = 0; i < d.dim; ++i) {
                    emit_one(type, make,
                             acc.take(cpp_identifier(substitute(name_pattern, d.index[i]))),
                             offset + d.increment * i, doc);
                }
            }
        };
        for (std::size_t i = 0; i < regs.size(); ++i) {
            const Register& r = regs[i];
            const std::string type =
                "::rivet::registers::reg<" + qual + "::" + reg_cls[i] + "::value>";
            std::string doc = r.name + " at +" + off(r.offset);
            if (!r.description.empty()) doc += ": " + comment(r.description);
            member(type, type, r.name, r.offset, r.dim, doc);
        }
        for (std::size_t i = 0; i < clusters.size(); ++i) {
            const Cluster& c = clusters[i];
            const std::string type = qual + "::" + cluster_ns[i] + "::block";
            std::string doc = c.name + " cluster at +" + off(c.offset);
            member(type, type, c.name, c.offset, c.dim, doc);
        }
        o << "\n"
          << indent << "private:\n"
          << in << "std::uintptr_t base_;\n"
          << indent << "};\n\n";
    }

    GeneratedFile block_header(const Peripheral& p) {
        const std::string tn = type_ns_[p.name];
        std::ostringstream o;
        o << "// " << p.name << " registers of " << dev_.name
          << ", generated by `rivet svd gen` from "
          << std::filesystem::path(dev_.source).filename().string() << ". Do not edit.\n";
        if (!p.description.empty()) o << "// " << comment(p.description) << "\n";
        o << "#pragma once\n\n#include <cstddef>\n#include <cstdint>\n\n#include "
             "<rivet/registers/register.hpp>\n\n";
        o << "namespace " << ns_ << "::" << tn << " {\n\n";
        emit_scope(o, p.registers, p.clusters, "::" + ns_ + "::" + tn, "", p.name);
        o << "}  // namespace " << ns_ << "::" << tn << "\n\n";
        o << "namespace " << ns_ << " {\n\n";
        for (const Peripheral& q : dev_.peripherals) {
            if (owner_[q.name] != p.name) continue;
            o << "// " << q.name << (q.description.empty() ? "" : ": " + comment(q.description))
              << "\n";
            o << "inline constexpr " << tn << "::block " << instance_[q.name] << "{"
              << hex(q.base_address, 64) << "};\n";
        }
        o << "\n}  // namespace " << ns_ << "\n";
        return {dir_ + "/" + tn + ".hpp", o.str()};
    }

    // -------------------------------------------------------------- device

    GeneratedFile device_header(const std::vector<GeneratedFile>& blocks) {
        std::ostringstream o;
        o << "// " << dev_.name
          << ": memory map, interrupt numbers, vector table and core configuration,\n"
          << "// generated by `rivet svd gen` from "
          << std::filesystem::path(dev_.source).filename().string() << ". Do not edit.\n";
        o << "#pragma once\n\n#include <cstddef>\n#include <cstdint>\n\n";
        for (const GeneratedFile& f : blocks) o << "#include \"" << f.path << "\"\n";
        o << "\nnamespace " << ns_ << " {\n\n";
        o << "inline constexpr const char* device_name = \"" << dev_.name << "\";\n\n";
        o << "// Base address of every peripheral.\nnamespace memory_map {\n";
        for (const Peripheral& p : dev_.peripherals) {
            o << "inline constexpr std::uintptr_t " << instance_[p.name] << " = "
              << hex(p.base_address, 64) << ";\n";
        }
        o << "}  // namespace memory_map\n\n";

        // Interrupts: unique by name, first name wins per number.
        std::map<std::int64_t, std::string> by_number;
        std::vector<std::pair<std::string, std::int64_t>> irqs;
        std::set<std::string> seen;
        for (const Peripheral& p : dev_.peripherals) {
            for (const Interrupt& i : p.interrupts) {
                if (i.value < 0 || i.value > 1023 || !seen.insert(i.name).second) continue;
                irqs.emplace_back(i.name, i.value);
                by_number.emplace(i.value, i.name);
            }
        }
        std::sort(irqs.begin(), irqs.end(),
                  [](const auto& a, const auto& b) { return a.second < b.second; });
        const bool cortex_m = !dev_.cpu || dev_.cpu->name.empty() ||
                              dev_.cpu->name.rfind("CM", 0) == 0 ||
                              dev_.cpu->name.rfind("SC", 0) == 0;
        o << "// Interrupt numbers as the NVIC counts them (core exceptions negative, as in "
             "CMSIS).\n";
        o << "enum class irq : std::int16_t {\n";
        Names irq_names;
        if (cortex_m) {
            for (const auto& [n, v] :
                 std::vector<std::pair<const char*, int>>{{"non_maskable_int", -14},
                                                          {"hard_fault", -13},
                                                          {"memory_management", -12},
                                                          {"bus_fault", -11},
                                                          {"usage_fault", -10},
                                                          {"sv_call", -5},
                                                          {"debug_monitor", -4},
                                                          {"pend_sv", -2},
                                                          {"sys_tick", -1}}) {
                o << "    " << irq_names.take(n) << " = " << v << ",\n";
            }
        }
        for (const auto& [n, v] : irqs)
            o << "    " << irq_names.take(cpp_identifier(n)) << " = " << v << ",\n";
        o << "};\n";
        const std::int64_t count = by_number.empty() ? 0 : by_number.rbegin()->first + 1;
        o << "inline constexpr std::size_t irq_count = " << count << ";\n\n";

        o << "using handler = void (*)();\n\n";
        o << "// The vector table: core exceptions, then one entry per device interrupt\n"
          << "// (reserved_N where the SVD lists none).\n";
        o << "struct vector_table {\n";
        Names vt({"vector_table"});
        for (const char* n :
             {"initial_stack_pointer", "reset", "nmi", "hard_fault", "mem_manage", "bus_fault",
              "usage_fault", "reserved_7", "reserved_8", "reserved_9", "reserved_10", "sv_call",
              "debug_monitor", "reserved_13", "pend_sv", "sys_tick"}) {
            vt.reserve(n);
            o << "    "
              << (std::strcmp(n, "initial_stack_pointer") == 0 ? "const void*" : "handler") << " "
              << n << ";\n";
        }
        for (std::int64_t i = 0; i < count; ++i) {
            auto it = by_number.find(i);
            const std::string n = it == by_number.end() ? vt.take(fmt::format("reserved_irq{}", i))
                                                        : vt.take(cpp_identifier(it->second));
            o << "    handler " << n << ";  // " << i << "\n";
        }
        o << "};\n";
        o << "static_assert(sizeof(vector_table) == (16 + irq_count) * sizeof(handler));\n\n";

        const Cpu cpu = dev_.cpu.value_or(Cpu{});
        o << "// Core configuration (CMSIS __MPU_PRESENT, __FPU_PRESENT, __NVIC_PRIO_BITS, ...).\n";
        o << "struct core_config {\n    const char* name;\n    const char* revision;\n    bool "
             "mpu_present;\n"
             "    bool fpu_present;\n    bool fpu_double_precision;\n    bool dsp_present;\n    "
             "bool icache_present;\n"
             "    bool dcache_present;\n    bool vtor_present;\n    unsigned nvic_prio_bits;\n"
             "    bool vendor_systick_config;\n    unsigned sau_regions;\n};\n";
        auto b = [](bool v) { return v ? "true" : "false"; };
        o << "inline constexpr core_config core{\"" << cpu.name << "\", \"" << cpu.revision
          << "\", " << b(cpu.mpu_present) << ", " << b(cpu.fpu_present) << ", " << b(cpu.fpu_dp)
          << ", " << b(cpu.dsp_present) << ", " << b(cpu.icache_present) << ", "
          << b(cpu.dcache_present) << ", " << b(cpu.vtor_present) << ", " << cpu.nvic_prio_bits
          << ", " << b(cpu.vendor_systick_config) << ", " << cpu.sau_num_regions << "};\n\n";
        o << "}  // namespace " << ns_ << "\n";
        return {dir_ + ".hpp", o.str()};
    }

    const Device& dev_;
    std::string ns_, dir_;
    std::map<std::string, std::string> owner_, type_ns_, instance_;
};

}  // namespace

std::string cpp_identifier(const std::string& name, bool keep_case) {
    std::string out;
    char prev = 0;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        // CamelCase becomes snake_case: TxNotEmpty -> tx_not_empty
        if (!keep_case && std::isupper(u) != 0 &&
            std::islower(static_cast<unsigned char>(prev)) != 0)
            out += '_';
        prev = c;
        if (std::isalnum(u) != 0) {
            out += keep_case ? c : static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '_') {
            out += '_';
        }
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    if (out.empty()) out = "_";
    if (std::isdigit(static_cast<unsigned char>(out[0])) != 0) out = "_" + out;
    if (out.size() > 1 && out[0] == '_' && std::isupper(static_cast<unsigned char>(out[1])) != 0)
        out = "v" + out;
    if (reserved_words().contains(out)) out += '_';
    return out;
}

std::vector<GeneratedFile> emit_cpp(const Device& device, const EmitOptions& options) {
    return CppEmitter(device, options).run();
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
