#!/usr/bin/env python3
"""check_guide.py on pages written here: what must pass passes, and each
kind of mistake fails with the page's line number."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
failures = 0


def check(name, page, want_code, want_text):
    global failures
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "page.md")
        with open(path, "w") as f:
            f.write(page)
        open(os.path.join(folder, "there.md"), "w").close()
        fake_rivet = os.path.join(folder, "bin", "rivet")
        os.makedirs(os.path.dirname(fake_rivet))
        with open(fake_rivet, "w") as f:
            f.write("#!/bin/sh\necho \"rivet $*\"\nexit ${RIVET_FAKE_EXIT:-0}\n")
        os.chmod(fake_rivet, 0o755)
        done = subprocess.run([sys.executable, os.path.join(HERE, "check_guide.py"), path,
                               "--root", folder, "--rivet", fake_rivet],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if done.returncode == want_code and want_text in done.stdout:
        print(f"ok: {name}")
    else:
        failures += 1
        print(f"FAIL: {name}: exit {done.returncode} (want {want_code}), output:\n{done.stdout}")


check("blocks pass, the built rivet first on PATH, cd carries over",
      "# t\n\n```sh\nrivet boards | grep -q 'rivet boards'\nmkdir -p sub && cd sub\n```\n\n"
      "```sh\ntest \"$(basename \"$PWD\")\" = sub\n```\n\n[a link](there.md)\n", 0,
      "2 blocks run, 0 skipped, 0 failures")
check("a failing block fails with its line",
      "# t\n\ntext\n\n```sh\ntrue\nfalse\ntrue\n```\n", 1, "line 5: `true` exited 1, the page says 0")
check("exit N expects N", "<!-- guide: exit 3 -->\n```sh\nexit 3\n```\n", 0, "(exit 3)")
check("exit N fails on 0", "<!-- guide: exit 3 -->\n```sh\ntrue\n```\n", 1, "the page says 3")
check("skip needs no run", "<!-- guide: skip (needs hardware) -->\n```sh\nfalse\n```\n", 0,
      "skip: line 2 (needs hardware)")
check("a marker applies to the next block only",
      "<!-- guide: skip (x) -->\n```sh\ntrue\n```\n\n```sh\nfalse\n```\n", 1, "line 6")
check("other languages are not run", "```cpp\nnot shell\n```\n", 0, "0 blocks run")
check("a timeout fails", "<!-- guide: timeout 1 -->\n```sh\nsleep 5\n```\n", 1,
      "did not finish within 1 s")
check("a broken link fails", "see [x](missing.md)\n", 1, "link to missing.md: no such file")
check("an unknown marker is refused", "<!-- guide: sometimes -->\n```sh\ntrue\n```\n", 2,
      "unknown guide marker 'sometimes'")
check("markers combine, a reason may hold ';'",
      "<!-- guide: exit 4; timeout 5 -->\n```sh\nexit 4\n```\n\n"
      "<!-- guide: skip (yours; not ours) -->\n```sh\nfalse\n```\n", 0,
      "skip: line 7 (yours; not ours)")
sys.exit(1 if failures else 0)
