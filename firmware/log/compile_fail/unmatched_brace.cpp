#include <rivet/log/log.hpp>
void f() { RIVET_INFO("open { brace", 3); }
