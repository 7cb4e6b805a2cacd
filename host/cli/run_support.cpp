#include "run_support.hpp"

#include <fmt/format.h>

#include <cmath>
#include <csignal>
#include <string>

namespace rivet::cli {

std::atomic<bool> interrupted{false};

namespace {

void on_signal(int) {
    interrupted.store(true);
}

}  // namespace

void install_signal_handlers() {
    struct sigaction action {};
    action.sa_handler = on_signal;
    (void)sigemptyset(&action.sa_mask);
    (void)::sigaction(SIGINT, &action, nullptr);
    (void)::sigaction(SIGTERM, &action, nullptr);
    (void)::signal(SIGPIPE, SIG_IGN);
}

void add_timeout_option(CLI::App& command, double& seconds, const std::string& what) {
    command.add_option("--timeout", seconds, what)
        ->check(CLI::Validator(
            [](const std::string& text) -> std::string {
                std::size_t used = 0;
                double value = 0;
                try {
                    value = std::stod(text, &used);
                } catch (const std::exception&) {
                    used = 0;
                }
                if (used == 0 || used != text.size() || !std::isfinite(value) || value <= 0) {
                    return fmt::format("'{}': expected a number of seconds > 0", text);
                }
                return {};
            },
            "SECONDS"));
}

}  // namespace rivet::cli
