#include <rivet/rtt/rtt.hpp>
#include <rivet/support/error.hpp>

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <map>
#include <string>

namespace rivet::rtt {
namespace {

namespace layout = contracts::rtt;

// RAM as a byte array; every other probe operation is unused here.
class memory_probe : public probe::probe {
public:
    memory_probe(std::uint32_t base, std::size_t size) : base_(base), ram_(size) {}
    std::string describe() const override { return "memory"; }
    std::vector<std::uint8_t> read_memory(std::uint32_t address, std::size_t length) override {
        check(address, length);
        return {ram_.begin() + (address - base_), ram_.begin() + (address - base_ + length)};
    }
    void write_memory(std::uint32_t address, std::span<const std::uint8_t> data) override {
        check(address, data.size());
        std::memcpy(ram_.data() + (address - base_), data.data(), data.size());
    }
    std::uint32_t read_register(std::string_view) override { return 0; }
    void write_register(std::string_view, std::uint32_t) override {}
    bool has_register(std::string_view) const override { return false; }
    void set_breakpoint(std::uint32_t) override {}
    void clear_breakpoint(std::uint32_t) override {}
    void run() override {}
    void halt() override {}
    std::optional<rivet::probe::stop_event> wait_stop(std::chrono::milliseconds) override {
        return {};
    }

