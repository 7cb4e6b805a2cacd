/* Start-up code in the style of a vendor's CMSIS startup file, written for
   this fixture: a vector table in .isr_vector, a Reset_Handler in assembly
   (no call-frame information, as shipped) that copies .data, zeroes .bss and
   calls SystemInit and main, and weak handlers that all alias one endless
   Default_Handler loop. */
    .syntax unified
    .thumb

    .section .text.Reset_Handler, "ax", %progbits
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    ldr r0, =_sdata
    ldr r1, =_edata
    ldr r2, =_sidata
copy_data:
    cmp r0, r1
    bhs data_done
    ldr r3, [r2], #4
    str r3, [r0], #4
    b copy_data
data_done:
    ldr r0, =_sbss
    ldr r1, =_ebss
    movs r2, #0
zero_bss:
    cmp r0, r1
    bhs bss_done
    str r2, [r0], #4
    b zero_bss
bss_done:
    bl SystemInit
    bl main
hang_after_main:
    b hang_after_main
    .size Reset_Handler, . - Reset_Handler

    .section .text.Default_Handler, "ax", %progbits
    .global Default_Handler
    .type Default_Handler, %function
Default_Handler:
    b Default_Handler
    .size Default_Handler, . - Default_Handler

    .macro weak_handler name
    .weak \name
    .thumb_set \name, Default_Handler
    .endm

    weak_handler NMI_Handler
    weak_handler HardFault_Handler
    weak_handler MemManage_Handler
    weak_handler BusFault_Handler
    weak_handler UsageFault_Handler
    weak_handler SVC_Handler
    weak_handler DebugMon_Handler
    weak_handler PendSV_Handler
    weak_handler SysTick_Handler
    weak_handler IRQ0_Handler
    weak_handler IRQ1_Handler
    weak_handler IRQ2_Handler
    weak_handler IRQ3_Handler
    weak_handler IRQ4_Handler
    weak_handler IRQ5_Handler
    weak_handler IRQ6_Handler
    weak_handler IRQ7_Handler

    .section .isr_vector, "a", %progbits
    .global vector_table
    .type vector_table, %object
vector_table:
    .word _estack
    .word Reset_Handler
    .word NMI_Handler
    .word HardFault_Handler
    .word MemManage_Handler
    .word BusFault_Handler
    .word UsageFault_Handler
    .word 0
    .word 0
    .word 0
    .word 0
    .word SVC_Handler
    .word DebugMon_Handler
    .word 0
    .word PendSV_Handler
    .word SysTick_Handler
    .word IRQ0_Handler
    .word IRQ1_Handler
    .word IRQ2_Handler
    .word IRQ3_Handler
    .word IRQ4_Handler
    .word IRQ5_Handler
    .word IRQ6_Handler
    .word IRQ7_Handler
    .size vector_table, . - vector_table
