#include "rivet/rsp/client.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rivet/support/error.hpp>

namespace rivet::rsp {
namespace {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// A GDB server on one end of a socket: acks and decodes what the client sends
// and answers through a handler that returns raw wire strings to send.
class fake_server {
public:
    using handler_fn = std::function<std::vector<std::string>(const std::string&)>;

    // Over a socketpair; client_fd() is the other end.
    explicit fake_server(handler_fn handler) : handler_(std::move(handler)) {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) std::abort();
        client_fd_ = fds[0];
        fd_ = fds[1];
        thread_ = std::thread([this] { run(); });
    }
    // Over an accepted TCP connection.
    fake_server(handler_fn handler, int connected_fd)
        : handler_(std::move(handler)), fd_(connected_fd) {
        thread_ = std::thread([this] { run(); });
    }
    ~fake_server() {
        stop_ = true;
        thread_.join();
        ::close(fd_);
    }

    [[nodiscard]] int client_fd() const { return client_fd_; }
    void nack_next(int count) { nacks_to_send_ = count; }
    void set_acks(bool on) { send_acks_ = on; }
    // Answer the next packet with this stop reply only, as QEMU does when a
    // packet arrives while the target runs.
    void halt_on_next_packet(std::string wire) {
        std::lock_guard lock(mutex_);
        halt_reply_ = std::move(wire);
    }
    // What to send when the client nacks, instead of repeating the last reply.
    void set_resend(std::string wire) {
        std::lock_guard lock(mutex_);
        resend_ = std::move(wire);
    }
    void close_connection() { ::shutdown(fd_, SHUT_RDWR); }

    std::vector<std::string> received() {
        std::lock_guard lock(mutex_);
        return received_;
    }
    int acks_received() const { return acks_; }
    int nacks_received() const { return nacks_; }

private:
    void send(std::string_view bytes) {
        (void)::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    }

    void run() {
        packet_decoder decoder;
        std::string last_reply;
        char buf[4096];
        while (!stop_) {
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, 10) <= 0) continue;
            ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n <= 0) break;
            decoder.feed(std::string_view(buf, static_cast<std::size_t>(n)));
            while (auto e = decoder.next()) {
                std::string request;
                switch (e->type) {
                    case event::kind::ack:
                        ++acks_;
                        continue;
                    case event::kind::nack:
                        ++nacks_;
                        {
                            std::lock_guard lock(mutex_);
                            if (!resend_.empty()) last_reply = resend_;
                        }
                        send(last_reply);
                        continue;
                    case event::kind::interrupt:
                        request = "\x03";
                        break;
                    case event::kind::packet:
                        request = e->payload;
                        break;
                    default:
                        send("-");
                        continue;
                }
                {
                    std::lock_guard lock(mutex_);
                    received_.push_back(request);
                }
                if (request != "\x03") {
                    std::string halt;
                    {
                        std::lock_guard lock(mutex_);
                        halt.swap(halt_reply_);
                    }
                    if (!halt.empty()) {
                        send(halt);
                        last_reply = halt;
                        continue;
                    }
                    if (nacks_to_send_ > 0) {
                        --nacks_to_send_;
                        send("-");
                        continue;
                    }
                    if (send_acks_) send("+");
                }
                for (const std::string& reply : handler_(request)) {
                    send(reply);
                    last_reply = reply;
                }
            }
        }
    }

    handler_fn handler_;
    int fd_{-1};
    int client_fd_{-1};
    std::atomic<bool> stop_{false};
    std::atomic<int> nacks_to_send_{0};
    std::atomic<bool> send_acks_{true};
    std::atomic<int> acks_{0};
    std::atomic<int> nacks_{0};
    std::mutex mutex_;
    std::vector<std::string> received_;
    std::string resend_;
    std::string halt_reply_;
    std::thread thread_;
};

const char* const target_xml = R"(<?xml version="1.0"?>
<!DOCTYPE target SYSTEM "gdb-target.dtd">
<target>
  <architecture>arm</architecture>
  <xi:include href="arm-m-profile.xml"/>
  <xi:include href="extra.xml"/>
