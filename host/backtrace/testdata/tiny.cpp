[[gnu::noinline]] int leaf(int x) { asm volatile("" ::: "memory"); return x * 3; }
[[gnu::always_inline]] inline int middle(int x) { return leaf(x) + 1; }
[[gnu::noinline]] int caller(int x) { return middle(x) * 2; }
extern "C" void rivet_reset_handler() { volatile int r = caller(5); (void)r; for (;;) {} }
