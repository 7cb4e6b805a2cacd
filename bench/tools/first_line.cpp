// Runs a command and prints, in microseconds, how long its first line of
// standard output took to arrive and how long the whole command took:
//   first_line COMMAND [ARGS...]  ->  "FIRST_US TOTAL_US EXIT_CODE"
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdio>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: first_line COMMAND [ARGS...]\n");
        return 64;
    }
    int out[2];
    if (pipe(out) != 0) return 71;
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        close(out[0]);
        close(out[1]);
        execvp(argv[1], argv + 1);
        _exit(127);
    }
    close(out[1]);
    long long first_us = -1;
    char buffer[4096];
    ssize_t n;
    while ((n = read(out[0], buffer, sizeof buffer)) > 0) {
        for (ssize_t i = 0; i < n && first_us < 0; ++i) {
            if (buffer[i] == '\n') {
                first_us =
                    std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start)
                        .count();
            }
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const auto total_us =
        std::chrono::duration_cast<std::chrono::microseconds>(clock::now() - start).count();
    std::printf("%lld %lld %d\n", first_us, static_cast<long long>(total_us),
                WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
    return 0;
}
