// `rivet run`: load, run, print the output, exit with the firmware's code.
#include <rivet/runner/run.hpp>

#include <atomic>
#include <csignal>
#include <memory>

#include "commands.hpp"
#include "target_options.hpp"

namespace rivet::cli {
namespace {

std::atomic<bool> interrupted{false};

void on_signal(int) {
    interrupted.store(true);
}

// Ctrl-C and SIGTERM end the run through the runner's loop, so QEMU is shut
// down and the exit code is the documented one.
void install_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    (void)sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
    ::signal(SIGPIPE, SIG_IGN);
}

struct run_arguments {
    target_options target;
    double timeout_seconds = 0;
    bool no_verify = false;
};

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<run_arguments>();
    auto* command =
        app.add_subcommand("run", "Load firmware, run it, print its output, exit with its code");
    args->target.add_to(*command);
    command
        ->add_option("--timeout", args->timeout_seconds,
                     "Seconds before giving up (exit code 124); 0 waits for ever")
        ->check(CLI::NonNegativeNumber);
    command->add_flag("--no-verify", args->no_verify, "Do not read the loaded image back");
    command->callback([args, &exit_code] {
        install_signal_handlers();
        auto session = open_target(args->target);
        runner::run_options options;
        options.timeout =
            std::chrono::milliseconds(static_cast<long long>(args->timeout_seconds * 1000));
        options.verify = !args->no_verify;
        options.interrupted = &interrupted;
        exit_code = runner::run(*session.probe, session.firmware, session.board, options);
    });
}

}  // namespace rivet::cli