</target>
)";

const char* const m_profile_xml = R"(<?xml version="1.0"?>
<!DOCTYPE feature SYSTEM "gdb-target.dtd">
<feature name="org.gnu.gdb.arm.m-profile">
  <reg name="r0" bitsize="32"/> <reg name="r1" bitsize="32"/> <reg name="r2" bitsize="32"/>
  <reg name="r3" bitsize="32"/> <reg name="r4" bitsize="32"/> <reg name="r5" bitsize="32"/>
  <reg name="r6" bitsize="32"/> <reg name="r7" bitsize="32"/> <reg name="r8" bitsize="32"/>
  <reg name="r9" bitsize="32"/> <reg name="r10" bitsize="32"/> <reg name="r11" bitsize="32"/>
  <reg name="r12" bitsize="32"/>
  <reg name="sp" bitsize="32" type="data_ptr"/>
  <reg name="lr" bitsize="32"/>
  <reg name="pc" bitsize="32" type="code_ptr"/>
  <reg name="xpsr" bitsize="32" regnum="25"/>
</feature>
)";

// Sequential numbering continues across files; '}' and '*' exercise escaping.
const char* const extra_xml = R"(<?xml version="1.0"?>
<feature name="org.rivet.test">
  <!-- braces } and stars * must survive the binary escaping -->
  <reg name="msp" bitsize="32" regnum="91"/>
  <reg name="psp" bitsize="32"/>
  <reg name="d0" bitsize="64"/>
</feature>
)";

std::string pkt(std::string_view payload) {
    return encode_packet(payload);
}

// A Cortex-M-like target: 64 KiB RAM at 0x20000000, registers by regnum.
struct fake_target {
    std::vector<std::uint8_t> ram = std::vector<std::uint8_t>(0x10000);
    std::map<unsigned, std::vector<std::uint8_t>> regs;
    bool description_read = false;
    std::string packet_size = "100";  // hex: 256 bytes
    std::string extra_features;
    std::size_t xfer_chunk = 50;  // serve descriptions in small pieces

    fake_target() {
        for (unsigned i = 0; i < 16; ++i) regs[i] = {static_cast<std::uint8_t>(i), 0, 0, 0};
        regs[15] = {0x00, 0x01, 0x00, 0x00};  // pc = 0x100
        regs[25] = {0x00, 0x00, 0x00, 0x01};  // xpsr = 0x01000000 (Thumb)
        regs[93] = {1, 2, 3, 4, 5, 6, 7, 8};  // d0
    }

    std::vector<std::string> operator()(const std::string& req) {
        if (req.starts_with("qSupported:")) {
            return {pkt("PacketSize=" + packet_size + ";qXfer:features:read+" + extra_features)};
        }
        if (req.starts_with("qXfer:features:read:")) return {xfer(req)};
        if (req == "?") return {pkt("T05thread:01;")};
        if (req[0] == 'm' || req[0] == 'M') return {memory(req)};
        if (req[0] == 'p' || req[0] == 'P') return {registers(req)};
        if (req.starts_with("Z0,") || req.starts_with("z0,")) return {pkt("OK")};
        if (req.starts_with("Z1,")) return {pkt("")};
        if (req == "D") return {pkt("OK")};
        return {pkt("")};
    }

    std::string xfer(const std::string& req) {
        // qXfer:features:read:ANNEX:OFFSET,LEN
        std::string_view rest = std::string_view(req).substr(20);
        auto colon = rest.find(':');
        std::string annex(rest.substr(0, colon));
        auto comma = rest.find(',');
        auto offset = parse_hex_number(rest.substr(colon + 1, comma - colon - 1)).value();
        auto len =
            std::min<std::uint64_t>(parse_hex_number(rest.substr(comma + 1)).value(), xfer_chunk);
        std::string doc;
        if (annex == "target.xml") {
            description_read = true;
            doc = target_xml;
        } else if (annex == "arm-m-profile.xml") {
            doc = m_profile_xml;
        } else if (annex == "extra.xml") {
            doc = extra_xml;
        } else {
            return pkt("E00");
        }
        if (offset >= doc.size()) return pkt("l");
        std::string part = doc.substr(offset, len);
        return pkt((offset + part.size() >= doc.size() ? "l" : "m") + part);
    }

