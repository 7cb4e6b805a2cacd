/* A tiny preemptive scheduler for the foreign fixture, shaped like a small
   RTOS port so that Rivet meets what it meets in FreeRTOS firmware: tasks on
   the process stack, a PendSV context switch, a SysTick tick, each task's
   first LR seeded with a task-exit function. Our own code, not FreeRTOS. */
#ifndef FOREIGN_RTOS_H
#define FOREIGN_RTOS_H

#include <stdint.h>

typedef void (*task_entry)(void *argument);

/* The member names follow FreeRTOS's TCB, which Rivet recognises through
   the current-task pointer pxCurrentTCB; the entry function is kept too, as
   ThreadX and RTX keep theirs. */
typedef struct task_control_block {
    volatile uint32_t *pxTopOfStack; /* first: the context switch saves the PSP here */
    uint32_t *pxStack;               /* the lowest word of the task's stack */
    task_entry entry;
    char pcTaskName[12];
    struct task_control_block *next;
} TCB_t;

extern TCB_t *volatile pxCurrentTCB;

void task_create(TCB_t *tcb, const char *name, task_entry entry, void *argument,
                 uint32_t *stack, uint32_t words);
void scheduler_start(uint32_t ticks_per_second) __attribute__((noreturn));
uint32_t tick_count(void);
void task_delay(uint32_t ticks);

#endif
