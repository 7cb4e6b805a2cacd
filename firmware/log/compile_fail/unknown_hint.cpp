#include <rivet/log/log.hpp>
void f() { RIVET_INFO("{:q}", 3); }