    std::string memory(const std::string& req) {
        auto comma = req.find(',');
        auto addr = parse_hex_number(std::string_view(req).substr(1, comma - 1)).value();
        auto colon = req.find(':');
        auto len =
            parse_hex_number(std::string_view(req).substr(comma + 1, colon - comma - 1)).value();
        if (addr < 0x20000000 || addr + len > 0x20000000 + ram.size()) return pkt("E14");
        std::size_t at = addr - 0x20000000;
        if (req[0] == 'm') {
            return pkt(to_hex(std::span(ram).subspan(at, len)));
        }
        auto bytes = from_hex(std::string_view(req).substr(colon + 1)).value();
        if (bytes.size() != len) return pkt("E01");
        std::copy(bytes.begin(), bytes.end(), ram.begin() + static_cast<long>(at));
        return pkt("OK");
    }

    std::string registers(const std::string& req) {
        // Like QEMU 7.2: p/P fail until the description was read.
        if (!description_read) return pkt("");
        if (req[0] == 'p') {
            auto n = parse_hex_number(std::string_view(req).substr(1)).value();
            if (!regs.contains(n)) return pkt("E45");
            return pkt(to_hex(regs[n]));
        }
        auto eq = req.find('=');
        auto n = parse_hex_number(std::string_view(req).substr(1, eq - 1)).value();
        regs[n] = from_hex(std::string_view(req).substr(eq + 1)).value();
        return pkt("OK");
    }
};

client_options quick() {
    client_options o;
    o.timeout = 300ms;
    return o;
}

client make_client(fake_server& server, client_options options = quick()) {
    return client(std::make_unique<socket_transport>(server.client_fd(), "fake"), options);
}

template <typename F>
error_kind kind_of(F&& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const error& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    ADD_FAILURE() << "no rivet::error thrown";
    return error_kind::usage;
}

TEST(rsp_client, handshake_builds_register_table_from_includes) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();

    EXPECT_EQ(c.packet_size(), 256u);
    EXPECT_FALSE(c.no_ack_mode());
    ASSERT_NE(c.find_register("r0"), nullptr);
    EXPECT_EQ(c.find_register("r0")->regnum, 0u);
    EXPECT_EQ(c.find_register("sp")->regnum, 13u);
    EXPECT_EQ(c.find_register("pc")->regnum, 15u);
    EXPECT_EQ(c.find_register("xpsr")->regnum, 25u);
    EXPECT_EQ(c.find_register("msp")->regnum, 91u);
    EXPECT_EQ(c.find_register("psp")->regnum, 92u);
    EXPECT_EQ(c.find_register("d0")->regnum, 93u);
    EXPECT_EQ(c.find_register("d0")->bitsize, 64u);
    EXPECT_EQ(c.registers().size(), 20u);
    EXPECT_EQ(c.find_register("nope"), nullptr);

    ASSERT_TRUE(c.last_stop().has_value());
    EXPECT_EQ(c.last_stop()->type, stop_reply::kind::signal);
    EXPECT_EQ(c.last_stop()->code, 5);

    auto sent = server.received();
    ASSERT_GE(sent.size(), 5u);
    EXPECT_EQ(sent.front(),
              "qSupported:multiprocess-;swbreak+;hwbreak+;qRelocInsn-;xmlRegisters=arm");
    EXPECT_EQ(sent[1], "qXfer:features:read:target.xml:0,fb");
    EXPECT_EQ(sent.back(), "?");
    auto count = [&](std::string_view prefix) {
        return std::count_if(sent.begin(), sent.end(),
                             [&](const std::string& s) { return s.starts_with(prefix); });
    };
    // Served in 50-byte pieces, so each document takes several requests.
    EXPECT_GT(count("qXfer:features:read:target.xml:"), 1);
    EXPECT_GT(count("qXfer:features:read:arm-m-profile.xml:"), 1);
    EXPECT_GT(count("qXfer:features:read:extra.xml:"), 1);
    EXPECT_EQ(server.nacks_received(), 0);
}

