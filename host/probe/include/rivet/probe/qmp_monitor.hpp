// A non-blocking QMP connection to the QEMU that rivet started, for the two
// things the GDB stub cannot do without halting the guest: waking QEMU's
// main loop, and reading a device register while the core runs.
//
// Why wake: QEMU 7.2's chardev layer only re-checks whether a UART can take
// input when its main loop runs an iteration (io_watch_poll_prepare in
// chardev/char-io.c), and some UART models never ask for one when they make
// room (the nRF51 UART on STARTRX, the CMSDK APB UART on reading DATA or
// enabling RX: neither calls qemu_chr_fe_accept_input). Bytes already in
// QEMU's stdin pipe then wait until something else wakes the loop. A QMP
// command is handled by the main loop, so each one is such a wake; the GDB
// connection is no use for this, as any byte on it halts a running guest.
//
// Why read: some UART models lose what they receive before the firmware
// has set them up (board description, "qemu.console_ready"); the input
// forwarder holds input back until a register says the receiver is on.
//
// The owner polls fd() for input and calls receive() when it is readable;
// wake() and read_word() send a request when none is outstanding.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rivet::probe {

class qmp_monitor {
public:
    // Takes ownership of a connected stream socket whose other end is a QMP
    // monitor (-chardev socket,fd=N -mon chardev=...,mode=control).
    explicit qmp_monitor(int fd) : fd_(fd) {}
    ~qmp_monitor() { close(); }
    qmp_monitor(const qmp_monitor&) = delete;
    qmp_monitor& operator=(const qmp_monitor&) = delete;

    // -1 once the connection is gone (QEMU exited, or spoke nonsense).
    [[nodiscard]] int fd() const { return fd_; }
    // The capabilities handshake is done, so requests are sent.
    [[nodiscard]] bool ready() const { return state_ == state::ready; }
    // Requests answered so far (each one a main-loop iteration in QEMU).
    [[nodiscard]] unsigned long answered() const { return answered_; }
    // The word the last answered read_word() found; nullopt before, or when
    // QEMU could not read that address.
    [[nodiscard]] std::optional<std::uint32_t> last_word() const { return last_word_; }

    // Reads what QEMU sent: the greeting (answered with qmp_capabilities),
    // replies, and asynchronous events (ignored). False, and the socket
    // closed, when QEMU hung up or broke the protocol.
    bool receive();

    // Asks QEMU for its run state, which costs it one main-loop iteration
    // and leaves the guest alone. Sends nothing before the handshake or
    // while a request is unanswered (a busy QEMU gets no backlog). False
    // when the connection is gone.
    bool wake();

    // Asks for the 32-bit word at a physical address (a device register,
    // read as the core would, without halting it); the answer lands in
    // last_word(). Sends nothing before the handshake or while a request is
    // unanswered. False when the connection is gone.
    bool read_word(std::uint32_t address);

    // Sends a command (`{"execute":...}`, without the newline) whose
    // answer's "return" lands in last_return(); nothing while the handshake
    // or another request is outstanding (then false, as when the connection
    // is gone: check ready() first).
    bool ask(std::string_view command);
    // The "return" of the last answered ask(); null after an error reply.
    [[nodiscard]] const nlohmann::json& last_return() const { return last_return_; }

    void close();

private:
    enum class state { greeting, negotiating, ready };
    enum class request { none, status, word, other };

    bool take_line(std::string_view line);
    bool send(std::string_view text) const;
    bool fail();

    int fd_ = -1;
    state state_ = state::greeting;
    request outstanding_ = request::none;
    unsigned long answered_ = 0;
    std::optional<std::uint32_t> last_word_;
    nlohmann::json last_return_;
    std::string input_;
};

// The value in the text QEMU's `xp /1wx ADDRESS` prints
// ("0000000040011000: 0x0000200c"), or nullopt.
std::optional<std::uint32_t> parse_xp_word(std::string_view text);

}  // namespace rivet::probe
