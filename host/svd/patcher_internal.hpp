// The patcher behind apply_patch_*: one object per patch application, its
// commands split by level over patch_device.cpp (device), patch_peripheral.cpp
// (peripheral and cluster), patch_arrays.cpp (arrays and clusters made or
// unrolled), patch_register.cpp (fields of a register) and patch_enum.cpp
// (enumerations and ranges of a field). Internal to host/svd.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "excerpt.hpp"
#include "patch_edit.hpp"
#include "patch_match.hpp"
#include "patch_yaml.hpp"
#include "rivet/svd/patcher.hpp"
#include "xml_util.hpp"

namespace rivet::svd::patch {

namespace fs = std::filesystem;

class patcher {
public:
    patcher(svd_document& doc, std::string name, fs::path dir, patch_options opts);

    void process_device(const yaml_node& dev);

private:
    [[noreturn]] void fail(const std::string& path, const std::string& msg) const;

    template <typename F>
    void for_map(const yaml_node* y, F&& f) {
        if (y == nullptr) return;
        if (!y->is_map()) return;
        for (const auto& [k, v] : y->map) f(k, v);
    }

    std::string scalar(const yaml_node& y, const std::string& path) const;

    void set_children(pugi::xml_node n, const yaml_node& mods, const std::string& path);

    // The base a _derive entry names: "NAME: BASE" or "NAME: {_from: BASE, ...}".
    std::string derive_base(const yaml_node& v, const std::string& path) const;

    // ------------------------------------------------ device (patch_device.cpp)

    static bool is_device_child(const std::string& k);
    std::vector<pugi::xml_node> find_peripherals(const std::string& spec);
    pugi::xml_node peripheral_named(const std::string& name);
    void delete_peripherals(const std::string& spec);
    void delete_interrupts(pugi::xml_node scope, const std::string& spec);
    pugi::xml_node load_other_peripheral(const std::string& from, const std::string& path);
    pugi::xml_node excerpt_peripheral(const std::string& file, const std::string& pname);
    void copy_peripheral(const std::string& pname, const yaml_node& v);
    void modify_peripheral(const std::string& spec, const yaml_node& mods);
    void add_interrupts(pugi::xml_node p, const yaml_node& irqs, const std::string& path);
    void add_peripheral(const std::string& pname, const yaml_node& v);
    void derive_peripheral(const std::string& pname, const yaml_node& v);
    void rebase_peripheral(const std::string& pnew, const std::string& pold);

    // ---------------------------------------- peripheral (patch_peripheral.cpp)

    static pugi::xml_node regs_of(pugi::xml_node scope);
    static std::vector<pugi::xml_node> find_in(pugi::xml_node scope, const char* tag,
                                               const std::string& spec);
    static pugi::xml_node register_named(pugi::xml_node scope, const std::string& name);
    void process_peripheral(const std::string& spec, const yaml_node& pmod);
    void process_interrupts(pugi::xml_node p, const yaml_node& pmod, const std::string& path);
    void modify_interrupts(pugi::xml_node p, const yaml_node& mods, const std::string& path);
    void process_scope(pugi::xml_node p, const yaml_node& pmod, const std::string& path,
                       bool children = true);
    void delete_in(pugi::xml_node p, const char* tag, const std::string& spec);
    static void clear_field(pugi::xml_node f);
    void clear_fields_in(pugi::xml_node scope, const std::string& spec);
    static void clear_fields_matching(pugi::xml_node scope, const spec_matcher& registers);
    static void strip_names(pugi::xml_node parent, const char* tag, const std::string& s, bool end);
    static void add_affix(pugi::xml_node parent, const char* tag, const std::string& a,
                          bool suffix);
    void modify_register(pugi::xml_node p, const std::string& spec, const yaml_node& mods,
                         const std::string& path);
    void fill_register(pugi::xml_node r, const yaml_node& rv, const std::string& path);
    void add_register(pugi::xml_node p, const std::string& rname, const yaml_node& rv,
                      const std::string& path);
    void add_cluster(pugi::xml_node p, const std::string& cname, const yaml_node& cv,
                     const std::string& path);
    void copy_register(pugi::xml_node p, const std::string& rname, const yaml_node& v,
                       const std::string& path);
    void fill_register_mods(pugi::xml_node r, const yaml_node& mods, const std::string& path);
    void derive_register(pugi::xml_node p, const std::string& rname, const yaml_node& v,
                         const std::string& path);

