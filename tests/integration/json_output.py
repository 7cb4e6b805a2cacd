"""`rivet run --json`: every line on stdout is one JSON object, for every
firmware test the project has. Lists the firmware tests CTest knows (those
rivet_add_firmware(... TEST) registers), runs each again with --json, and
parses every line with Python's json module: each is an object with a
known "type", log records carry their fields, and the last line is the
exit with the code the test expects.

Called by CTest as: python3 json_output.py RIVET FIRMWARE_BUILD_DIR
"""
import concurrent.futures
import json
import subprocess
import sys

TYPES = {"console", "rtt", "log", "fault", "backtrace", "warning", "error", "exit"}


def firmware_tests(build_dir):
    listing = subprocess.run(["ctest", "--show-only=json-v1"], cwd=build_dir, check=True,
                             capture_output=True, text=True).stdout
    for test in json.loads(listing)["tests"]:
        command = test.get("command", [])
        if not any(arg.endswith("RivetRunTest.cmake") for arg in command):
            continue
        defs = {}
        for arg in command:
            if arg.startswith("-D") and "=" in arg:
                key, value = arg[2:].split("=", 1)
                defs[key] = value
        run_args = [a for a in defs.get("RUN_ARGS", "").split("@@") if a]
        yield test["name"], defs["ELF"], run_args, int(defs.get("EXPECT_EXIT") or 0), \
            defs.get("TIMEOUT") or "15"


def check(rivet, name, elf, run_args, expect_exit, timeout):
    result = subprocess.run([rivet, "run", elf, "--timeout", timeout, *run_args, "--json"],
                            stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    problems = []
    lines = result.stdout.decode("utf-8", errors="replace").splitlines()
    objects = []
    for number, line in enumerate(lines, 1):
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"line {number} is not JSON ({error}): {line!r}")
            continue
        if not isinstance(value, dict) or value.get("type") not in TYPES:
            problems.append(f"line {number}: not an object of a known type: {line!r}")
            continue
        if value["type"] == "log" and not {"level", "message", "file", "line"} <= value.keys():
            problems.append(f"line {number}: a log record without its fields: {line!r}")
        objects.append(value)
    if not objects or objects[-1] != {"type": "exit", "code": expect_exit}:
        last = objects[-1] if objects else None
        problems.append(f"the last object is {last}, expected the exit with {expect_exit}")
    if result.returncode != expect_exit:
        problems.append(f"exit code {result.returncode}, expected {expect_exit}")
    return name, len(lines), problems


def main():
    rivet, build_dir = sys.argv[1], sys.argv[2]
    tests = list(firmware_tests(build_dir))
    if len(tests) < 50:
        print(f"FAIL: only {len(tests)} firmware tests found in {build_dir}")
        return 1
    failures = 0
    lines = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for name, count, problems in pool.map(lambda t: check(rivet, *t), tests):
            lines += count
            for problem in problems:
                failures += 1
                print(f"FAIL: {name}: {problem}")
    print(f"{len(tests)} firmware tests, {lines} lines of JSON checked, {failures} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
