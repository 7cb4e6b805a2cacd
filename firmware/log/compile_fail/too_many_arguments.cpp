#include <rivet/log/log.hpp>
void f() { RIVET_INFO("a={}", 1, 2); }
