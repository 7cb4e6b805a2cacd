#include <rivet/log/log.hpp>
#include <string_view>
void f() { RIVET_WARN("{:#x}", std::string_view("s")); }
