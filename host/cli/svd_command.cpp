// `rivet svd gen|patch|check`: argument parsing only; the work is in the
// host/svd parser, patcher, checker and emitter.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <rivet/support/error.hpp>

#include <rivet/svd/check.hpp>
#include <rivet/svd/emitter.hpp>
#include <rivet/svd/facts.hpp>
#include <rivet/svd/parser.hpp>
#include <rivet/svd/patcher.hpp>

#include "commands.hpp"
#include "heap.hpp"

namespace rivet::cli {
namespace {

using namespace rivet::svd;

struct gen_arguments {
    std::string svd, patch, out, ns, format = "cpp", svd_root;
};
struct patch_arguments {
    std::string yaml, out, svd, svd_root;
    bool expand = false;
};
struct check_arguments {
    std::string svd, patch, svd_root;
    bool strict = false;
};

struct facts_arguments {
    std::string svd, patch, out, svd_root;
    std::vector<std::string> peripherals;
};

// An output SVD goes to stdout, or to a file with -o.
void write_output(const std::string& path, const std::string& text) {
    if (path.empty() || path == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return;
    }
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) throw error(error_kind::io, path + ": cannot write");
}

void load(svd_document& doc, const std::string& svd, const std::string& patch,
          const std::string& svd_root) {
    load_svd_file(doc, svd);
    if (!patch.empty()) apply_patch_file(doc, patch, patch_options{svd_root});
}

void run_gen(const gen_arguments& a) {
    svd_document doc;
    load(doc, a.svd, a.patch, a.svd_root);
    resolve_derived(doc, true);
    const svd_device dev = build_model(doc);
    if (a.format == "cmsis") {
        write_files(a.out, emit_cmsis(dev));
    } else {
        write_files(a.out, emit_cpp(dev, emit_options{a.ns}));
    }
}

void run_patch(const patch_arguments& a) {
    const patch_options opts{a.svd_root};
    std::string svd = a.svd.empty() ? patch_svd_path(a.yaml, opts) : a.svd;
    if (svd.empty()) throw error(error_kind::usage, a.yaml + ": no _svd in the patch; pass --svd");
    svd_document doc;
    load_svd_file(doc, svd);
    apply_patch_file(doc, a.yaml, opts);
    if (a.expand) resolve_derived(doc, false);
    if (a.out.empty() || a.out == "-") {
        write_output(a.out, svd_to_string(doc));
    } else {
        write_svd_file(doc, a.out);
    }
}

// The command a facts file names: what makes the same file again, written
// with short options (an XML comment may not hold "--"); -o is left out,
// since where the file goes does not change it.
std::string facts_command(const facts_arguments& a) {
    std::string command = "rivet svd facts " + a.svd;
    if (!a.patch.empty()) command += " -p " + a.patch;
    if (!a.svd_root.empty()) command += " -r " + a.svd_root;
    if (!a.peripherals.empty()) command += fmt::format(" -P {}", fmt::join(a.peripherals, ","));
    return command;
}

void run_facts(const facts_arguments& a) {
    svd_document doc;
    load(doc, a.svd, a.patch, a.svd_root);
    reduce_to_facts(doc, a.peripherals);
    write_output(a.out, facts_to_string(doc, facts_origin{a.svd, a.patch, facts_command(a)}));
}

void run_check(const check_arguments& a) {
    svd_document doc;
    load(doc, a.svd, a.patch, a.svd_root);
    std::vector<problem> problems = check_structure(doc);
    resolve_derived(doc, true);
    const svd_device dev = build_model(doc);
    for (problem& p : check_device(dev)) problems.push_back(std::move(p));
    std::size_t errors = 0, warnings = 0;
    for (const problem& p : problems) {
        const bool err = p.severity == problem::severity_level::error;
        (err ? errors : warnings)++;
        std::cout << p.where << ": " << (err ? "error" : "warning") << ": " << p.message << "\n";
    }
    std::cout << fmt::format("{}: {} peripherals, {} errors, {} warnings\n", dev.name,
                             dev.peripherals.size(), errors, warnings);
    if (errors > 0 || (a.strict && warnings > 0)) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: {} errors, {} warnings", a.svd, errors, warnings));
    }
}

