// Host-side error reporting: every failure travels up to the CLI as one
// rivet::error that carries its kind (which picks the documented exit code)
// and a one-line message that already names the file, address or peer.
#pragma once

#include <stdexcept>
#include <string>

namespace rivet {

// One kind per documented exit code (docs/exit-codes.md).
enum class error_kind {
    usage,         // bad command line or unknown board
    no_input,      // a named file does not exist or cannot be read
    bad_input,     // a file exists but is malformed or unsuitable
    unavailable,   // a required program or peer is missing or refused us
    io,            // a connection dropped or a peer broke the protocol
    timeout,       // a deadline passed
    interrupted,   // SIGINT / SIGTERM
    target_fault,  // the firmware took a fault exception
};

class error : public std::runtime_error {
public:
    error(error_kind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    [[nodiscard]] error_kind kind() const noexcept { return kind_; }

private:
    error_kind kind_;
};

}  // namespace rivet
