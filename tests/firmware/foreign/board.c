/* Board support for the foreign fixture: the UART of lm3s6965evb (PL011) or
   netduinoplus2 (STM32 USART1), chosen at build time, SystemInit as a
   CMSIS device file has it, and SYS_EXIT_EXTENDED through semihosting. */
#include "board.h"

#define REG(address) (*(volatile uint32_t *)(address))

extern uint32_t vector_table[];

void SystemInit(void)
{
    REG(0xE000ED08u) = (uint32_t)(uintptr_t)vector_table; /* VTOR */
#if defined(__ARM_FP)
    REG(0xE000ED88u) |= 0xFu << 20; /* CPACR: CP10 and CP11 full access */
    __asm volatile("dsb\n isb");
#endif
#if defined(FOREIGN_UART_STM32)
    REG(0x40023844u) |= 1u << 4;                                 /* RCC_APB2ENR.USART1EN */
    REG(0x40011008u) = (FOREIGN_CLOCK_HZ + 115200u / 2) / 115200u; /* BRR */
    REG(0x4001100Cu) = (1u << 13) | (1u << 3);                   /* CR1: UE, TE */
#endif
}

static void console_put(char c)
{
#if defined(FOREIGN_UART_PL011)
    while (REG(0x4000C018u) & (1u << 5)) { /* FR.TXFF */
    }
    REG(0x4000C000u) = (uint8_t)c;
#elif defined(FOREIGN_UART_STM32)
    while ((REG(0x40011000u) & (1u << 7)) == 0) { /* SR.TXE */
    }
    REG(0x40011004u) = (uint8_t)c;
#else
#error "pick a UART: FOREIGN_UART_PL011 or FOREIGN_UART_STM32"
#endif
}

void console_write(const char *text)
{
    while (*text != '\0') console_put(*text++);
}

void console_write_number(uint32_t value)
{
    char digits[11];
    unsigned n = 0;
    do {
        digits[n++] = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    while (n > 0) console_put(digits[--n]);
}

uint32_t board_clock_hz(void)
{
    return FOREIGN_CLOCK_HZ;
}

void semihosting_exit(uint32_t code)
{
    /* {ADP_Stopped_ApplicationExit, code} for SYS_EXIT_EXTENDED (0x20). */
    static volatile uint32_t block[2];
    block[0] = 0x20026u;
    block[1] = code;
    register uint32_t r0 __asm("r0") = 0x20u;
    register volatile uint32_t *r1 __asm("r1") = block;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    for (;;) {
    }
}