TEST(rsp_client, memory_is_chunked_to_packet_size) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();

    std::vector<std::uint8_t> data(300);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
    c.write_memory(0x20000010, data);
    EXPECT_TRUE(std::equal(data.begin(), data.end(), target.ram.begin() + 0x10));
    EXPECT_EQ(c.read_memory(0x20000010, 300), data);
    EXPECT_TRUE(c.read_memory(0x20000000, 0).empty());

    std::vector<std::string> memory_requests;
    for (const auto& s : server.received()) {
        if (s[0] == 'm') memory_requests.push_back(s);
        if (s[0] == 'M') {
            memory_requests.push_back(s.substr(0, s.find(':')));
            EXPECT_LE(encode_packet(s).size(), 256u);
        }
    }
    // (256 - 4) / 2 = 126 bytes per read; (256 - 23) / 2 = 116 per write.
    EXPECT_EQ(memory_requests,
              (std::vector<std::string>{"M20000010,74", "M20000084,74", "M200000f8,44",
                                        "m20000010,7e", "m2000008e,7e", "m2000010c,30"}));
}

TEST(rsp_client, refused_memory_access_names_the_address) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0x1fffff00, 4); }, &message), error_kind::io);
    EXPECT_EQ(message, "target refused to read 4 bytes at 0x1fffff00 (E14)");
    std::uint8_t byte = 1;
    EXPECT_EQ(kind_of([&] { c.write_memory(0x10, std::span(&byte, 1)); }, &message),
              error_kind::io);
    EXPECT_EQ(message, "target refused to write 1 bytes at 0x00000010 (E14)");
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0xfffffff0, 0x20); }), error_kind::usage);
}

TEST(rsp_client, registers) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();

    EXPECT_EQ(c.read_register("pc"), 0x100u);
    EXPECT_EQ(c.read_register("xpsr"), 0x01000000u);
    c.write_register("sp", 0x2000fff0);
    EXPECT_EQ(target.regs[13], (std::vector<std::uint8_t>{0xf0, 0xff, 0x00, 0x20}));
    EXPECT_EQ(c.read_register("sp"), 0x2000fff0u);
    EXPECT_EQ(c.read_register_bytes("d0"), (std::vector<std::uint8_t>{1, 2, 3, 4, 5, 6, 7, 8}));
    auto sent = server.received();
    EXPECT_NE(std::find(sent.begin(), sent.end(), "pf"), sent.end());
    EXPECT_NE(std::find(sent.begin(), sent.end(), "p19"), sent.end());
    EXPECT_NE(std::find(sent.begin(), sent.end(), "Pd=f0ff0020"), sent.end());

    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_register("r99"); }, &message), error_kind::usage);
    EXPECT_NE(message.find("r99"), std::string::npos);
    EXPECT_EQ(kind_of([&] { (void)c.read_register("d0"); }), error_kind::usage);
    EXPECT_EQ(kind_of([&] { (void)c.read_register("msp"); }, &message), error_kind::io);
    EXPECT_NE(message.find("msp"), std::string::npos);
}

TEST(rsp_client, breakpoints_and_detach) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();
    c.insert_breakpoint(0x8000, false);
    c.remove_breakpoint(0x8000, false);
    std::string message;
    EXPECT_EQ(kind_of([&] { c.insert_breakpoint(0x8000, true); }, &message),
              error_kind::unavailable);
    EXPECT_NE(message.find("hardware breakpoint at 0x00008000"), std::string::npos);
    c.detach();
    auto sent = server.received();
    EXPECT_EQ(std::vector<std::string>(sent.end() - 4, sent.end()),
              (std::vector<std::string>{"Z0,8000,2", "z0,8000,2", "Z1,8000,2", "D"}));
}