// Commands report every failure as a rivet::error; anything else thrown
// below (filesystem, allocation) becomes one too instead of escaping.
template <typename F>
void guarded(F&& f) {
    try {
        f();
    } catch (const error&) {
        throw;
    } catch (const std::filesystem::filesystem_error& e) {
        throw error(error_kind::io, e.what());
    } catch (const std::exception& e) {
        throw error(error_kind::bad_input, std::string("internal error: ") + e.what());
    }
}

}  // namespace

void add_svd_command(CLI::App& app) {
    CLI::App* svd = app.add_subcommand(
        "svd", "CMSIS-SVD tools: generate register headers, patch, check, reduce to facts");
    svd->require_subcommand(1);
    svd->preparse_callback([](std::size_t) { use_huge_pages_for_heap(); });

    auto gen = std::make_shared<gen_arguments>();
    CLI::App* g =
        svd->add_subcommand("gen", "Generate C++ register headers from an SVD (and patch)");
    g->add_option("svd", gen->svd, "DEVICE.svd")->required();
    g->add_option("--patch", gen->patch, "svdtools YAML patch applied first");
    g->add_option("-o,--output", gen->out, "output directory")->required();
    g->add_option("--namespace", gen->ns, "C++ namespace (default: device name)");
    g->add_option("--format", gen->format, "cpp (default) or cmsis")
        ->check(CLI::IsMember({"cpp", "cmsis"}));
    g->add_option("--svd-root", gen->svd_root, "folder holding the SVDs the patch names");
    g->callback([gen] { guarded([&] { run_gen(*gen); }); });

    auto patch = std::make_shared<patch_arguments>();
    CLI::App* p =
        svd->add_subcommand("patch", "Apply an svdtools YAML patch and write the patched SVD");
    p->add_option("yaml", patch->yaml, "DEVICE.yaml")->required();
    p->add_option("-o,--output", patch->out, "output SVD (default: stdout)");
    p->add_option("--svd", patch->svd, "input SVD (default: the patch's _svd)");
    p->add_option("--svd-root", patch->svd_root, "folder holding the SVDs the patch names");
    p->add_flag("--expand", patch->expand, "resolve derivedFrom in the output");
    p->callback([patch] { guarded([&] { run_patch(*patch); }); });

    auto check = std::make_shared<check_arguments>();
    CLI::App* c = svd->add_subcommand("check", "Validate an SVD and list problems");
    c->add_option("svd", check->svd, "DEVICE.svd")->required();
    c->add_option("--patch", check->patch, "svdtools YAML patch applied first");
    c->add_option("--svd-root", check->svd_root, "folder holding the SVDs the patch names");
    c->add_flag("--strict", check->strict, "fail on warnings too");
    c->callback([check] { guarded([&] { run_check(*check); }); });

    auto facts = std::make_shared<facts_arguments>();
    CLI::App* f = svd->add_subcommand(
        "facts", "Reduce an SVD to facts (no descriptions), for shipping it with a project");
    f->add_option("svd", facts->svd, "DEVICE.svd")->required();
    f->add_option("-p,--patch", facts->patch, "svdtools YAML patch applied first");
    f->add_option("-r,--svd-root", facts->svd_root, "folder holding the SVDs the patch names");
    f->add_option("-P,--peripherals", facts->peripherals,
                  "keep the registers of these peripherals only (comma-separated); the others "
                  "keep their name, address and interrupts")
        ->delimiter(',');
    f->add_option("-o,--output", facts->out, "output SVD (default: stdout)");
    f->callback([facts] { guarded([&] { run_facts(*facts); }); });
}

}  // namespace rivet::cli
