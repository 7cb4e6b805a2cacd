/* The scheduler: round robin on every SysTick tick, the switch itself in
   PendSV at the lowest priority; the first task is started through SVC. The
   saved context on a task's stack is r4-r11 and its EXC_RETURN, below the
   frame the core stacks (and s16-s31 first when the task used the FPU). */
#include "rtos.h"

#include "board.h"

#define SCB_ICSR (*(volatile uint32_t *)0xE000ED04u)
#define SCB_SHPR3 (*(volatile uint32_t *)0xE000ED20u)
#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
#define ICSR_PENDSVSET (1u << 28)

TCB_t *volatile pxCurrentTCB;
static TCB_t *first_task;
static TCB_t *last_task;
static volatile uint32_t ticks;

/* Where a task goes if its function returns: the scheduler has nowhere to
   send it, so it stops here for a debugger, as an RTOS's does. */
static void task_exit_error(void)
{
    console_write("task returned\n");
    __asm volatile("cpsid i");
    for (;;) {
    }
}

void task_create(TCB_t *tcb, const char *name, task_entry entry, void *argument,
                 uint32_t *stack, uint32_t words)
{
    uint32_t *top = (uint32_t *)((uintptr_t)(stack + words) & ~(uintptr_t)7);
    *--top = 1u << 24;                              /* xPSR: Thumb */
    *--top = (uint32_t)(uintptr_t)entry & ~1u;      /* PC */
    *--top = (uint32_t)(uintptr_t)task_exit_error;  /* LR */
    top -= 4;                                       /* r12, r3, r2, r1 */
    *--top = (uint32_t)(uintptr_t)argument;         /* r0 */
    *--top = 0xFFFFFFFDu;                           /* EXC_RETURN: thread, PSP, basic frame */
    top -= 8;                                       /* r4-r11 */
    tcb->pxTopOfStack = top;
    tcb->pxStack = stack;
    tcb->entry = entry;
    unsigned i = 0;
    for (; name[i] != '\0' && i + 1 < sizeof tcb->pcTaskName; ++i) tcb->pcTaskName[i] = name[i];
    tcb->pcTaskName[i] = '\0';
    if (first_task == 0) {
        first_task = tcb;
        pxCurrentTCB = tcb;
    } else {
        last_task->next = tcb;
    }
    last_task = tcb;
    tcb->next = first_task;
}

uint32_t tick_count(void)
{
    return ticks;
}

void task_delay(uint32_t n)
{
    const uint32_t start = ticks;
    while (ticks - start < n) {
    }
}

void SysTick_Handler(void)
{
    ++ticks;
    /* A tick between enabling SysTick and the SVC that starts the first
       task (a slow host can delay QEMU that long) must not switch: there is
       no task yet, and PSP is still 0. */
    uint32_t psp;
    __asm volatile("mrs %0, psp" : "=r"(psp));
    if (psp != 0u) SCB_ICSR = ICSR_PENDSVSET;
}

/* Called from PendSV with interrupts masked. */
void switch_context(void)
{
    pxCurrentTCB = pxCurrentTCB->next;
}

__attribute__((naked)) void PendSV_Handler(void)
{
    __asm volatile(
        "mrs r0, psp\n"
        "isb\n"
        "ldr r3, =pxCurrentTCB\n"
        "ldr r2, [r3]\n"
#if defined(__ARM_FP)
        "tst lr, #0x10\n"
        "it eq\n"
        "vstmdbeq r0!, {s16-s31}\n"
#endif
        "stmdb r0!, {r4-r11, lr}\n"
        "str r0, [r2]\n"
        "push {r3, lr}\n"
        "cpsid i\n"
        "bl switch_context\n"
        "cpsie i\n"
        "pop {r3, lr}\n"
        "ldr r1, [r3]\n"
        "ldr r0, [r1]\n"
        "ldmia r0!, {r4-r11, lr}\n"
#if defined(__ARM_FP)
        "tst lr, #0x10\n"
        "it eq\n"
        "vldmiaeq r0!, {s16-s31}\n"
#endif
        "msr psp, r0\n"
        "isb\n"
        "bx lr\n"
        ".ltorg\n");
}

/* Starts the first task: its saved context is popped as if it had been
   switched out. */
__attribute__((naked)) void SVC_Handler(void)
{
    __asm volatile(
        "ldr r3, =pxCurrentTCB\n"
        "ldr r1, [r3]\n"
        "ldr r0, [r1]\n"
        "ldmia r0!, {r4-r11, lr}\n"
        "msr psp, r0\n"
        "isb\n"
        "bx lr\n"
        ".ltorg\n");
}

void scheduler_start(uint32_t ticks_per_second)
{
    /* PendSV and SysTick at the lowest priority, so that a switch never
       interrupts another handler. */
    SCB_SHPR3 |= 0xFFFF0000u;
    /* The reload from a 64-bit product, as ports that take the clock in Hz
       and the period in microseconds do: this calls __aeabi_uldivmod. */
    const uint64_t period_us = 1000000u / ticks_per_second;
    SYST_RVR = (uint32_t)(board_clock_hz() * period_us / 1000000u) - 1u;
    SYST_CVR = 0;
    SYST_CSR = 7u; /* processor clock, interrupt, enable */
    __asm volatile(
        "ldr r0, =0xE000ED08\n" /* VTOR: reset the main stack to the table's initial SP */
        "ldr r0, [r0]\n"
        "ldr r0, [r0]\n"
        "msr msp, r0\n"
        "cpsie i\n"
        "dsb\n"
        "isb\n"
        "svc 0\n" ::
            : "r0", "memory");
    for (;;) {
    }
}