TEST(rsp_client, run_until_exit_with_console_output) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "c")
            return {pkt("O" + to_hex(std::string_view("hello "))),
                    pkt("O" + to_hex(std::string_view("world\n"))), pkt("W03")};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    c.cont();
    std::string output;
    auto stop = c.wait_stop(1s, [&](std::string_view text) { output += text; });
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->type, stop_reply::kind::exited);
    EXPECT_EQ(stop->code, 3);
    EXPECT_EQ(output, "hello world\n");
    EXPECT_EQ(c.last_stop()->type, stop_reply::kind::exited);
    // Every packet from the server was acknowledged, the three above included.
    auto deadline = steady::now() + 1s;
    int expected_acks = 0;
    for (const auto& s : server.received()) expected_acks += s == "c" ? 3 : 1;
    while (server.acks_received() < expected_acks && steady::now() < deadline) {
        std::this_thread::sleep_for(1ms);
    }
    EXPECT_EQ(server.acks_received(), expected_acks);
}

// QEMU sends W and exits at once (semihosting exit): the ack the client
// owes may find the connection closed, and the exit is still the news.
TEST(rsp_client, exit_whose_server_hangs_up_before_the_ack) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "c") return {pkt("W00")};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    c.cont();
    auto deadline = steady::now() + 1s;
    while (server.received().back() != "c" && steady::now() < deadline) {
        std::this_thread::sleep_for(1ms);
    }
    std::this_thread::sleep_for(20ms);  // W is on its way
    server.close_connection();
    auto stop = c.wait_stop(1s, {});
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->type, stop_reply::kind::exited);
    EXPECT_EQ(stop->code, 0);
}

TEST(rsp_client, interrupt_stops_a_running_target) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "c") return {};
        if (req == "\x03") return {pkt("T02thread:01;0f:34120000;")};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    c.cont();
    auto start = steady::now();
    EXPECT_FALSE(c.wait_stop(50ms).has_value());
    EXPECT_LT(steady::now() - start, 500ms);
    c.interrupt();
    auto stop = c.wait_stop(1s);
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->type, stop_reply::kind::signal);
    EXPECT_EQ(stop->code, 2);
    EXPECT_EQ(stop->register_u32(15).value(), 0x1234u);
    EXPECT_EQ(server.received().back(), "\x03");
}

TEST(rsp_client, request_while_running_halts_like_qemu) {
    fake_target target;
    // QEMU 7.2: the first byte received while running halts the target; the
    // stub reports T02 and drops that packet without acking it.
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "c") return {};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    target.ram[4] = 0x5a;
    c.cont();
    server.halt_on_next_packet(pkt("T02thread:01;"));
    EXPECT_EQ(c.read_memory(0x20000004, 1), std::vector<std::uint8_t>{0x5a});
    ASSERT_TRUE(c.last_stop().has_value());
    EXPECT_EQ(c.last_stop()->code, 2);
    auto sent = server.received();
    EXPECT_EQ(std::count(sent.begin(), sent.end(), "m20000004,1"), 2);

    // The provoked stop is reported by wait_stop until the target resumes.
    auto stop = c.wait_stop(0ms);
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->code, 2);
    server.halt_on_next_packet(pkt("T02thread:01;"));
    (void)c.read_memory(0x20000004, 1);
    c.cont();
    EXPECT_FALSE(c.wait_stop(20ms).has_value());
}

TEST(rsp_client, exit_during_a_request_is_reported) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req.starts_with("m")) return {pkt("W05")};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0x20000000, 4); }, &message), error_kind::io);
    EXPECT_EQ(message, "the target exited with code 5 before fake answered 'm20000000,4'");
    auto stop = c.wait_stop(0ms);
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->type, stop_reply::kind::exited);
    EXPECT_EQ(stop->code, 5);
}