    // ------------------------------------------------- arrays (patch_arrays.cpp)

    void expand_array(pugi::xml_node p, const std::string& spec, const std::string& path);
    void expand_cluster(pugi::xml_node p, const std::string& spec, const std::string& path);
    void collect_in_array(pugi::xml_node p, const std::string& spec_in, const yaml_node& rmod,
                          const std::string& path);
    void collect_in_cluster(pugi::xml_node p, const std::string& cname, const yaml_node& cmod,
                            const std::string& path);
    void collect_fields_in_array(pugi::xml_node r, const std::string& spec_in,
                                 const yaml_node& fmod, const std::string& path);
    static void set_dim(pugi::xml_node n, std::size_t dim, std::uint64_t inc,
                        const std::string& index);
    std::string make_array(pugi::xml_node n, const std::string& spec, std::size_t li,
                           std::size_t ri, const yaml_node& mod, const std::string& where,
                           std::size_t dim, std::uint64_t inc, const std::string& index);

    // ---------------------------------------------- register (patch_register.cpp)

    void process_register_spec(pugi::xml_node p, const std::string& spec, const yaml_node& rmod,
                               const std::string& path);
    static std::vector<pugi::xml_node> find_fields(pugi::xml_node r, const std::string& spec);
    // A register's fields and their names (views into the tree, valid while
    // no field is renamed), for matching many specs against.
    struct named_field {
        std::string_view name;
        pugi::xml_node node;
    };
    using field_table = std::vector<named_field>;
    static field_table fields_of(pugi::xml_node r);
    static std::vector<pugi::xml_node> find_fields(const field_table& fields,
                                                   const std::string& spec);
    void process_register(pugi::xml_node r, const yaml_node& rmod, const std::string& path);
    void add_field(pugi::xml_node r, const std::string& fname, const yaml_node& fv,
                   const std::string& path);
    void modify_field(pugi::xml_node r, const std::string& spec, const yaml_node& mods,
                      const std::string& path);
    static void add_range(pugi::xml_node f, const std::string& lo, const std::string& hi);
    void merge_fields(pugi::xml_node r, const std::string& key, const yaml_node* value,
                      const std::string& path);
    void split_fields(pugi::xml_node r, const std::string& spec, const yaml_node* mods,
                      const std::string& path);

    // ------------------------------------------------------ field (patch_enum.cpp)

    void process_field(pugi::xml_node r, const field_table& fields, const std::string& spec,
                       const yaml_node& fmod, const std::string& path);
    void process_field_enum(pugi::xml_node r, const field_table& fields, const std::string& spec,
                            const yaml_node& fmod_in, const std::string& where,
                            const std::string& usage, bool replace);
    std::string checked_usage(pugi::xml_node r, pugi::xml_node f, const std::string& usage,
                              const std::string& where);
    void make_room_for_enum(pugi::xml_node r, pugi::xml_node f, const std::string& usage,
                            bool replace, const std::string& where);
    std::string make_enumerated_values(pugi::xml_node ev, const std::string& fname,
                                       const yaml_node& values, const std::string& usage,
                                       const std::string& where, pugi::xml_node f);

    svd_document& doc_;
    std::string name_;
    fs::path dir_;
    patch_options opts_;
    pugi::xml_node device_, peripherals_;
    std::map<std::string, std::unique_ptr<svd_document>> others_;  // whole files
    struct other_text {
        file_bytes text;
        std::optional<svd_outline> outline;
    };
    std::map<std::string, other_text> other_texts_;
    std::vector<std::unique_ptr<svd_document>> excerpts_;  // what copies came from
};

}  // namespace rivet::svd::patch
