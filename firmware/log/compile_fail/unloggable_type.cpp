#include <rivet/log/log.hpp>
struct opaque {};
void f() { RIVET_INFO("{}", opaque{}); }
