#!/usr/bin/env python3
"""bvplan's interactive modes, driven through a pseudo-terminal.

Usage: interactive_test.py BVPLAN

The driver, `run_in_terminal`, is meant to be reused by every command that asks
questions (`new`, `update`):

    result = run_in_terminal(bvplan, ["new"], cwd=folder, script=[
        Step("Plan file", "plans/roads.yaml"),   # wait for the prompt, then answer
        Step("Plan id", ""),                     # "" is Enter (take the default)
        Step("Plan title", EOF),                 # end of input (Ctrl-D) instead of an answer
    ])
    result.status        # the exit status
    result.transcript    # the terminal as a person saw it: prompts, the answers echoed,
                         # messages; line ends as "\\n"
    result.stdout        # standard output, which goes to a pipe, not the terminal

Standard input and standard error are the terminal (so bvplan's interactive_terminal()
is true); standard output is a pipe, so what the command prints as its result can be
compared apart from the conversation. Each step waits, up to `timeout` seconds, for its
prompt text to appear in the terminal output after the previous step's prompt; a prompt
that never comes, or a command that does not end within `timeout` after the last step,
fails with the transcript so far (the command is killed). The environment is
bvplan_environment() with "today" pinned (SOURCE_DATE_EPOCH, 2004-06-30 unless `env`
says otherwise).
"""
import os
import select
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment  # noqa: E402

PINNED_TODAY = "1088553600"  # 2004-06-30T00:00:00Z
EOF = object()  # an answer that ends the input instead of sending a line


@dataclass
class Step:
    prompt: str  # text to wait for in the terminal output
    answer: object  # the line to type (without its line end), or EOF


@dataclass
class Result:
    status: int
    transcript: str
    stdout: str


class DriverError(AssertionError):
    pass


