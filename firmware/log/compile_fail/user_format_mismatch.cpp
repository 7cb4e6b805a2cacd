#include <rivet/log/log.hpp>
struct p { int x; };
template <> struct rivet::log::formatter<p> {
    static constexpr char format[] = "{:x} {}";
    static constexpr auto fields(const p& v) { return std::tuple{v.x}; }
};
void f() { RIVET_INFO("{}", p{1}); }
