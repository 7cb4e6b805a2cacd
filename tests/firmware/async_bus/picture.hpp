// The main() of the async picture tests: runs the drawing task to its end,
// prints "ready" and waits for a byte on the console, so that
// tests/integration/*_screendump.sh takes its screendump in between.
#pragma once

#include <rivet/async/executor.hpp>
#include <rivet/console/console.hpp>

#include <utility>

template <class Task>
int draw_then_wait_for_a_byte(Task drawing) {
    rivet::async::thread_executor executor;
    executor.spawn(std::move(drawing));
    executor.run();
    rivet::console::write("ready\n");
    (void)rivet::console::read();
    return 0;
}