    void put32(std::uint32_t address, std::uint32_t value) {
        write_memory(address, std::span(reinterpret_cast<const std::uint8_t*>(&value), 4));
    }
    std::uint32_t get32(std::uint32_t address) {
        auto b = read_memory(address, 4);
        std::uint32_t v;
        std::memcpy(&v, b.data(), 4);
        return v;
    }
    void put(std::uint32_t address, std::string_view text) {
        write_memory(address,
                     std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
    }

private:
    void check(std::uint32_t address, std::size_t length) const {
        if (address < base_ || address - base_ + length > ram_.size()) {
            throw Error(ErrorKind::io, "outside RAM");
        }
    }
    std::uint32_t base_;
    std::vector<std::uint8_t> ram_;
};

constexpr std::uint32_t ram = 0x20000000;
constexpr std::uint32_t block_at = ram + 0x1234 * 4;
constexpr std::uint32_t buffer_at = ram + 0x100;
constexpr std::uint32_t name_at = ram + 0x40;

// A control block as another RTT implementation might lay it out: two up
// channels, one down, written field by field.
void build_block(memory_probe& m, bool with_id = true) {
    m.put(name_at, std::string("Terminal\0", 9));
    m.put32(block_at + 16, 2);
    m.put32(block_at + 20, 1);
    for (std::uint32_t i = 0; i < 3; ++i) {
        const auto d = block_at + 24 + i * 24;
        m.put32(d + 0, name_at);
        m.put32(d + 4, buffer_at + i * 64);
        m.put32(d + 8, 64);
    }
    if (with_id) m.put(block_at, std::string("SEGGER RTT\0\0\0\0\0\0", 16));
}

TEST(Rtt, FindsTheBlockBySymbolAndByScanning) {
    memory_probe m(ram, 0x10000);
    EXPECT_FALSE(control_block::find(m, {.address = block_at}));
    build_block(m, false);
    EXPECT_FALSE(control_block::find(m, {.scan = {{ram, 0x10000}}})) << "no ID: not complete yet";
    build_block(m);
    for (const auto& where : {location{.address = block_at}, location{.scan = {{ram, 0x10000}}}}) {
        auto block = control_block::find(m, where);
        ASSERT_TRUE(block);
        EXPECT_EQ(block->address(), block_at);
        ASSERT_EQ(block->up().size(), 2u);
        EXPECT_EQ(block->down().size(), 1u);
        EXPECT_EQ(block->up()[0].name, "Terminal");
        EXPECT_EQ(block->up()[1].buffer, buffer_at + 64);
    }
}

TEST(Rtt, ReadsAcrossTheWrapAndAdvancesTheReadOffset) {
    memory_probe m(ram, 0x10000);
    build_block(m);
    auto block = *control_block::at(m, block_at);
    const auto d = block_at + 24;
    m.put(buffer_at + 60, "abcd");
    m.put(buffer_at, "ef");
    m.put32(d + 12, 2);   // write offset
    m.put32(d + 16, 60);  // read offset
    auto bytes = block.read(m, 0);
    EXPECT_EQ(std::string(bytes.begin(), bytes.end()), "abcdef");
    EXPECT_EQ(m.get32(d + 16), 2u);
    EXPECT_TRUE(block.read(m, 0).empty());
}

TEST(Rtt, SwitchesTheModeKeepingOtherFlags) {
    memory_probe m(ram, 0x10000);
    build_block(m);
    auto block = *control_block::at(m, block_at);
    m.put32(block_at + 24 + 20, 0x100);
    block.set_mode(m, 0, layout::mode::block_if_full);
    EXPECT_EQ(m.get32(block_at + 24 + 20), 0x102u);
    EXPECT_EQ(block.mode(m, 0), layout::mode::block_if_full);
}

TEST(Rtt, RefusesNonsense) {
    memory_probe m(ram, 0x10000);
    build_block(m);
    m.put32(block_at + 16, 1000);
    EXPECT_THROW((void)control_block::at(m, block_at), Error);
    build_block(m);
    m.put32(block_at + 24 + 12, 999);
    EXPECT_THROW((void)control_block::at(m, block_at)->read(m, 0), Error);
}

TEST(Rtt, ServiceStreamsBytesAndBacksOffWhenIdle) {
    memory_probe m(ram, 0x10000);
    std::string got;
    service s({.where = {.address = block_at}, .blocking = true},
              [&](std::size_t, const std::string&, std::span<const std::uint8_t> b) {
                  got.append(b.begin(), b.end());
              });
    s.poll(m);  // not there yet
    build_block(m);
    m.put(buffer_at, "hello");
    m.put32(block_at + 24 + 12, 5);
    s.poll(m);
    EXPECT_EQ(got, "hello");
    EXPECT_EQ(m.get32(block_at + 44) & 3, 2u) << "switched to blocking";
    const auto busy = s.poll_interval();
    for (int i = 0; i < 10; ++i) s.poll(m);
    EXPECT_GT(s.poll_interval(), busy);
    EXPECT_EQ(s.poll_interval(), std::chrono::milliseconds(50));
}

TEST(Rtt, StartModeWrittenAtAttachLeavesTheFirmwaresLaterChoiceAlone) {
    memory_probe m(ram, 0x10000);
    constexpr std::uint32_t start_mode = ram + 0x20;
    service s({.where = {.address = block_at}, .start_mode_address = start_mode},
              [](std::size_t, const std::string&, std::span<const std::uint8_t>) {});
    s.attach(m);
    EXPECT_EQ(m.get32(start_mode), 2u) << "the firmware will start in block_if_full";
    build_block(m);  // the firmware then chose no_block_skip itself
    s.poll(m);
    EXPECT_EQ(m.get32(block_at + 24 + 20) & 3, 0u);
}

constexpr std::uint32_t down_descriptor = block_at + 24 + 2 * 24;
constexpr std::uint32_t down_buffer = buffer_at + 2 * 64;

std::string ring_text(memory_probe& m, std::uint32_t from, std::uint32_t count) {
    std::string text;
    for (std::uint32_t i = 0; i < count; ++i) {
        text += static_cast<char>(m.read_memory(down_buffer + (from + i) % 64, 1)[0]);
    }
    return text;
}

TEST(Rtt, WritesTheDownChannelAcrossTheWrapKeepingOneByteFree) {
    memory_probe m(ram, 0x10000);
    build_block(m);
    m.put32(down_descriptor + 12, 60);  // WrOff
    m.put32(down_descriptor + 16, 60);  // RdOff: empty
    auto block = control_block::at(m, block_at);
    ASSERT_TRUE(block);
    std::string text;
    for (int i = 0; i < 70; ++i) text += static_cast<char>('A' + i % 26);
    const auto sent =
        block->write(m, 0, std::span(reinterpret_cast<const std::uint8_t*>(text.data()), 70));
    EXPECT_EQ(sent, 63u);
    EXPECT_EQ(m.get32(down_descriptor + 12), 59u);
    EXPECT_EQ(ring_text(m, 60, 63), text.substr(0, 63));
    m.put32(down_descriptor + 16, 59);  // the firmware read everything
    const auto rest =
        block->write(m, 0, std::span(reinterpret_cast<const std::uint8_t*>(text.data()) + 63, 7));
    EXPECT_EQ(rest, 7u);
    EXPECT_EQ(ring_text(m, 59, 7), text.substr(63));
    m.put32(down_descriptor + 12, 70);
    EXPECT_THROW((void)block->write(m, 0, std::span<const std::uint8_t>()), Error);
}

TEST(Rtt, ServiceFeedsInputToTheDownChannelAsRoomAllows) {
    memory_probe m(ram, 0x10000);
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    service s({.where = {.address = block_at}, .blocking = false, .input_fd = fds[0]},
              [](std::size_t, const std::string&, std::span<const std::uint8_t>) {});
    std::string typed(100, 'x');
    for (std::size_t i = 0; i < typed.size(); ++i) typed[i] = static_cast<char>('a' + i % 26);
    ASSERT_EQ(::write(fds[1], typed.data(), typed.size()), 100);
    ::close(fds[1]);
    s.poll(m);  // no block yet: the input waits
    build_block(m);
    s.poll(m);
    EXPECT_EQ(m.get32(down_descriptor + 12), 63u) << "a full ring less one byte";
    EXPECT_EQ(ring_text(m, 0, 63), typed.substr(0, 63));
    EXPECT_EQ(s.poll_interval(), std::chrono::milliseconds(1)) << "input still pending";
    s.poll(m);
    EXPECT_EQ(m.get32(down_descriptor + 12), 63u) << "nothing overwritten while full";
    m.put32(down_descriptor + 16, 63);  // the firmware caught up
    s.poll(m);
    EXPECT_EQ(m.get32(down_descriptor + 12), (63u + 37u) % 64u);
    EXPECT_EQ(ring_text(m, 63, 37), typed.substr(63));
    ::close(fds[0]);
}

}  // namespace
}  // namespace rivet::rtt
