// derivedFrom resolution (resolve_derived): peripherals and
// registers/clusters in derive.cpp, fields and enumeratedValues in
// derive_fields.cpp. Internal to host/svd.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rivet/svd/parser.hpp"

namespace rivet::svd::derive {

// The parts of a dotted reference ("PERIPH.REG.FIELD").
[[nodiscard]] std::vector<std::string> split_dots(std::string_view s);

// The peripherals that resolving `name`'s derivedFrom reads: itself, the
// peripherals it derives from and those dotted references name, transitively.
// False when a reference may be looked up device-wide (an enumeratedValues
// derivedFrom without a dot): then only resolving everything is certain to
// give the same result.
// `names`, when given, are the peripherals the file has (for a document
// cut down to some of them, see excerpt.hpp); else those of doc.
[[nodiscard]] bool peripherals_needed(const svd_document& doc, const std::string& name,
                                      std::unordered_set<std::string>& needed,
                                      const std::unordered_set<std::string>* names = nullptr);

class resolver {
public:
    // Resolves every peripheral, or only those in `only` (when given): their
    // result is the same as when everything is resolved if `only` is closed
    // under peripherals_needed.
    resolver(svd_document& doc, bool keep, const std::unordered_set<std::string>* only = nullptr);

    void run();

private:
    using node_set = std::unordered_set<pugi::xml_node_struct*>;

    // Bounds that keep resolution from recursing or copying without end:
    // real SVDs derive one or two levels deep, and resolving every
    // derivedFrom of the largest corpus SVD (stm32u575, 8 MB) copies about
    // 390,000 nodes.
    static constexpr std::size_t max_chain = 64;
    static constexpr std::size_t max_copied = 1'500'000;
    // Lookups by name are linear in the scope, and copies make scopes large:
    // the elements all lookups look at are counted too (corpus SVDs look at
    // 75,000 at most, stm32g474).
    static constexpr std::size_t max_looked = 10'000'000;

    // find_named, counted against max_looked (`at` names the place).
    pugi::xml_node find(const pugi::xml_node& scope, std::string_view name,
                        std::initializer_list<const char*> tags, const pugi::xml_node& at);
    // Counts n more elements looked at.
    void look(std::size_t n, const pugi::xml_node& at);
    // Walks registers/clusters by names from a peripheral or cluster.
    pugi::xml_node descend(pugi::xml_node from, const std::vector<std::string>& parts,
                           std::size_t first, std::size_t last);

    // Copies node into parent (appended, or before `before`), counting its
    // nodes against max_copied: derivations of derivations multiply.
    pugi::xml_node copy(pugi::xml_node parent, const pugi::xml_node& node,
                        const pugi::xml_node& before = {});

    [[noreturn]] void fail(const pugi::xml_node& n, const std::string& msg);

    // Starts resolving n: false when it is resolved already or derives from
    // nothing (it is then marked resolved); an error with cycle_message()
    // when n is being resolved already (a derivedFrom cycle).
    template <typename Message>
    bool enter(const pugi::xml_node& n, Message cycle_message) {
        const auto key = n.internal_object();
        if (done_.contains(key)) return false;
        if (!n.attribute("derivedFrom")) {
            done_.insert(key);
            return false;
        }
        if (busy_.contains(key)) fail(n, cycle_message());
        if (busy_.size() >= max_chain)
            fail(n, "derivedFrom chain longer than " + std::to_string(max_chain) + " elements");
        busy_.insert(key);
        return true;
    }
    // Marks n resolved.
    void leave(const pugi::xml_node& n) {
        busy_.erase(n.internal_object());
        done_.insert(n.internal_object());
    }

    // ------------------------------------------------------------ derive.cpp

    void merge(pugi::xml_node derived, pugi::xml_node base, const char* list_tag,
               std::initializer_list<const char*> skip);
    static bool is_dim_tag(const pugi::xml_node& c);
    pugi::xml_node find_peripheral(std::string_view name);
    void resolve_peripheral(pugi::xml_node p);
    pugi::xml_node find_block_ref(pugi::xml_node peripheral, pugi::xml_node scope,
                                  const std::string& ref);
    void resolve_block(pugi::xml_node peripheral, pugi::xml_node scope, pugi::xml_node e);
    void walk_blocks(pugi::xml_node peripheral, pugi::xml_node scope);

    // ----------------------------------------------------- derive_fields.cpp

    void resolve_field(pugi::xml_node f);
    static std::uint64_t base_width(const pugi::xml_node& f);
    void walk_fields(pugi::xml_node scope);
    pugi::xml_node find_enum_in(pugi::xml_node root, std::string_view name);
    pugi::xml_node find_enum_ref(pugi::xml_node peripheral, pugi::xml_node ev,
                                 const std::string& ref);
    void resolve_enum(pugi::xml_node peripheral, pugi::xml_node ev);
    void walk_enums(pugi::xml_node peripheral, pugi::xml_node scope);

    [[nodiscard]] bool wanted(const pugi::xml_node& p) const;

    svd_document& doc_;
    bool keep_;
    const std::unordered_set<std::string>* only_;
    pugi::xml_node device_, peripherals_;
    std::unordered_map<std::string, pugi::xml_node> peripheral_index_;  // first of each name
    node_set done_, busy_;
    std::size_t copied_ = 0, looked_ = 0;
};

}  // namespace rivet::svd::derive
