#!/usr/bin/env python3
"""The files other tools read from this repository run what they declare:
- .pre-commit-hooks.yaml: the bvplan-check hook's entry (with the args a user gives) run
  at the root of a plans repository made by 'bvplan init' passes, and fails once a plan
  is broken; its file pattern picks plans and registers and nothing else;
- action.yml: a composite action whose run steps each name their shell; its check step,
  run with bash as GitHub would (inputs as environment variables, bvplan on PATH), writes
  annotations and the job summary, fails on warnings with strict, and writes SARIF to a
  file; the build step's options and packages are the project's own."""
import os
import re
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bvplan_env import bvplan_environment, import_debian  # noqa: E402

yaml = import_debian("yaml", "python3-yaml")

binary, source = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
failures = 0


def fail(message):
    global failures
    failures += 1
    print("FAIL " + message)


with tempfile.TemporaryDirectory() as work:
    bin_dir = os.path.join(work, "bin")
    os.makedirs(bin_dir)
    os.symlink(binary, os.path.join(bin_dir, "bvplan"))
    env = bvplan_environment(SOURCE_DATE_EPOCH="1088553600")
    env["PATH"] = bin_dir + os.pathsep + env["PATH"]
    repo = os.path.join(work, "council")
    subprocess.run([binary, "init", repo], env=env, check=True, capture_output=True)
    plan = os.path.join(repo, "plans", "example.yaml")

    # pre-commit
    with open(os.path.join(source, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        hooks = yaml.safe_load(f)
    hook = next((h for h in hooks if h.get("id") == "bvplan-check"), None) if isinstance(hooks, list) else None
    if not hook:
        fail(f".pre-commit-hooks.yaml has no bvplan-check hook: {hooks}")
    else:
        if hook.get("language") not in ("system", "unsupported") or not hook.get("name"):
            fail(f"bvplan-check: {hook}")
        files = re.compile(hook["files"])
        picked = [p for p in ("plans/example.yaml", "owners.yaml", "plans/a.yml", "README.md", "paper.md")
                  if files.search(p)]
        if picked != ["plans/example.yaml", "owners.yaml", "plans/a.yml"]:
            fail(f"bvplan-check picks {picked}")
        command = shlex.split(hook["entry"]) + hook.get("args", []) + ["plans"]
        done = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
        if done.returncode != 0 or "0 errors" not in done.stdout:
            fail(f"bvplan-check on a new plans repository: exit {done.returncode}\n{done.stdout}{done.stderr}")

    # action.yml
    with open(os.path.join(source, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    runs = action.get("runs", {})
    steps = runs.get("steps", [])
    if runs.get("using") != "composite" or not action.get("name") or not action.get("description"):
        fail(f"action.yml: {list(action)} {runs.get('using')}")
    for step in steps:
        if "run" in step and "shell" not in step:
            fail(f"action.yml: step {step.get('name')!r} has no shell")
    for name, spec in action.get("inputs", {}).items():
        if not spec.get("description") or "default" not in spec:
            fail(f"action.yml: input {name} needs a description and a default")
    with open(os.path.join(source, "CMakeLists.txt"), encoding="utf-8") as f:
        cmake = f.read()
    with open(os.path.join(source, "scripts", "setup"), encoding="utf-8") as f:
        setup = f.read()
    script = "\n".join(step.get("run", "") for step in steps)
    for option in re.findall(r"-D(BVPLAN_\w+)=", script):
        if f"option({option} " not in cmake:
            fail(f"action.yml sets {option}, which CMakeLists.txt does not have")
    for package in re.findall(r"\b(lib[\w.-]+-dev)\b", script):
        if package not in setup:
            fail(f"action.yml installs {package}, which scripts/setup does not")
    check = next((s for s in steps if s.get("id") == "check"), None)
    if not check:
        fail("action.yml has no step with id 'check'")
    else:
        def run_check(summary, epoch="1088553600", **inputs):
            values = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
            values.update(inputs)
            step_env = dict(env, GITHUB_STEP_SUMMARY=summary, SOURCE_DATE_EPOCH=epoch)
            for key, value in check.get("env", {}).items():
                step_env[key] = re.sub(r"\$\{\{\s*inputs\.(\w+)\s*\}\}", lambda m: values[m.group(1)], value)
            return subprocess.run(["bash", "-e", "-c", check["run"]], cwd=repo, env=step_env, capture_output=True,
                                  text=True)

        summary = os.path.join(work, "summary.md")
        done = run_check(summary)
        with open(summary, encoding="utf-8") as f:
            written = f.read()
        if done.returncode != 0 or "1 file checked" not in done.stdout or "## bvplan check" not in written:
            fail(f"action check step: exit {done.returncode}\n{done.stdout}{done.stderr}{written}")
        # Strict: no warning on the day the example was written; a year on, its update is
        # stale, a warning, and the step fails.
        strict_ok = run_check(summary, strict="true").returncode
        done = run_check(summary, epoch=str(1088553600 + 400 * 86400), strict="true")
        if strict_ok != 0 or done.returncode != 1 or "::warning" not in done.stdout:
            fail(f"action check step with strict: exit {strict_ok} then {done.returncode}\n{done.stdout}")
        out = os.path.join(work, "bvplan.sarif")
        done = run_check(summary, format="sarif", output=out)
        with open(out, encoding="utf-8") as f:
            sarif = f.read() if os.path.exists(out) else ""
        if done.returncode != 0 or '"version":"2.1.0"' not in sarif or done.stdout:
            fail(f"action check step with sarif: exit {done.returncode}, {sarif[:100]!r}")

    # A broken plan fails the hook, naming the file.
    with open(plan, "a", encoding="utf-8") as f:
        f.write("tittle: x\n")
    if hook:
        done = subprocess.run(shlex.split(hook["entry"]) + ["plans"], cwd=repo, env=env, capture_output=True, text=True)
        if done.returncode != 1 or "plans/example.yaml" not in done.stdout:
            fail(f"bvplan-check on a broken plan: exit {done.returncode}\n{done.stdout}")

print(f"pre-commit hook and GitHub Action: {failures} failures")
sys.exit(1 if failures else 0)
