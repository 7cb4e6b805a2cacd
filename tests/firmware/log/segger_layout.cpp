// Interoperability: a minimal RTT control block written the way SEGGER's
// own code lays it out (two up channels, one down, the ID in two steps),
// independently of Rivet's logger, under SEGGER's symbol (it replaces
// Rivet's weak one). Rivet's reader prints its text channels.
#include <cstdint>
#include <cstring>

namespace {

struct ring {
    const char* name;
    char* buffer;
    unsigned size;
    volatile unsigned wr_off;
    volatile unsigned rd_off;
    unsigned flags;
};

struct segger_control_block {
    char id[16];
    int max_up;
    int max_down;
    ring up[2];
    ring down[1];
};

char terminal[64];
char second[32];
char input[16];

}  // namespace

extern "C" {
segger_control_block _SEGGER_RTT;
}

namespace {

void put(ring& r, const char* text) {
    for (const char* p = text; *p != '\0'; ++p) {
        unsigned next = r.wr_off + 1 == r.size ? 0 : r.wr_off + 1;
        while (next == r.rd_off) {
        }  // blocking: the host drains it
        r.buffer[r.wr_off] = *p;
        asm volatile("dmb" ::: "memory");
        r.wr_off = next;
    }
}

}  // namespace

int main() {
    auto& cb = _SEGGER_RTT;
    cb.max_up = 2;
    cb.max_down = 1;
    cb.up[0] = {"Terminal", terminal, sizeof terminal, 0, 0, 2};
    cb.up[1] = {"Second", second, sizeof second, 0, 0, 2};
    cb.down[0] = {"Terminal", input, sizeof input, 0, 0, 0};
    std::memcpy(cb.id + 7, "RTT", 4);
    asm volatile("dmb" ::: "memory");
    std::memcpy(cb.id, "SEGGER ", 7);
    asm volatile("dmb" ::: "memory");
    put(cb.up[0],
        "hello over a foreign RTT block, long enough to wrap the 64-byte ring twice over\n");
    put(cb.up[1], "second channel\n");
    return 0;
}
