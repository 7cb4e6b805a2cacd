// Which thread is running, as a known RTOS records it: its current-thread
// pointer and, through the DWARF description of the control block, the
// thread's name, entry function and stack.
#pragma once

#include <optional>

#include "image.hpp"

namespace rivet::backtrace {

std::optional<thread_info> current_thread_of(const debug_info::impl& image,
                                             const memory_reader& read);

}  // namespace rivet::backtrace