def run_in_terminal(binary, args, script, cwd, env=None, timeout=10.0):
    """Runs `binary args` in `cwd` on a new pseudo-terminal, answering `script`."""
    environment = bvplan_environment(SOURCE_DATE_EPOCH=PINNED_TODAY)
    environment.update(env or {})
    master, slave = os.openpty()
    process = subprocess.Popen([binary] + list(args), cwd=cwd, env=environment, stdin=slave,
                               stdout=subprocess.PIPE, stderr=slave, close_fds=True)
    os.close(slave)
    terminal, stdout = bytearray(), bytearray()
    open_fds = {master: terminal, process.stdout.fileno(): stdout}

    def pump(until):
        """Reads what is ready until `until()` holds or the deadline passes."""
        deadline = time.monotonic() + timeout
        while not until():
            left = deadline - time.monotonic()
            if left <= 0 or not open_fds:
                return until()
            ready, _, _ = select.select(list(open_fds), [], [], left)
            for fd in ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:  # EIO: the terminal's other side is closed
                    data = b""
                if data:
                    open_fds[fd].extend(data)
                else:
                    del open_fds[fd]
        return True

    def text():
        return terminal.decode("utf-8", "replace").replace("\r\n", "\n")

    def fail(message):
        process.kill()
        process.wait()
        raise DriverError(f"{message}\n--- transcript so far:\n{text()}")

    seen = 0
    try:
        for step in script:
            def prompted():
                return text().find(step.prompt, seen) >= 0
            if not pump(prompted):
                fail(f"no prompt {step.prompt!r} within {timeout} s")
            seen = text().find(step.prompt, seen) + len(step.prompt)
            if step.answer is EOF:
                os.write(master, b"\x04")
            else:
                os.write(master, step.answer.encode("utf-8") + b"\n")
        if not pump(lambda: not open_fds):
            fail(f"the command did not end within {timeout} s of the last answer")
        status = process.wait(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        os.close(master)
    return Result(status, text(), stdout.decode("utf-8", "replace"))


# The tests: each a function of (bvplan, folder) marked @test, run in a fresh temporary
# folder holding a .git folder (so owners.yaml discovery stops there); `expect` records a
# failure and goes on.

failures = []
tests = []


def test(function):
    tests.append(function)
    return function


def expect(name, actual, wanted):
    if actual != wanted:
        failures.append(f"{name}:\n--- expected:\n{wanted}\n--- actual:\n{actual}")


@test
def test_new_asks_for_everything(bvplan, folder):
    result = run_in_terminal(bvplan, ["new"], cwd=folder, script=[
        Step("Plan file to write (such as plans/roads-2005.yaml): ", "plans/roads"),
        Step("Plan file to write (such as plans/roads-2005.yaml): ", "plans/roads-2005.yaml"),
        Step("Plan id (letters, digits, '.', '_', '-', such as roads-2005) [roads-2005]: ", ""),
        Step("Plan title: ", ""),
        Step("Plan title: ", "Roads: improvement plan 2005"),
        Step("First day of the plan (YYYY-MM-DD): ", "1/4/2005"),
        Step("First day of the plan (YYYY-MM-DD): ", "2005-04-01"),
        Step("Last day of the plan (YYYY-MM-DD): ", "2005-03-31"),
        Step("Last day of the plan (YYYY-MM-DD): ", "2006-03-31"),
    ])
    expect("new: status", result.status, 0)
    expect("new: transcript", result.transcript,
           "Plan file to write (such as plans/roads-2005.yaml): plans/roads\n"
           "  'plans/roads' does not end in .yaml or .yml: 'bvplan check' finds plans in folders by those endings\n"
           "Plan file to write (such as plans/roads-2005.yaml): plans/roads-2005.yaml\n"
           "Plan id (letters, digits, '.', '_', '-', such as roads-2005) [roads-2005]: \n"
           "Plan title: \n"
           "  the text is empty\n"
           "Plan title: Roads: improvement plan 2005\n"
           "First day of the plan (YYYY-MM-DD): 1/4/2005\n"
           "  '1/4/2005' is not a date: write YYYY-MM-DD, such as 2005-04-01\n"
           "First day of the plan (YYYY-MM-DD): 2005-04-01\n"
           "Last day of the plan (YYYY-MM-DD): 2005-03-31\n"
           "  the plan must end after it starts (2005-04-01); give a later date\n"
           "Last day of the plan (YYYY-MM-DD): 2006-03-31\n"
           "bvplan: note: no --owner given: the example action is led by LEAD, declared under 'owners:' as "
           "'Lead officer'; put the lead's id and name there\n")
    expect("new: stdout", result.stdout,
           "wrote plans/roads-2005.yaml: plan roads-2005 with an example key issue (KI1) and action (KI1.1)\n"
           "next: write the plan's own key issues and actions over the examples, then run "
           "'bvplan check plans/roads-2005.yaml'\n")
    path = os.path.join(folder, "plans", "roads-2005.yaml")
    if not os.path.exists(path):
        failures.append("new: plans/roads-2005.yaml was not written")
        return
    plan = open(path, encoding="utf-8").read()
    for line in ["  id: roads-2005\n", "  title: 'Roads: improvement plan 2005'\n", "  start: 2005-04-01\n",
                 "  end: 2006-03-31\n"]:
        if line not in plan:
            failures.append(f"new: the plan lacks the line {line!r}")
    check = subprocess.run([bvplan, "check", path, "--as-of", "2005-04-01", "--strict"], capture_output=True,
                           text=True, env=bvplan_environment())
    expect("new: check of the plan written", (check.returncode, check.stdout),
           (0, "1 file checked: 0 errors, 0 warnings\n"))


@test
def test_new_asks_only_for_what_is_missing(bvplan, folder):
    result = run_in_terminal(bvplan, ["new", "p.yaml", "--id", "p", "--start", "2005-01-01", "--end", "2005-12-31",
                                      "--owner", "CMT", "--owner-name", "Corporate Management Team"],
                             cwd=folder, script=[Step("Plan title: ", "P")])
    expect("new, title only: status", result.status, 0)
    expect("new, title only: transcript", result.transcript, "Plan title: P\n")
    expect("new, title only: stdout", result.stdout.splitlines()[0],
           "wrote p.yaml: plan p with an example key issue (KI1) and action (KI1.1)")


@test
def test_new_bad_option_is_not_asked_again(bvplan, folder):
    # A value given on the command line is checked, never asked for again.
    result = run_in_terminal(bvplan, ["new", "q.yaml", "--start", "2005-02-30"], cwd=folder, script=[])
    expect("new, bad --start: status", result.status, 2)
    expect("new, bad --start: transcript", result.transcript,
           "bvplan: error: --start: '2005-02-30' is not a date: write YYYY-MM-DD, such as 2005-04-01\n")
    expect("new, bad --start: nothing written", os.path.exists(os.path.join(folder, "q.yaml")), False)


@test
def test_new_end_of_input_writes_nothing(bvplan, folder):
    result = run_in_terminal(bvplan, ["new", "r.yaml", "--id", "r"], cwd=folder,
                             script=[Step("Plan title: ", EOF)])
    expect("new, end of input: status", result.status, 2)
    expect("new, end of input: transcript", result.transcript,
           "Plan title: bvplan: error: no answer for --title; nothing written\n")
    expect("new, end of input: nothing written", os.path.exists(os.path.join(folder, "r.yaml")), False)


@test
def test_driver_reports_a_missing_prompt(bvplan, folder):
    try:
        run_in_terminal(bvplan, ["new", "s.yaml"], cwd=folder, timeout=1,
                        script=[Step("A question bvplan never asks: ", "x")])
    except DriverError as e:
        expect("driver: missing prompt", str(e).splitlines()[0], "no prompt 'A question bvplan never asks: ' within 1 s")
    else:
        failures.append("driver: a prompt that never came was not reported")


def main():
    bvplan = os.path.abspath(sys.argv[1])
    for case in tests:
        with tempfile.TemporaryDirectory(prefix="bvplan-pty-") as folder:
            os.mkdir(os.path.join(folder, ".git"))  # owners.yaml discovery stops here
            try:
                case(bvplan, folder)
            except DriverError as e:
                failures.append(f"{case.__name__}: {e}")
    for failure in failures:
        print(failure)
    print(f"{len(tests)} tests, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