TEST(rsp_client, monitor_collects_output) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "qRcmd," + to_hex(std::string_view("info registers"))) {
            return {pkt("O" + to_hex(std::string_view("R00=0\n"))),
                    pkt("O" + to_hex(std::string_view("R01=1\n"))), pkt("OK")};
        }
        if (req.starts_with("qRcmd,")) return {pkt("E01")};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    EXPECT_EQ(c.monitor("info registers"), "R00=0\nR01=1\n");
    EXPECT_EQ(kind_of([&] { (void)c.monitor("bogus"); }), error_kind::io);
}

TEST(rsp_client, nack_causes_retransmit) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();
    target.ram[0] = 0xab;
    server.nack_next(2);
    EXPECT_EQ(c.read_memory(0x20000000, 1), std::vector<std::uint8_t>{0xab});
    auto sent = server.received();
    EXPECT_EQ(std::count(sent.begin(), sent.end(), "m20000000,1"), 3);

    server.nack_next(10);
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0x20000000, 1); }, &message), error_kind::io);
    EXPECT_NE(message.find("rejected 'm20000000,1' 4 times"), std::string::npos) << message;
}

TEST(rsp_client, corrupted_reply_is_nacked_and_resent) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "m20000000,2") return {"$0102#00"};  // wrong checksum
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    server.set_resend(pkt("0102"));
    EXPECT_EQ(c.read_memory(0x20000000, 2), (std::vector<std::uint8_t>{1, 2}));
    EXPECT_EQ(server.nacks_received(), 1);

    // A server that keeps sending it broken: nacked max_retransmits times, then io.
    server.set_resend("$0102#00");
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0x20000000, 2); }, &message), error_kind::io);
    EXPECT_NE(message.find("corrupted packet '0102' (checksum c3, received 00)"), std::string::npos)
        << message;
    EXPECT_EQ(server.nacks_received(), 1 + 3);
}

TEST(rsp_client, silent_server_times_out) {
    fake_server server([](const std::string&) { return std::vector<std::string>{}; });
    server.set_acks(false);
    client c = make_client(server);
    auto start = steady::now();
    std::string message;
    EXPECT_EQ(kind_of([&] { c.handshake(); }, &message), error_kind::timeout);
    auto elapsed = steady::now() - start;
    EXPECT_GE(elapsed, 290ms);
    EXPECT_LT(elapsed, 1500ms);
    EXPECT_NE(message.find("no acknowledgement from fake for 'qSupported"), std::string::npos)
        << message;
}

TEST(rsp_client, ack_without_reply_times_out) {
    fake_target target;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req.starts_with("m")) return {};
        return target(req);
    });
    client c = make_client(server);
    c.handshake();
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0x20000000, 4); }, &message), error_kind::timeout);
    EXPECT_EQ(message, "no reply from fake to 'm20000000,4' within 300 ms");
}

TEST(rsp_client, closed_connection_is_io) {
    fake_target target;
    fake_server server(std::ref(target));
    client c = make_client(server);
    c.handshake();
    server.close_connection();
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)c.read_memory(0x20000000, 4); }, &message), error_kind::io);
    EXPECT_NE(message.find("fake"), std::string::npos) << message;
}

TEST(rsp_client, kill_tolerates_a_server_that_hangs_up) {
    fake_target target;
    fake_server* self = nullptr;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "k") {
            self->close_connection();
            return {};
        }
        return target(req);
    });
    self = &server;
    client c = make_client(server);
    c.handshake();
    auto start = steady::now();
    c.kill();
    EXPECT_LT(steady::now() - start, 1s);
    EXPECT_EQ(server.received().back(), "k");
}

TEST(rsp_client, no_ack_mode_when_offered) {
    fake_target target;
    target.extra_features = ";QStartNoAckMode+";
    fake_server* self = nullptr;
    fake_server server([&](const std::string& req) -> std::vector<std::string> {
        if (req == "QStartNoAckMode") {
            auto reply = pkt("OK");
            self->set_acks(false);
            return {reply};
        }
        return target(req);
    });
    self = &server;
    client c = make_client(server);
    c.handshake();
    EXPECT_TRUE(c.no_ack_mode());
    int acks = server.acks_received();
    EXPECT_EQ(c.read_register("pc"), 0x100u);
    std::this_thread::sleep_for(20ms);
    EXPECT_EQ(server.acks_received(), acks);
}

