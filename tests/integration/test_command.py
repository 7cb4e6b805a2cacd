#!/usr/bin/env python3
"""`rivet test` on real firmware under QEMU (tests/firmware/testing/cases.cpp):
passing, failing with location and backtrace, should_fail both ways,
ignored, a fault followed by a case that passes (the target is reset between
cases), --filter/--exact, --list, --junit (parsed), a hung case, and a
firmware without cases.

    test_command.py RIVET CASES_ELF ELF_WITHOUT_CASES
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

RIVET, CASES, PLAIN = sys.argv[1:4]
SOURCE = os.path.join(os.path.dirname(__file__), "..", "firmware", "testing", "cases.cpp")
failures = []


def rivet_test(*args):
    done = subprocess.run([RIVET, "test", *args], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout, done.stderr


def expect(condition, what, out=""):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}\n{out}")


def line_of(text):
    with open(SOURCE) as source:
        for number, line in enumerate(source, 1):
            if text in line:
                return number
    raise SystemExit(f"{SOURCE} has no line with {text!r}")


# Everything, in one run.
code, out, err = rivet_test(CASES)
both = out + err
expect(code == 1, f"a failing case makes the exit code 1, got {code}", both)
expect(re.search(r"^\[       OK \] adds_up \(\d+ instructions\)$", out, re.M),
       "a passing case is reported with its instructions", out)
expect("left: 42, right: 43" in out, "a failed assertion prints both sides", out)
assertion = line_of("forty_one + 1")
expect(re.search(rf"panicked \(a failed assertion\)\n\s+at \S*cases\.cpp:{assertion} ", out),
       f"a failed assertion is located at cases.cpp:{assertion}", out)
expect(re.search(r"^\[  FAILED  \] compares_wrong \(\d+ instructions\)$", out, re.M),
       "the failing case is reported failed", out)
expect(re.search(r"^\[       OK \] panics_as_it_should", out, re.M),
       "a should_fail case that fails passes", out)
expect("passed, but should_fail expects it to fail" in out and
       re.search(r"^\[  FAILED  \] should_fail_but_passes", out, re.M),
       "a should_fail case that passes fails", out)
expect(re.search(r"^\[  IGNORED \] needs_hardware$", out, re.M) and
       "an ignored case ran" not in out, "an ignored case is listed, not run", out)
undefined = line_of(".short 0xde00")
expect(re.search(rf"took a fault \(\w+\)\n\s+at \S*cases\.cpp:{undefined} ", out),
       f"a fault is located at cases.cpp:{undefined}", out)
expect("undefined instruction" in out and "backtrace" in out.lower(),
       "a fault comes with its report and backtrace", out)
expect(re.search(r"^\[       OK \] runs_after_a_fault", out, re.M),
       "the case after a fault runs on a reset target and passes", out)
expect(out.count("teardown after a case that returned") == 4,
       "teardown runs after each case that returned, and only those", out)
expect(re.search(r"^result: 4 passed, 3 failed, 2 ignored$", out, re.M),
       "the summary counts every case", out)

# --filter picks cases by part of the name; --exact by the whole name.
code, out, err = rivet_test(CASES, "--filter", "adds")
expect(code == 0 and "result: 1 passed, 0 failed, 0 ignored" in out and "compares" not in out,
       f"--filter adds runs only adds_up and passes (exit {code})", out + err)
code, out, err = rivet_test(CASES, "--exact", "--filter", "add")
expect(code == 64 and "no case named add" in err, f"--exact with no such case is a usage error ({code})",
       out + err)

# --list reads the ELF only.
code, out, err = rivet_test(CASES, "--list")
expect(code == 0 and out.split("\n") == [
    "adds_up", "compares_wrong", "empty", "executes_undefined", "hangs (ignored)",
    "needs_hardware (ignored)", "panics_as_it_should", "runs_after_a_fault",
    "should_fail_but_passes", ""], "--list lists every case by name, ignored ones marked", out + err)

# JUnit XML, parsed.
with tempfile.TemporaryDirectory() as folder:
    report = os.path.join(folder, "report.xml")
    code, out, err = rivet_test(CASES, "--junit", report)
    suite = ET.parse(report).getroot().find("testsuite")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    expect(suite.get("tests") == "9" and suite.get("failures") == "3" and suite.get("skipped") == "2",
           f"the JUnit suite counts 9 cases, 3 failures, 2 skipped: {suite.attrib}")
    failure = cases["compares_wrong"].find("failure")
    expect(failure is not None and failure.get("message") == "panicked (a failed assertion)" and
           f"cases.cpp:{assertion}" in failure.text, "the JUnit failure says why and where")
    expect(cases["executes_undefined"].find("failure").get("type") == "fault",
           "a fault is a failure of type fault in JUnit")
    expect(cases["needs_hardware"].find("skipped") is not None, "an ignored case is skipped in JUnit")
    counted = cases["adds_up"].find("properties/property[@name='instructions']")
    expect(counted is not None and int(counted.get("value")) > 0, "JUnit carries the instructions")

# A hung case fails at --timeout with where it was.
code, out, err = rivet_test(CASES, "--include-ignored", "--exact", "--filter", "hangs",
                            "--timeout", "1")
expect(code == 1 and "did not end within 1 s" in out and "rivet_test_body_hangs" in out,
       f"a hung case times out, saying where ({code})", out + err)

# A firmware without cases.
code, out, err = rivet_test(PLAIN)
expect(code == 65 and "no test cases" in err, f"a firmware without cases is bad input ({code})",
       out + err)

print(f"rivet test: {len(failures)} checks failed")
sys.exit(1 if failures else 0)
