// The C++ register-header emitter behind emit_cpp: one object per device,
// its output split over emitter.cpp (which peripherals own a block type),
// emit_register.cpp (a register's value class), emit_block.cpp (a
// peripheral's headers) and emit_device.cpp (the device header). Internal
// to host/svd.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "emit_names.hpp"
#include "rivet/svd/emitter.hpp"
#include "rivet/svd/model.hpp"

namespace rivet::svd::emit {

class cpp_emitter {
public:
    cpp_emitter(const svd_device& d, const emit_options& o);

    std::vector<generated_file> run();

private:
    // ---------------------------------------------- registers (emit_register.cpp)

    void emit_register_class(std::ostringstream& out, const svd_register& r,
                             const std::string& ns_name, const std::string& qual,
                             const std::string& indent);
    static void emit_getter(std::ostringstream& o, const std::string& in, const std::string& fn,
                            const std::string& params, const std::string& lsb, const std::string& m,
                            const std::string& enum_t, std::uint32_t width, const std::string& raw);
    static void emit_setter(std::ostringstream& o, const std::string& in, const std::string& cls,
                            const std::string& fn, const std::string& params,
                            const std::string& lsb, const std::string& m, const std::string& enum_t,
                            std::uint32_t width, const std::string& raw);
    void emit_enum(std::ostringstream& o, const svd_enumeration& e, const std::string& name,
                   const std::string& raw, std::uint64_t mask, const std::string& in);

    // ---------------------------------------------------- blocks (emit_block.cpp)

    // One scope (peripheral or cluster) in namespace `qual`: its registers'
    // fields (enumerations and value classes), or its layout (the value
    // classes declared, and the `block` that reaches the registers).
    void emit_fields(std::ostringstream& o, const std::vector<svd_register>& regs,
                     const std::vector<svd_cluster>& clusters, const std::string& qual,
                     const std::string& indent);
    void emit_layout(std::ostringstream& o, const std::vector<svd_register>& regs,
                     const std::vector<svd_cluster>& clusters, const std::string& qual,
                     const std::string& indent, const std::string& what);
    // The layout header, then the full header, of the block type p owns.
    std::vector<generated_file> block_headers(const svd_peripheral& p);
    [[nodiscard]] std::string layout_path(const std::string& type_ns) const;

    // ---------------------------------------------------- device (emit_device.cpp)

    generated_file device_header();

    const svd_device& dev_;
    std::string ns_, dir_;
    std::map<std::string, std::string> owner_, type_ns_, instance_;
};

}  // namespace rivet::svd::emit
