#include <rivet/elf/arm_attributes.hpp>

#include <fmt/format.h>

#include <cstring>

namespace rivet::elf {
namespace {

constexpr unsigned tag_file = 1;
constexpr unsigned tag_cpu_arch = 6;
constexpr unsigned tag_cpu_arch_profile = 7;
constexpr unsigned tag_fp_arch = 10;
constexpr unsigned tag_abi_vfp_args = 28;
constexpr unsigned tag_compatibility = 32;

// Reads forward through bytes; every read fails cleanly at the end.
class reader {
public:
    explicit reader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    [[nodiscard]] bool done() const { return at_ >= bytes_.size(); }

    std::optional<std::uint32_t> u32() {
        if (bytes_.size() - at_ < 4) return std::nullopt;
        std::uint32_t value = 0;
        std::memcpy(&value, bytes_.data() + at_, 4);
        at_ += 4;
        return value;
    }
    std::optional<std::uint8_t> byte() {
        if (done()) return std::nullopt;
        return bytes_[at_++];
    }
    std::optional<std::uint64_t> uleb128() {
        std::uint64_t value = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            auto b = byte();
            if (!b) return std::nullopt;
            value |= std::uint64_t{*b & 0x7fu} << shift;
            if ((*b & 0x80u) == 0) return value;
        }
        return std::nullopt;
    }
    std::optional<std::string> string() {
        std::string text;
        while (auto b = byte()) {
            if (*b == 0) return text;
            text += static_cast<char>(*b);
        }
        return std::nullopt;
    }
    // The next `length` bytes as a reader of their own.
    std::optional<reader> sub(std::size_t length) {
        if (length > bytes_.size() - at_) return std::nullopt;
        reader inner(bytes_.subspan(at_, length));
        at_ += length;
        return inner;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t at_ = 0;
};

// Attributes with a string value; all others carry a ULEB128 (AEABI
// addenda, "Attribute value types").
bool is_string_tag(std::uint64_t tag) {
    return tag == 4 || tag == 5 || tag == 67 || (tag > tag_compatibility && tag % 2 == 1);
}

void read_file_attributes(reader in, cpu_attributes& out) {
    while (!in.done()) {
        auto tag = in.uleb128();
        if (!tag) return;
        if (*tag == tag_compatibility) {
            if (!in.uleb128() || !in.string()) return;
            continue;
        }
        if (is_string_tag(*tag)) {
            if (!in.string()) return;
            continue;
        }
        auto value = in.uleb128();
        if (!value) return;
        switch (*tag) {
            case tag_cpu_arch:
                out.arch = static_cast<unsigned>(*value);
                break;
            case tag_cpu_arch_profile:
                out.profile = static_cast<char>(*value);
                break;
            case tag_fp_arch:
                out.fp_arch = static_cast<unsigned>(*value);
                break;
            case tag_abi_vfp_args:
                out.fp_registers_abi = *value == 1;
                break;
            default:
                break;
        }
    }
}

}  // namespace

cpu_attributes parse_arm_attributes(std::span<const std::uint8_t> section) {
    cpu_attributes out;
    reader in(section);
    if (in.byte() != std::optional<std::uint8_t>('A')) return out;
    while (!in.done()) {
        auto length = in.u32();
        if (!length || *length < 4) return out;
        auto subsection = in.sub(*length - 4);
        if (!subsection) return out;
        if (subsection->string() != std::optional<std::string>("aeabi")) continue;
        while (!subsection->done()) {
            auto tag = subsection->byte();
            auto size = subsection->u32();
            if (!tag || !size || *size < 5) return out;
            auto attributes = subsection->sub(*size - 5);
            if (!attributes) return out;
            if (*tag == tag_file) read_file_attributes(*attributes, out);
        }
    }
    return out;
}

std::string arch_name(unsigned arch, std::optional<char> profile) {
    switch (arch) {
        case 10:
            return profile == 'M' ? "ARMv7-M" : "ARMv7";
        case 11:
            return "ARMv6-M";
        case 12:
            return "ARMv6S-M";
        case 13:
            return "ARMv7E-M";
        case 16:
            return "ARMv8-M baseline";
        case 17:
            return "ARMv8-M mainline";
        case 21:
            return "ARMv8.1-M mainline";
        default:
            return fmt::format("architecture {}", arch);
    }
}

}  // namespace rivet::elf
