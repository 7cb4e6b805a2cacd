/* What the foreign fixture needs from its board: a console for text, the
   core clock, and an exit through semihosting (the way QEMU ends a run). */
#ifndef FOREIGN_BOARD_H
#define FOREIGN_BOARD_H

#include <stdint.h>

void console_write(const char *text);
void console_write_number(uint32_t value);
uint32_t board_clock_hz(void);
void semihosting_exit(uint32_t code) __attribute__((noreturn));

#endif
