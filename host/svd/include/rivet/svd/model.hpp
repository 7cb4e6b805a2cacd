// The resolved CMSIS-SVD 1.3 device model: what the parser produces once
// derivedFrom, inherited register properties and enumeration references are
// resolved. Arrays (dim) are kept as arrays; the emitter decides how to expand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rivet::svd {

enum class svd_access { read_only, write_only, read_write, write_once, read_write_once };
enum class svd_modified_write {
    none,
    one_to_clear,
    one_to_set,
    one_to_toggle,
    zero_to_clear,
    zero_to_set,
    zero_to_toggle,
    clear,
    set,
    modify,
};
enum class svd_read_action { none, clear, set, modify, modify_exception };
enum class svd_usage { read, write, read_write };

[[nodiscard]] bool readable(svd_access a);
[[nodiscard]] bool writable(svd_access a);

// dim/dimIncrement/dimIndex/dimName of an array element; dim == 0 for none.
struct svd_dim {
    std::uint32_t dim = 0;
    std::uint64_t increment = 0;
    std::vector<std::string> index;  // always dim entries once resolved
    std::string dim_name;
    [[nodiscard]] bool is_array() const { return dim > 0; }
};

struct svd_enum_value {
    std::string name;
    std::string description;
    std::optional<std::uint64_t> value;  // empty when is_default
    bool is_default = false;
};

struct svd_enumeration {
    std::string name;
    svd_usage usage = svd_usage::read_write;
    std::vector<svd_enum_value> values;
};

struct svd_write_constraint {
    bool write_as_read = false;
    bool use_enumerated_values = false;
    std::optional<std::uint64_t> minimum, maximum;
};

struct svd_field {
    std::string name;
    std::string description;
    std::uint32_t lsb = 0;
    std::uint32_t width = 1;
    svd_access access = svd_access::read_write;
    svd_modified_write modified_write = svd_modified_write::none;
    svd_read_action read_action = svd_read_action::none;
    std::optional<svd_write_constraint> write_constraint;
    std::vector<svd_enumeration> enums;  // at most one read and one write (or one read-write)
    svd_dim dim;
    // Set on the elements of an expanded field array ("MODER%s"): the
    // pattern, this element's position and the array's shape.
    std::string array_pattern;
    std::uint32_t array_position = 0;
    svd_dim array;
    int line = 0;
};

struct svd_register {
    std::string name;
    std::string display_name;
    std::string description;
    std::string alternate_group;
    std::string alternate_register;
    std::uint64_t offset = 0;  // relative to the enclosing peripheral or cluster
    std::uint32_t size = 32;
    svd_access access = svd_access::read_write;
    std::string protection;
    std::uint64_t reset_value = 0;
    std::uint64_t reset_mask = 0xffffffff;
    std::string data_type;
    svd_modified_write modified_write = svd_modified_write::none;
    svd_read_action read_action = svd_read_action::none;
    std::optional<svd_write_constraint> write_constraint;
    std::vector<svd_field> fields;
    svd_dim dim;
    int line = 0;
};

struct svd_cluster {
    std::string name;
    std::string description;
    std::string alternate_cluster;
    std::string header_struct_name;
    std::uint64_t offset = 0;
    std::vector<svd_register> registers;
    std::vector<svd_cluster> clusters;
    svd_dim dim;
    int line = 0;
};

struct svd_interrupt {
    std::string name;
    std::string description;
    std::int64_t value = 0;
};

struct svd_address_block {
    std::uint64_t offset = 0;
    std::uint64_t size = 0;
    std::string usage;
};

struct svd_peripheral {
    std::string name;
    std::string version;
    std::string description;
    std::string group_name;
    std::string prepend_to_name;
    std::string append_to_name;
    std::string header_struct_name;
    std::string alternate_peripheral;
    // Set when this peripheral is derivedFrom another and adds no registers of
    // its own, so both can share one register-block type.
    std::string derived_from;
    std::uint64_t base_address = 0;
    std::vector<svd_address_block> address_blocks;
    std::vector<svd_interrupt> interrupts;
    std::vector<svd_register> registers;
    std::vector<svd_cluster> clusters;
    svd_dim dim;
    int line = 0;
};

struct svd_cpu {
    std::string name;  // CM0, CM0PLUS, CM3, CM4, CM7, CM33, ... or "other"
    std::string revision;
    std::string endian = "little";
    bool mpu_present = false;
    bool fpu_present = false;
    bool fpu_dp = false;
    bool dsp_present = false;
    bool icache_present = false;
    bool dcache_present = false;
    bool itcm_present = false;
    bool dtcm_present = false;
    bool vtor_present = true;
    std::uint32_t nvic_prio_bits = 4;
    bool vendor_systick_config = false;
    std::uint32_t device_num_interrupts = 0;
    std::uint32_t sau_num_regions = 0;
};

struct svd_device {
    std::string name;
    std::string vendor;
    std::string series;
    std::string version;
    std::string description;
    std::string license_text;
    std::optional<svd_cpu> cpu;
    std::uint32_t address_unit_bits = 8;
    std::uint32_t width = 32;
    std::vector<svd_peripheral> peripherals;
    std::string source;  // file name, for messages
};

}  // namespace rivet::svd
