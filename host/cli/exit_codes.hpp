// The exit codes of `rivet` itself (docs/exit-codes.md). `rivet run` exits
// with the firmware's own code when the firmware exits; these are for every
// other ending. They follow sysexits.h and timeout(1) where those have one.
#pragma once

#include <rivet/support/error.hpp>

namespace rivet::cli {

inline constexpr int exit_test_failed = 1;    // rivet test: a case failed
inline constexpr int exit_usage = 64;         // bad arguments, unknown board
inline constexpr int exit_bad_input = 65;     // not an ELF, wrong architecture, does not fit
inline constexpr int exit_no_input = 66;      // a named file does not exist
inline constexpr int exit_unavailable = 69;   // QEMU missing, connection refused
inline constexpr int exit_target_fault = 70;  // the firmware took a fault exception
inline constexpr int exit_io = 74;            // connection dropped, protocol or verify error
inline constexpr int exit_internal = 75;      // a bug in rivet itself
inline constexpr int exit_timeout = 124;      // --timeout passed
inline constexpr int exit_interrupted = 130;  // SIGINT or SIGTERM

// The kind's name in --json output: "usage", "bad_input", ...
inline const char* kind_name(error_kind kind) {
    switch (kind) {
        case error_kind::usage:
            return "usage";
        case error_kind::no_input:
            return "no_input";
        case error_kind::bad_input:
            return "bad_input";
        case error_kind::unavailable:
            return "unavailable";
        case error_kind::io:
            return "io";
        case error_kind::timeout:
            return "timeout";
        case error_kind::interrupted:
            return "interrupted";
        case error_kind::target_fault:
            return "target_fault";
    }
    return "io";
}

inline int exit_code_for(error_kind kind) {
    switch (kind) {
        case error_kind::usage:
            return exit_usage;
        case error_kind::no_input:
            return exit_no_input;
        case error_kind::bad_input:
            return exit_bad_input;
        case error_kind::unavailable:
            return exit_unavailable;
        case error_kind::io:
            return exit_io;
        case error_kind::timeout:
            return exit_timeout;
        case error_kind::interrupted:
            return exit_interrupted;
        case error_kind::target_fault:
            return exit_target_fault;
    }
    return exit_io;
}

}  // namespace rivet::cli
