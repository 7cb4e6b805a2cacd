#include <rivet/console/console.hpp>

namespace rivet::console {

// One of each per driver.
void put(char c) noexcept;
bool get(char& c) noexcept;

namespace {
void ensure_ready() noexcept {
    static bool ready = false;
    if (!ready) {
        init();
        ready = true;
    }
}
}  // namespace

void write(std::string_view text) noexcept {
    ensure_ready();
    for (char c : text) put(c);
}

bool try_read(char& c) noexcept {
    ensure_ready();
    return get(c);
}

char read() noexcept {
    char c = 0;
    while (!try_read(c)) {
    }
    return c;
}

}  // namespace rivet::console
