// The board's vector table with every slot on its weak default handler. It
// is compiled into a static library of its own (rivet_vectors_<board>), so
// the linker takes it only when no object of the firmware defines
// rivet_vector_table: a firmware that binds its interrupts by name
// (RIVET_BIND_INTERRUPTS, rivet/cortex_m/interrupts.hpp) replaces it.
#include <rivet/board/config.hpp>
#include <rivet/runtime/vector_table.hpp>

// The core fetches this table from the start of flash at reset; the linker
// script keeps `.vectors` first.
extern "C" [[gnu::section(".vectors"),
             gnu::used]] constinit const rivet::runtime::vector_table<rivet::board::interrupt_count>
    rivet_vector_table = rivet::runtime::default_vector_table<rivet::board::interrupt_count>();
