/* An RTT writer laid out and configured as SEGGER's RTT sources are by
 * default (SEGGER_RTT_MAX_NUM_UP_BUFFERS and _DOWN_BUFFERS 3, only channel
 * 0 configured: "Terminal", 1024 bytes up and 16 down, mode
 * SEGGER_RTT_MODE_NO_BLOCK_SKIP; channels 1 and 2 all zero, no buffer), set
 * up lazily on first use as SEGGER's code does. Written here, independently
 * of SEGGER's sources and of Rivet's logger: plain text up, lines read from
 * down channel 0 echoed back. "later" configures up channel 1 only then;
 * "quit" reports the mode up channel 0 has at the end (0 unless the host
 * changed it) and returns. tests/integration/segger_default.sh drives it. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { up_channels = 3, down_channels = 3, mode_no_block_skip = 0 };

struct ring {
    const char* name;
    char* buffer;
    unsigned size;
    volatile unsigned write_offset;
    volatile unsigned read_offset;
    volatile unsigned flags;
};

struct control_block {
    char id[16];
    int max_up;
    int max_down;
    struct ring up[up_channels];
    struct ring down[down_channels];
};

struct control_block _SEGGER_RTT;
static char terminal_up[1024];
static char terminal_down[16];
static char later_up[64];

static void barrier(void) {
    __asm__ volatile("dmb" ::: "memory");
}

static void init_once(void) {
    struct control_block* cb = &_SEGGER_RTT;
    if (cb->id[0] == 'S') return;
    cb->max_up = up_channels;
    cb->max_down = down_channels;
    cb->up[0] = (struct ring){"Terminal", terminal_up, sizeof terminal_up, 0, 0,
                              mode_no_block_skip};
    cb->down[0] = (struct ring){"Terminal", terminal_down, sizeof terminal_down, 0, 0,
                                mode_no_block_skip};
    /* The ID last, its first character very last, so a host scanning RAM
     * never sees a half-built block. */
    barrier();
    memcpy(cb->id + 1, "EGGER RTT", 10);
    barrier();
    cb->id[0] = 'S';
    barrier();
}

/* Skip mode: a string that does not fit whole is dropped. */
static void write_text(unsigned channel, const char* text) {
    struct ring* r = &_SEGGER_RTT.up[channel];
    const unsigned length = (unsigned)strlen(text);
    const unsigned read = r->read_offset;
    unsigned write = r->write_offset;
    const unsigned room = read > write ? read - write - 1 : r->size - (write - read) - 1;
    if (length > room) return;
    for (unsigned i = 0; i < length; ++i) {
        r->buffer[write] = text[i];
        write = write + 1 == r->size ? 0 : write + 1;
    }
    barrier();
    r->write_offset = write;
}

static int read_byte(char* c) {
    struct ring* r = &_SEGGER_RTT.down[0];
    const unsigned read = r->read_offset;
    if (read == r->write_offset) return 0;
    *c = r->buffer[read];
    barrier();
    r->read_offset = read + 1 == r->size ? 0 : read + 1;
    return 1;
}

int main(void) {
    init_once();
    write_text(0, "ready\n");
    char line[40];
    size_t length = 0;
    for (;;) {
        char c;
        if (!read_byte(&c)) continue;
        if (c != '\n') {
            if (length + 1 < sizeof line) line[length++] = c;
            continue;
        }
        line[length] = '\0';
        length = 0;
        if (strcmp(line, "quit") == 0) break;
        if (strcmp(line, "later") == 0) {
            struct ring* r = &_SEGGER_RTT.up[1];
            r->name = "Later";
            r->buffer = later_up;
            r->read_offset = 0;
            r->write_offset = 0;
            r->flags = mode_no_block_skip;
            barrier();
            r->size = sizeof later_up;
            write_text(1, "on channel 1\n");
            continue;
        }
        char answer[sizeof line + 8] = "echo: ";
        strcat(answer, line);
        strcat(answer, "\n");
        write_text(0, answer);
    }
    char report[] = "up 0 mode: ?\n";
    report[11] = (char)('0' + (_SEGGER_RTT.up[0].flags & 3u));
    write_text(0, report);
    return 0;
}
