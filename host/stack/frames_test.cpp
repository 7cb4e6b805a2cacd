#include <rivet/contracts/frames.hpp>
#include <rivet/stack/frames.hpp>
#include <rivet/support/error.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace {

namespace contract = rivet::contracts::frames;

// Target memory as words and strings at addresses, as the firmware lays out
// rivet_frame_pools.
struct fake_memory {
    std::map<std::uint32_t, std::uint8_t> bytes;

    void word(std::uint32_t address, std::uint32_t value) {
        for (unsigned i = 0; i < 4; ++i)
            bytes[address + i] = static_cast<std::uint8_t>(value >> (8 * i));
    }
    void text(std::uint32_t address, const std::string& s) {
        for (std::size_t i = 0; i < s.size(); ++i)
            bytes[address + i] = static_cast<std::uint8_t>(s[i]);
        bytes[address + s.size()] = 0;
    }
    void record(std::uint32_t at, std::uint32_t next, std::uint32_t name, std::uint32_t frame,
                std::uint32_t capacity, std::uint32_t largest, std::uint32_t in_use,
                std::uint32_t peak) {
        word(at + contract::record_next_offset, next);
        word(at + contract::record_name_offset, name);
        word(at + contract::record_frame_offset, frame);
        word(at + contract::record_capacity_offset, capacity);
        word(at + contract::record_largest_offset, largest);
        word(at + contract::record_in_use_offset, in_use);
        word(at + contract::record_peak_offset, peak);
    }
    rivet::stack::memory_reader reader() const {
        return [this](std::uint32_t address, std::uint32_t length) {
            std::vector<std::uint8_t> out;
            for (std::uint32_t i = 0; i < length; ++i) {
                auto it = bytes.find(address + i);
                out.push_back(it == bytes.end() ? 0 : it->second);
            }
            return out;
        };
    }
};

TEST(frame_pools, reads_every_record_oldest_first) {
    fake_memory memory;
    memory.word(0x1000, contract::magic);
    memory.word(0x1004, 0x2000);  // the newest pool at the head
    memory.record(0x2000, 0x2100, 0x3000, 64, 2, 52, 1, 2);
    memory.record(0x2100, 0, 0x3100, 128, 1, 128, 0, 1);
    memory.text(0x3000, "worker");
    memory.text(0x3100, "blink");
    const auto pools = rivet::stack::read_frame_pools(0x1000, memory.reader());
    ASSERT_EQ(pools.size(), 2u);
    EXPECT_EQ(pools[0].name, "blink");
    EXPECT_EQ(pools[1].name, "worker");
    EXPECT_EQ(pools[1].frame_bytes, 64u);
    EXPECT_EQ(pools[1].capacity, 2u);
    EXPECT_EQ(pools[1].largest, 52u);
    EXPECT_EQ(pools[1].in_use, 1u);
    EXPECT_EQ(pools[1].peak, 2u);
    const auto lines = rivet::stack::describe(pools);
    EXPECT_EQ(lines[0], "frames 'blink': 1 of 1 x 128 bytes used at most, largest frame 128 bytes");
    EXPECT_EQ(lines[1],
              "frames 'worker': 2 of 2 x 64 bytes used at most, largest frame 52 bytes (12 bytes a "
              "frame to spare)");
}

TEST(frame_pools, an_empty_list_is_no_pool) {
    fake_memory memory;
    memory.word(0x1000, contract::magic);
    memory.word(0x1004, 0);
    EXPECT_TRUE(rivet::stack::read_frame_pools(0x1000, memory.reader()).empty());
}

TEST(frame_pools, a_wrong_magic_is_an_error_naming_the_address) {
    fake_memory memory;
    memory.word(0x1000, 0x12345678);
    try {
        (void)rivet::stack::read_frame_pools(0x1000, memory.reader());
        FAIL() << "no error";
    } catch (const rivet::error& e) {
        EXPECT_EQ(e.kind(), rivet::error_kind::bad_input);
        EXPECT_THAT(e.what(),
                    ::testing::HasSubstr("rivet_frame_pools at 0x00001000: magic 0x12345678"));
    }
}

TEST(frame_pools, a_list_that_loops_is_an_error) {
    fake_memory memory;
    memory.word(0x1000, contract::magic);
    memory.word(0x1004, 0x2000);
    memory.record(0x2000, 0x2100, 0, 64, 1, 0, 0, 0);
    memory.record(0x2100, 0x2000, 0, 64, 1, 0, 0, 0);
    EXPECT_THROW((void)rivet::stack::read_frame_pools(0x1000, memory.reader()), rivet::error);
}

TEST(frame_pools, a_name_without_its_end_is_cut) {
    fake_memory memory;
    memory.word(0x1000, contract::magic);
    memory.word(0x1004, 0x2000);
    memory.record(0x2000, 0, 0x3000, 64, 1, 0, 0, 0);
    memory.text(0x3000, std::string(contract::max_name_length + 10, 'x'));
    const auto pools = rivet::stack::read_frame_pools(0x1000, memory.reader());
    EXPECT_EQ(pools[0].name, std::string(contract::max_name_length, 'x') + "...");
}

}  // namespace
