// A channel must hold at least one value.
#include "rivet/async/sync.hpp"

#ifdef RIVET_COMPILE_FAIL
rivet::async::channel<int, 0> numbers;
#else
rivet::async::channel<int, 1> numbers;
#endif
bool send() {
    return numbers.try_send(1);
}
