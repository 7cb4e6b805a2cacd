#include <rivet/probe/fake_probe.hpp>
#include <rivet/rtt/rtt.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <map>
#include <string>

namespace rivet::rtt {
namespace {

namespace layout = contracts::rtt;

// RAM only: the control block and its buffers.
struct memory_probe : probe::fake_probe {
    memory_probe(std::uint32_t base, std::size_t size) { add_memory(base, size); }
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

TEST(rtt, finds_the_block_by_symbol_and_by_scanning) {
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

TEST(rtt, reads_across_the_wrap_and_advances_the_read_offset) {
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

TEST(rtt, switches_the_mode_keeping_other_flags) {
    memory_probe m(ram, 0x10000);
    build_block(m);
    auto block = *control_block::at(m, block_at);
    m.put32(block_at + 24 + 20, 0x100);
    block.set_mode(m, 0, layout::mode::block_if_full);
    EXPECT_EQ(m.get32(block_at + 24 + 20), 0x102u);
    EXPECT_EQ(block.mode(m, 0), layout::mode::block_if_full);
}

TEST(rtt, refuses_nonsense) {
    memory_probe m(ram, 0x10000);
    build_block(m);
    m.put32(block_at + 16, 1000);
    EXPECT_THROW((void)control_block::at(m, block_at), error);
    build_block(m);
    m.put32(block_at + 24 + 12, 999);
    EXPECT_THROW((void)control_block::at(m, block_at)->read(m, 0), error);
}

TEST(rtt, service_streams_bytes_and_backs_off_when_idle) {
    memory_probe m(ram, 0x10000);
    std::string got;
    service s({.where = {.address = block_at}},
              [&](std::size_t, const std::string&, std::span<const std::uint8_t> b) {
                  got.append(b.begin(), b.end());
              });
    s.poll(m);  // not there yet
    build_block(m);
    m.put(buffer_at, "hello");
    m.put32(block_at + 24 + 12, 5);
    s.poll(m);
    EXPECT_EQ(got, "hello");
    EXPECT_EQ(m.get32(block_at + 44) & 3, 0u) << "the firmware's mode is left alone";
    const auto busy = s.poll_interval();
    for (int i = 0; i < 10; ++i) s.poll(m);
    EXPECT_GT(s.poll_interval(), busy);
    EXPECT_EQ(s.poll_interval(), std::chrono::milliseconds(50));
}

TEST(rtt, start_mode_written_at_attach_leaves_the_firmwares_later_choice_alone) {
    memory_probe m(ram, 0x10000);
    constexpr std::uint32_t start_mode = ram + 0x20;
    service s({.where = {.address = block_at},
               .start_mode_address = start_mode,
               .start_mode = layout::mode::block_if_full},
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

TEST(rtt, writes_the_down_channel_across_the_wrap_keeping_one_byte_free) {
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
    EXPECT_THROW((void)block->write(m, 0, std::span<const std::uint8_t>()), error);
}

TEST(rtt, service_feeds_input_to_the_down_channel_as_room_allows) {
    memory_probe m(ram, 0x10000);
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    service s({.where = {.address = block_at}, .input_fd = fds[0]},
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

// SEGGER's RTT in its default configuration: three up and three down
// channels, only channel 0 of each configured, the rest all zero.
void build_segger_default(memory_probe& m) {
    m.put(name_at, std::string("Terminal\0", 9));
    m.put32(block_at + 16, 3);
    m.put32(block_at + 20, 3);
    for (std::uint32_t i = 0; i < 6; ++i) {
        const auto d = block_at + 24 + i * 24;
        for (std::uint32_t field = 0; field < 24; field += 4) m.put32(d + field, 0);
    }
    for (const std::uint32_t channel : {0u, 3u}) {
        const auto d = block_at + 24 + channel * 24;
        m.put32(d + 0, name_at);
        m.put32(d + 4, buffer_at + channel * 64);
        m.put32(d + 8, 64);
    }
    m.put(block_at, std::string("SEGGER RTT\0\0\0\0\0\0", 16));
}

TEST(rtt, unconfigured_channels_are_skipped_and_picked_up_once_configured) {
    memory_probe m(ram, 0x10000);
    build_segger_default(m);
    std::map<std::size_t, std::string> got;
    service s({.where = {.address = block_at}},
              [&](std::size_t channel, const std::string&, std::span<const std::uint8_t> b) {
                  got[channel].append(b.begin(), b.end());
              });
    m.put(buffer_at, "hi");
    m.put32(block_at + 24 + 12, 2);
    s.poll(m);  // channels 1 and 2: size 0, no buffer, offsets 0 / 0
    EXPECT_EQ(got[0], "hi");
    // The firmware configures up channel 2 later.
    const auto d2 = block_at + 24 + 2 * 24;
    m.put(name_at + 16, std::string("Later\0", 6));
    m.put(buffer_at + 0x200, "late");
    m.put32(d2 + 0, name_at + 16);
    m.put32(d2 + 4, buffer_at + 0x200);
    m.put32(d2 + 8, 32);
    m.put32(d2 + 12, 4);
    s.poll(m);
    EXPECT_EQ(got[2], "late");
    EXPECT_EQ(m.get32(d2 + 16), 4u);
    auto block = *control_block::at(m, block_at);
    EXPECT_FALSE(block.up()[1].configured());
    EXPECT_EQ(block.write(m, 1, std::span<const std::uint8_t>()), 0u) << "down 1: unconfigured";
}

TEST(rtt, modes_change_only_when_asked_and_are_switched_back) {
    memory_probe m(ram, 0x10000);
    build_segger_default(m);
    std::vector<std::string> notes;
    service s({.where = {.address = block_at},
               .up_mode = layout::mode::block_if_full,
               .note = [&](const std::string& text) { notes.push_back(text); }},
              [](std::size_t, const std::string&, std::span<const std::uint8_t>) {});
    s.poll(m);
    EXPECT_EQ(m.get32(block_at + 24 + 20) & 3, 2u);
    ASSERT_EQ(notes.size(), 1u) << "one channel configured, one note";
    EXPECT_EQ(notes[0],
              "RTT up channel 0 'Terminal': mode no-block-skip -> block-if-full (--rtt-mode); "
              "switched back when rivet is done");
    s.poll(m);
    EXPECT_EQ(notes.size(), 1u) << "said once";
    s.finish(m);
    EXPECT_EQ(m.get32(block_at + 24 + 20) & 3, 0u) << "SEGGER's default mode again";
}

TEST(rtt, offsets_out_of_range_are_an_error_only_when_they_stay_so) {
    memory_probe m(ram, 0x10000);
    build_segger_default(m);
    service s({.where = {.address = block_at}},
              [](std::size_t, const std::string&, std::span<const std::uint8_t>) {});
    s.poll(m);
    m.put32(block_at + 24 + 12, 999);  // caught half way through a reconfiguration
    s.poll(m);
    m.put32(block_at + 24 + 12, 0);
    s.poll(m);
    m.put32(block_at + 24 + 12, 999);
    s.poll(m);
    s.poll(m);
    try {
        s.poll(m);
        ADD_FAILURE() << "corrupt offsets accepted";
    } catch (const error& e) {
        EXPECT_EQ(e.kind(), error_kind::io);
        EXPECT_THAT(std::string(e.what()),
                    testing::HasSubstr("offsets 999 / 0 outside its 64-byte buffer"));
    }
}

}  // namespace
}  // namespace rivet::rtt

namespace rivet::rtt {
namespace {

TEST(rtt_location, firmware_without_the_symbol_is_scanned_in_its_statics) {
    // Vendor-style startup and linker script; the RTT block would be in .bss.
    auto firmware = elf::file::open(RIVET_RTT_TESTDATA "/foreign-recurse.elf");
    auto where = location_in(firmware);
    ASSERT_TRUE(where.has_value());
    EXPECT_FALSE(where->address.has_value());
    // .bss only: .data is empty and ._user_stack is a stack.
    ASSERT_EQ(where->scan.size(), 1u);
    EXPECT_EQ(where->scan[0].start, 0x20000000u);
    EXPECT_EQ(where->scan[0].length, 0xa58u);
}

TEST(rtt_location, firmware_without_statics_has_nothing_to_look_for) {
    auto firmware = elf::file::open(RIVET_RTT_TESTDATA "/tiny.elf");
    EXPECT_FALSE(location_in(firmware).has_value());
}

}  // namespace
}  // namespace rivet::rtt
