// A firmware image of about 200 KiB for the load benchmark: a constant table
// in flash that the firmware checksums, so the linker cannot drop it.
#include <rivet/console/console.hpp>

#include <array>
#include <cstdint>

namespace {

constexpr std::size_t table_words = 200 * 1024 / 4;

constexpr std::array<std::uint32_t, table_words> make_table() {
    std::array<std::uint32_t, table_words> table{};
    std::uint32_t x = 0x12345678;
    for (auto& word : table) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        word = x;
    }
    return table;
}

constexpr auto table = make_table();

}  // namespace

int main() {
    std::uint32_t sum = 0;
    for (auto word : table) sum += word;
    rivet::console::write_line(sum != 0 ? "checksum ok" : "checksum zero");
    return 0;
}