TEST(rsp_client, without_target_description_uses_default_table) {
    fake_server server([](const std::string& req) -> std::vector<std::string> {
        if (req.starts_with("qSupported")) return {pkt("PacketSize=400")};
        if (req == "?") return {pkt("S05")};
        return {pkt("")};
    });
    client c = make_client(server);
    c.handshake();
    EXPECT_EQ(c.packet_size(), 1024u);
    EXPECT_EQ(c.find_register("pc")->regnum, 15u);
    EXPECT_EQ(c.find_register("xpsr")->regnum, 25u);
    auto sent = server.received();
    EXPECT_EQ(sent,
              (std::vector<std::string>{
                  "qSupported:multiprocess-;swbreak+;hwbreak+;qRelocInsn-;xmlRegisters=arm", "?"}));
}

// A loopback listener on an ephemeral port; returns {listening fd, port}.
std::pair<int, std::uint16_t> listen_loopback(bool do_listen) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) std::abort();
    if (do_listen && ::listen(fd, 1) != 0) std::abort();
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    return {fd, ntohs(addr.sin_port)};
}

TEST(rsp_transport, refused_connect_is_unavailable) {
    // Bound but not listening: the port is ours and nobody accepts on it.
    auto [fd, port] = listen_loopback(false);
    std::string message;
    EXPECT_EQ(kind_of([&, port = port] { (void)connect_tcp("127.0.0.1", port, 1s); }, &message),
              error_kind::unavailable);
    EXPECT_EQ(message, "cannot connect to gdb server at 127.0.0.1:" + std::to_string(port) +
                           ": Connection refused");
    ::close(fd);
}

TEST(rsp_transport, tcp_client_against_loopback_server) {
    auto [listener, port] = listen_loopback(true);
    auto link = connect_tcp("127.0.0.1", port, 1s);
    EXPECT_EQ(link->peer(), "127.0.0.1:" + std::to_string(port));
    int accepted = ::accept(listener, nullptr, nullptr);
    ASSERT_GE(accepted, 0);
    ::close(listener);
    // Like a real stub: '+' and the reply go out as separate small writes.
    int one = 1;
    ::setsockopt(accepted, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fake_target target;
    fake_server server(std::ref(target), accepted);
    client c(std::move(link), quick());
    c.handshake();
    EXPECT_EQ(c.read_register("pc"), 0x100u);
}

TEST(rsp_transport, eof_and_timeout_on_read) {
    int fds[2];
    ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds), 0);
    socket_transport t(fds[0], "peer:1");
    char buf[8];
    auto start = steady::now();
    EXPECT_EQ(t.read_some(buf, sizeof buf, 30ms), 0u);
    EXPECT_GE(steady::now() - start, 25ms);
    ASSERT_EQ(::write(fds[1], "ab", 2), 2);
    EXPECT_EQ(t.read_some(buf, sizeof buf, 30ms), 2u);
    ::close(fds[1]);
    std::string message;
    EXPECT_EQ(kind_of([&] { (void)t.read_some(buf, sizeof buf, 30ms); }, &message), error_kind::io);
    EXPECT_EQ(message, "connection to peer:1 closed by the peer");
    EXPECT_EQ(kind_of([&] { t.write("x"); }), error_kind::io);
}

