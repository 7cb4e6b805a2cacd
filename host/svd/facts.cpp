// `rivet svd facts`: the SVD schema's elements less the prose, applied to
// the XML document so that what the generator reads (derivedFrom,
// arrays, clusters) stays as the vendor wrote it, only without the prose.
#include "rivet/svd/facts.hpp"

#include <openssl/evp.h>

#include <fmt/format.h>

#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <string_view>

#include "schema.hpp"
#include "xml_util.hpp"

namespace rivet::svd {

namespace {

// What is not a fact: prose, and names of things outside the chip (vendor,
// series, header files). Elements the schema does not know go too.
const svd_tags& not_facts() {
    static const svd_tags prose = {"description",
                                   "licenseText",
                                   "displayName",
                                   "vendor",
                                   "vendorID",
                                   "series",
                                   "version",
                                   "vendorExtensions",
                                   "headerSystemFilename",
                                   "headerDefinitionsPrefix"};
    return prose;
}

bool is_fact(std::string_view parent, std::string_view child) {
    const auto rule = svd_schema().find(parent);
    return rule != svd_schema().end() && rule->second.contains(child) &&
           !not_facts().contains(child);
}

// What a peripheral left out by -P keeps: enough for the interrupt table.
const svd_tags& stub_elements() {
    static const svd_tags stub = {"name",         "baseAddress", "interrupt",     "dim",
                                  "dimIncrement", "dimIndex",    "dimArrayIndex", "dimName"};
    return stub;
}

// Keeps the children of n that are facts (recursively) and the text of
// elements that hold text; drops everything else. Recursion is bounded by
// the nesting limit every loaded document has passed.
void strip(pugi::xml_node n) {
    const std::string_view tag = n.name();
    const bool holds_elements = svd_schema().contains(tag);
    for (pugi::xml_node c = n.first_child(); c;) {
        const pugi::xml_node next = c.next_sibling();
        if (c.type() == pugi::node_element) {
            if (is_fact(tag, c.name()))
                strip(c);
            else
                n.remove_child(c);
        } else if (holds_elements ||
                   (c.type() != pugi::node_pcdata && c.type() != pugi::node_cdata)) {
            n.remove_child(c);  // text between elements, comments, processing instructions
        }
        c = next;
    }
}

// Peripherals that `name`'s registers need: its derivedFrom base and the
// first part of dotted derivedFrom references ("UART0.CTRL") inside it.
void add_needed(const std::map<std::string, pugi::xml_node, std::less<>>& by_name,
                const std::string& name, std::set<std::string, std::less<>>& keep) {
    if (!keep.insert(name).second) return;
    const pugi::xml_node p = by_name.at(name);
    std::vector<std::string> needed;
    if (const char* base = p.attribute("derivedFrom").value(); *base != '\0')
        needed.emplace_back(base);
    struct dotted_references : pugi::xml_tree_walker {
        std::vector<std::string>* out;
        bool for_each(pugi::xml_node& n) override {
            const std::string_view value = n.attribute("derivedFrom").value();
            const auto dot = value.find('.');
            if (dot != std::string_view::npos) out->emplace_back(value.substr(0, dot));
            return true;
        }
    } walker;
    walker.out = &needed;
    pugi::xml_node(p).traverse(walker);
    for (const std::string& n : needed) {
        if (by_name.contains(n)) add_needed(by_name, n, keep);
    }
}

void keep_only(svd_document& doc, const std::vector<std::string>& peripherals) {
    pugi::xml_node list = doc.xml.child("device").child("peripherals");
    std::map<std::string, pugi::xml_node, std::less<>> by_name;
    for (pugi::xml_node p : list.children("peripheral")) by_name.emplace(text_of(p, "name"), p);
    std::set<std::string, std::less<>> keep;
    for (const std::string& name : peripherals) {
        if (!by_name.contains(name)) {
            throw error(error_kind::usage,
                        fmt::format("{}: no peripheral {} (-P)", doc.path, name));
        }
        add_needed(by_name, name, keep);
    }
    for (auto& [name, p] : by_name) {
        if (keep.contains(name)) continue;
        p.remove_attribute("derivedFrom");
        for (pugi::xml_node c = p.first_child(); c;) {
            const pugi::xml_node next = c.next_sibling();
            if (c.type() != pugi::node_element || !stub_elements().contains(c.name()))
                p.remove_child(c);
            c = next;
        }
    }
}

// An XML comment may not contain "--" (nor end in "-").
std::string comment_safe(const std::string& text, const char* what) {
    if (text.find("--") != std::string::npos || (!text.empty() && text.back() == '-')) {
        throw error(error_kind::usage,
                    fmt::format("{}: a {} with \"--\" cannot be named in the facts file's comment",
                                text, what));
    }
    return text;
}

}  // namespace

void reduce_to_facts(svd_document& doc, const std::vector<std::string>& peripherals) {
    if (!peripherals.empty()) keep_only(doc, peripherals);
    pugi::xml_node device = doc.xml.child("device");
    for (pugi::xml_node c = doc.xml.first_child(); c;) {
        const pugi::xml_node next = c.next_sibling();
        if (c != device) doc.xml.remove_child(c);
        c = next;
    }
    // The schema location attributes say nothing about the chip.
    for (pugi::xml_attribute a = device.first_attribute(); a;) {
        const pugi::xml_attribute next = a.next_attribute();
        if (std::string_view(a.name()) != "schemaVersion") device.remove_attribute(a);
        a = next;
    }
    strip(device);
}

std::string facts_to_string(const svd_document& doc, const facts_origin& origin) {
    std::string comment =
        "\n  Written by Rivet: facts only (names, addresses, offsets, sizes, bit ranges, access, "
        "reset values,\n"
        "  enumerated values, interrupts), without the vendor's descriptions.\n";
    comment += fmt::format("  Source: {} (SHA-256 {})\n", comment_safe(origin.svd, "file name"),
                           file_sha256(origin.svd));
    if (!origin.patch.empty()) {
        comment += fmt::format("  Patch:  {} (SHA-256 {})\n",
                               comment_safe(origin.patch, "file name"), file_sha256(origin.patch));
    }
    comment += fmt::format("  Made by: {}\n", comment_safe(origin.command, "command"));
    pugi::xml_document out;
    pugi::xml_node declaration = out.append_child(pugi::node_declaration);
    declaration.append_attribute("version") = "1.0";
    declaration.append_attribute("encoding") = "utf-8";
    out.append_child(pugi::node_comment).set_value(comment.c_str());
    out.append_copy(doc.xml.child("device"));
    std::ostringstream o;
    out.save(o, "  ", pugi::format_default, pugi::encoding_utf8);
    return o.str();
}

std::string file_sha256(const std::string& path) {
    const std::string bytes = read_text_file(path);
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest, &length) != 1) {
        throw error(error_kind::io, path + ": SHA-256 failed");
    }
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

}  // namespace rivet::svd
