// result<T, E> holds plain values only; a type with a destructor is named
// in the error.
#include "rivet/hal/error.hpp"

struct owns_something {
#ifdef RIVET_COMPILE_FAIL
    ~owns_something() {}
#endif
    int handle = 0;
};

int main() {
    rivet::hal::result<owns_something, int> r{owns_something{}};
    return r ? 0 : 1;
}
