// Only a task<void, ...> can be spawned: a result would have nowhere to go.
#include "rivet/async/executor.hpp"
#include "rivet/async/task.hpp"

#ifdef RIVET_COMPILE_FAIL
rivet::task<int, rivet::frames<"value", 64>> value();
#else
rivet::task<void, rivet::frames<"value", 64>> value();
#endif
void spawn(rivet::async::executor& executor) {
    (void)executor.spawn(value());
}
