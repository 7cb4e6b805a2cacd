#include <rivet/log/log.hpp>
void f() { RIVET_INFO("{:300}", 3); }
