// A register's value class: field accessors, enumerations and array
// accessors (see docs/svd.md for the generated API).
#include <fmt/format.h>

#include "dim.hpp"
#include "emitter_internal.hpp"

namespace rivet::svd::emit {

// Emits `namespace <ns_name> { enums...; class value {...}; }` for one
// register; qual is the enclosing namespace, fully qualified.
void cpp_emitter::emit_register_class(std::ostringstream& out, const svd_register& r,
                                      const std::string& ns_name, const std::string& qual,
                                      const std::string& indent) {
    const std::string cls = "value";
    const std::string enum_qual = qual + "::" + ns_name + "::";
    std::ostringstream o;   // class body
    std::ostringstream eo;  // enumerations, before the class
    name_pool enum_names({"value"});
    const std::string raw = raw_type(r.size);
    const unsigned bits = raw_bits(r.size);
    const bool reg_read = readable(r.access);
    const bool reg_write = writable(r.access);
    std::uint64_t ones = 0, zeros = 0;
    std::vector<const svd_field*> fields;
    for (const svd_field& f : r.fields) {
        if (f.lsb + f.width > r.size) continue;  // reported by `rivet svd check`
        fields.push_back(&f);
        const std::uint64_t m = (f.width >= 64 ? ~0ull : ((1ull << f.width) - 1)) << f.lsb;
        if (ones_mw(f.modified_write)) ones |= m;
        if (zeros_mw(f.modified_write)) zeros |= m;
    }
    const std::uint64_t size_mask = r.size >= 64 ? ~0ull : ((1ull << r.size) - 1);
    if (r.fields.empty() && ones_mw(r.modified_write)) ones = size_mask;
    if (r.fields.empty() && zeros_mw(r.modified_write)) zeros = size_mask;

    o << indent << "// " << r.name << (r.description.empty() ? "" : ": " + comment(r.description))
      << "\n";
    o << indent << "class " << cls << " : public ::rivet::registers::value<" << cls << ", " << raw
      << "> {\n";
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
    o << in << "constexpr explicit " << cls << "(" << raw << " bits) : ::rivet::registers::value<"
      << cls << ", " << raw << ">(bits) {}\n";

    name_pool names({"bits", "set_bits", "get_field", "set_field", "value", "raw_type",
                     "access_mode", "reset_value", "one_to_modify", "zero_to_modify"});
    // Reserve field accessor names first so that type names yield.
    std::vector<std::string> fnames;
    for (const svd_field* f : fields) fnames.push_back(names.take(cpp_identifier(f->name)));
    // Array accessors ("MODER%s" -> moder(i)) for complete arrays indexed 0..n-1.
    std::map<std::string, std::vector<std::size_t>> arrays;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (!fields[i]->array_pattern.empty()) arrays[fields[i]->array_pattern].push_back(i);
    }
    std::map<std::string, std::string> array_names;
    for (const auto& [pattern, members] : arrays) {
        const svd_field& f0 = *fields[members[0]];
        if (members.size() != f0.array.dim || !contiguous_index(f0.array)) continue;
        array_names[pattern] = names.take(cpp_identifier(strip_dim(pattern)));
    }

    // Enumerations: fields with equal values share one enum type.
    std::map<std::string, std::string> enum_types;  // signature -> type name
    auto signature = [](const svd_enumeration& e, std::uint64_t mask) {
        std::string sig;
        for (const svd_enum_value& v : e.values) {
            if (v.value && *v.value <= mask) sig += v.name + "=" + std::to_string(*v.value) + ";";
        }
        return sig;
    };
    auto enum_type = [&](const svd_field& f, const std::string& fn, const svd_enumeration& e,
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
    struct field_types {
        std::string read_t, write_t;
        bool can_read, can_write;
    };
    std::vector<field_types> types(fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const svd_field& f = *fields[i];
        const std::string& fn = fnames[i];
        field_types& t = types[i];
        t.can_read = reg_read && readable(f.access);
        t.can_write = reg_write && writable(f.access);
        const std::uint64_t mask = f.width >= 64 ? ~0ull : ((1ull << f.width) - 1);
        // Enumerations: one for both directions, or one per direction.
        const svd_enumeration* read_enum = nullptr;
        const svd_enumeration* write_enum = nullptr;
        for (const svd_enumeration& e : f.enums) {
            bool has_value = false;
            for (const svd_enum_value& v : e.values)
                has_value = has_value || (v.value && *v.value <= mask);
            if (!has_value) continue;
            if (e.usage != svd_usage::write && read_enum == nullptr) read_enum = &e;
            if (e.usage != svd_usage::read && write_enum == nullptr) write_enum = &e;
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
        const svd_field& f = *fields[i];
        const std::string& fn = fnames[i];
        const field_types& t = types[i];
        const std::uint64_t mask = f.width >= 64 ? ~0ull : ((1ull << f.width) - 1);
        const std::string m = hex(mask, bits);
        std::string doc = f.name;
        doc += f.width == 1 ? fmt::format(" (bit {})", f.lsb)
                            : fmt::format(" (bits {}:{})", f.lsb + f.width - 1, f.lsb);
        if (!f.description.empty()) doc += ": " + comment(f.description);
        if (ones_mw(f.modified_write) || zeros_mw(f.modified_write))
            doc += " [acts on write; kept by modify]";
        if (f.read_action != svd_read_action::none || r.read_action != svd_read_action::none) {
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
        const svd_field& f = *fields[members[0]];
        const field_types& t = types[members[0]];
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
        if (t.can_read) emit_getter(o, in, name, "std::size_t i", lsb, m, t.read_t, f.width, raw);
        if (t.can_write)
            emit_setter(o, in, cls, name, "std::size_t i, ", lsb, m, t.write_t, f.width, raw);
    }
    o << indent << "};\n";
    out << indent << "namespace " << ns_name << " {\n\n"
        << eo.str() << o.str() << "\n"
        << indent << "}  // namespace " << ns_name << "\n\n";
}

void cpp_emitter::emit_getter(std::ostringstream& o, const std::string& in, const std::string& fn,
                              const std::string& params, const std::string& lsb,
                              const std::string& m, const std::string& enum_t, std::uint32_t width,
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

void cpp_emitter::emit_setter(std::ostringstream& o, const std::string& in, const std::string& cls,
                              const std::string& fn, const std::string& params,
                              const std::string& lsb, const std::string& m,
                              const std::string& enum_t, std::uint32_t width,
                              const std::string& raw) {
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

void cpp_emitter::emit_enum(std::ostringstream& o, const svd_enumeration& e,
                            const std::string& name, const std::string& raw, std::uint64_t mask,
                            const std::string& in) {
    o << in << "enum class " << name << " : " << raw << " {\n";
    name_pool names;
    for (const svd_enum_value& v : e.values) {
        if (!v.value || *v.value > mask) continue;
        o << in << "    " << names.take(cpp_identifier(v.name)) << " = " << hex(*v.value, 32);
        o << ",";
        if (!v.description.empty()) o << "  // " << comment(v.description);
        o << "\n";
    }
    o << in << "};\n";
}

}  // namespace rivet::svd::emit
