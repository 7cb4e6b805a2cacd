#include <rivet/console/console.hpp>

namespace rivet::console {

void put(char c) noexcept;  // one per driver

void write(std::string_view text) noexcept {
    static bool ready = false;
    if (!ready) {
        init();
        ready = true;
    }
    for (char c : text) put(c);
}

}  // namespace rivet::console