// Against the real QEMU 7.2 stub when it is installed; skipped otherwise.
TEST(rsp_qemu, lm3s6965evb) {
    const char* qemu = "/usr/bin/qemu-system-arm";
    if (!std::filesystem::exists(qemu) || std::getenv("RIVET_SKIP_QEMU")) {
        GTEST_SKIP() << "qemu-system-arm not installed";
    }
    // Pick a free port, then let QEMU take it (the window for a race is tiny).
    auto [probe, port] = listen_loopback(false);
    ::close(probe);
    std::string gdb = "tcp:127.0.0.1:" + std::to_string(port);
    // Whatever happens below, QEMU does not outlive the test.
    struct child {
        pid_t pid;
        bool reaped = false;
        ~child() {
            if (pid > 0 && !reaped) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, nullptr, 0);
            }
        }
    } qemu_process{::fork()};
    pid_t pid = qemu_process.pid;
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, STDOUT_FILENO);
        ::dup2(devnull, STDERR_FILENO);
        ::execl(qemu, qemu, "-M", "lm3s6965evb", "-S", "-gdb", gdb.c_str(), "-display", "none",
                "-monitor", "none", "-serial", "null", "-nodefaults", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    std::unique_ptr<transport> link;
    auto deadline = steady::now() + 5s;
    while (!link && steady::now() < deadline) {
        try {
            link = connect_tcp("127.0.0.1", port, 500ms);
        } catch (const error&) {
            std::this_thread::sleep_for(20ms);
        }
    }
    ASSERT_TRUE(link) << "QEMU's gdb stub did not come up on port " << port;

    client c(std::move(link));
    c.handshake();
    EXPECT_EQ(c.packet_size(), 4096u);
    EXPECT_EQ(c.find_register("pc")->regnum, 15u);
    EXPECT_EQ(c.find_register("xpsr")->regnum, 25u);
    ASSERT_TRUE(c.last_stop().has_value());
    EXPECT_EQ(c.last_stop()->type, stop_reply::kind::signal);

    std::vector<std::uint8_t> data(3000);
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i);
    c.write_memory(0x20000000, data);
    EXPECT_EQ(c.read_memory(0x20000000, data.size()), data);
    c.write_register("r3", 0xdeadbeef);
    EXPECT_EQ(c.read_register("r3"), 0xdeadbeefu);

    // "nop; b ." at 0x20000100. The flash is empty, so set up by hand what
    // reset would have taken from the vector table.
    std::vector<std::uint8_t> code{0x00, 0xbf, 0xfe, 0xe7};
    c.write_memory(0x20000100, code);
    c.write_register("sp", 0x20001000);
    c.write_register("pc", 0x20000100);
    c.write_register("xpsr", 0x01000000);

    // A breakpoint on the loop is hit.
    c.insert_breakpoint(0x20000102, false);
    c.cont();
    auto stop = c.wait_stop(2s);
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->type, stop_reply::kind::signal);
    EXPECT_EQ(stop->code, 5);
    EXPECT_EQ(c.read_register("pc"), 0x20000102u);
    c.remove_breakpoint(0x20000102, false);

    // Without it the loop runs until interrupted.
    c.cont();
    EXPECT_FALSE(c.wait_stop(50ms).has_value());
    c.interrupt();
    stop = c.wait_stop(2s);
    ASSERT_TRUE(stop.has_value());
    EXPECT_EQ(stop->code, 2);
    EXPECT_EQ(c.read_register("pc"), 0x20000102u);

    // Reading while it runs halts it (QEMU drops that first packet).
    c.cont();
    EXPECT_EQ(c.read_memory(0x20000100, 4), code);
    ASSERT_TRUE(c.last_stop().has_value());
    EXPECT_EQ(c.last_stop()->type, stop_reply::kind::signal);
    c.cont();
    EXPECT_FALSE(c.wait_stop(20ms).has_value());
    c.interrupt();
    ASSERT_TRUE(c.wait_stop(2s).has_value());
    EXPECT_TRUE(c.monitor("info status").starts_with("VM status: paused"));

    c.kill();
    int status = 0;
    for (int i = 0; i < 200 && !qemu_process.reaped; ++i) {
        qemu_process.reaped = ::waitpid(pid, &status, WNOHANG) == pid;
        if (!qemu_process.reaped) std::this_thread::sleep_for(10ms);
    }
    EXPECT_TRUE(qemu_process.reaped) << "QEMU did not exit after 'k'";
}

}  // namespace
}  // namespace rivet::rsp
