#include <rivet/log/log.hpp>
void f() { RIVET_INFO("a={} b={}", 1); }
