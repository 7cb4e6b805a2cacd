#include <rivet/log/log.hpp>
void f() { RIVET_INFO("{:x}", 1.5f); }
