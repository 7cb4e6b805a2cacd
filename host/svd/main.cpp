// rivet-svd: stand-alone front end for the `rivet svd` commands, mapping
// errors to the exit codes of docs/exit-codes.md.
#include <CLI/CLI.hpp>

#include <cstdio>

#include <rivet/support/error.hpp>

#include "rivet/svd/commands.hpp"

int main(int argc, char** argv) {
    CLI::App app{"rivet-svd"};
    app.require_subcommand(1);
    rivet::svd::add_svd_commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::fprintf(stderr, "rivet svd: error: %s\n", e.what());
        return 64;
    } catch (const rivet::Error& e) {
        std::fprintf(stderr, "rivet svd: error: %s\n", e.what());
        switch (e.kind()) {
            case rivet::ErrorKind::usage: return 64;
            case rivet::ErrorKind::no_input: return 66;
            case rivet::ErrorKind::bad_input: return 65;
            case rivet::ErrorKind::io: return 74;
            default: return 70;
        }
    }
    return 0;
}
