#!/usr/bin/env python3
"""Shell completion as a user gets it: bvplan's bash script sourced in a bare bash
(`bash --norc --noprofile`, no bash-completion needed), COMP_WORDS set as bash sets them
and _bvplan called; COMPREPLY compared exactly. Plan files in a scratch folder, git
revisions in a scratch repository (fixed dates), ids from a copied example, names with
spaces, quotes and `$`. Then bash and zsh in a pseudo-terminal, lines typed with Tab:
the line as it becomes. The zsh and fish scripts are parsed by their shells, and fish's
`complete -C` is asked for candidates (each skipped, with a message, when the shell is not
installed). The scripts the build wrote (build/completions) must be what the program prints.

  tests/completion_test.py BVPLAN SOURCE_DIR"""
import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import tempfile

bvplan = os.path.abspath(sys.argv[1])
source_dir = sys.argv[2]
failures = 0

COMMANDS = ["init", "new", "import", "update", "check", "status", "report", "explain", "history", "diff",
            "workload", "savings", "calendar", "schema", "completion"]
# A branch whose name would run a command if a script evaluated it, as printf %q quotes it.
ODD = "odd\\$\\(touch\\$\\{IFS\\}pwned\\)"
GIT_ENV = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "T",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": "2004-06-30T12:00:00Z",
           "GIT_COMMITTER_DATE": "2004-06-30T12:00:00Z", "GIT_CONFIG_GLOBAL": "/dev/null",
           "GIT_CONFIG_SYSTEM": "/dev/null"}


def fail(message):
    global failures
    failures += 1
    print("FAIL " + message)


def script(shell):
    done = subprocess.run([bvplan, "completion", shell], capture_output=True, text=True)
    if done.returncode != 0 or done.stderr:
        fail(f"bvplan completion {shell}: {done.returncode} {done.stderr}")
    return done.stdout


bash_script = script("bash")

# COMP_WORDS as bash splits the line (the default COMP_WORDBREAKS makes "--format=" two
# words), the cursor at the end of the last word; prints COMPREPLY, NUL-separated.
BASH_HARNESS = r'''
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_bvplan bvplan "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\0' "${COMPREPLY[@]}"
'''


def bash_complete(words, cwd, sort=False):
    """COMPREPLY for the line `words` (the first is the program, the last the word being
    completed, as typed)."""
    with tempfile.NamedTemporaryFile("w", suffix=".bash", delete=False) as f:
        f.write(bash_script)
    try:
        env = dict(os.environ, **GIT_ENV)
        done = subprocess.run(["bash", "--norc", "--noprofile", "-c", BASH_HARNESS, "harness", f.name, bvplan,
                               *words], cwd=cwd, capture_output=True, text=True, env=env, timeout=60)
    finally:
        os.unlink(f.name)
    if done.returncode != 0 or done.stderr:
        fail(f"bash completion of {words!r} said: {done.returncode} {done.stderr!r}")
    reply = [w for w in done.stdout.split("\0")[:-1]]
    if reply == [""]:
        reply = []
    return sorted(reply) if sort else reply


def expect(words, cwd, expected, sort=False):
    got = bash_complete(words, cwd, sort)
    if got != expected:
        fail(f"bash: bvplan {' '.join(words)!r}<TAB> gave {got!r}, expected {expected!r}")


def in_terminal(shell, setup, typed, cwd, timeout=15.0):
    """Starts `shell` in a pseudo-terminal with bvplan first on PATH, runs `setup`, then types
    each line of `typed` (ending in Tab) and waits for what it should become; Ctrl-U
    clears the line before the next."""
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(cwd)
        os.environ.update(PATH=os.path.dirname(bvplan) + ":" + os.environ["PATH"], TERM="dumb", PS1="$ ",
                          INPUTRC="/dev/null")
        os.execvp(shell[0], shell)
    seen = ""

    def wait_for(text):
        nonlocal seen
        # Counted in select's waits, not read from the clock, which faketime may stop.
        for _ in range(int(timeout / 0.1)):
            if text in seen.replace("\r", ""):
                return True
            ready, _, _ = select.select([fd], [], [], 0.1)
            if ready:
                try:
                    seen += os.read(fd, 4096).decode(errors="replace")
                except OSError:
                    break
        return text in seen.replace("\r", "")

    try:
        os.write(fd, (setup + "; echo READ''Y\n").encode())
        if not wait_for("READY"):
            fail(f"{shell[0]} in a terminal did not load the completion: {seen!r}")
            return
        for keys, line in typed:
            seen = ""
            os.write(fd, keys.encode())
            if not wait_for(line):
                fail(f"{shell[0]} in a terminal: typing {keys!r} gave {seen!r}, expected {line!r}")
            os.write(fd, b"\x15")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=dict(os.environ, **GIT_ENV))


with tempfile.TemporaryDirectory() as tmp:
    # No repository around the scratch folders is looked for.
    GIT_ENV["GIT_CEILING_DIRECTORIES"] = tmp
    empty = os.path.join(tmp, "empty")
    os.mkdir(empty)

    # Commands, options, and the values of enumerated options.
    expect([""], empty, COMMANDS)
    expect(["ch"], empty, ["check"])
    expect(["--"], empty, ["--help", "--version"])
    expect(["check", "--"], empty,
           ["--help", "--as-of", "--owners", "--stdin-filename", "--max-file-size", "--format", "--strict",
            "--against"])
    expect(["check", "-"], empty,
           ["-h", "--help", "--as-of", "--owners", "--stdin-filename", "--max-file-size", "--format", "--strict",
            "--against"])
    expect(["check", "--format", ""], empty, ["text", "json", "github", "sarif", "gitlab"])
    expect(["check", "--format", "g"], empty, ["github", "gitlab"])
    expect(["check", "--format", "=", ""], empty, ["text", "json", "github", "sarif", "gitlab"])
    expect(["check", "--format", "="], empty, ["text", "json", "github", "sarif", "gitlab"])
    expect(["check", "--format=j"], empty, ["--format=json"])
    expect(["report", "--level", ""], empty, ["plan", "issue", "action", "milestone", "measure", "risk"])
    expect(["report", "--format", "json", "--level", "m"], empty, ["milestone", "measure"])
    expect(["history", "--by", ""], empty, ["commit", "month", "quarter"])
    expect(["history", "--source", ""], empty, ["git", "plan"])
    expect(["workload", "--by", ""], empty, ["quarter", "month"])
    expect(["status", "--color", ""], empty, ["auto", "always", "never"])
    expect(["completion", ""], empty, ["bash", "zsh", "fish"])
    expect(["schema", ""], empty, ["plan", "owners"])
    expect(["schema", "plan", "-"], empty, ["--help", "--output", "-h", "-o"], sort=True)
    expect(["check", "--as-of", ""], empty, [])
    # After "--" every word is an argument.
    expect(["check", "--", "--"], empty, [])

    # Plan files: *.yaml, *.yml and folders; any file for -o.
    files = os.path.join(tmp, "files")
    os.makedirs(os.path.join(files, "sub"))
    os.makedirs(os.path.join(files, ".hidden"))
    os.makedirs(os.path.join(files, "dir with space"))
    for name in ("a.yaml", "b.yml", "c.txt", "my plan.yaml", "$(touch pwned)'.yaml", "sub/d.yaml",
                 "dir with space/e f.yaml"):
        open(os.path.join(files, name), "w").close()
    plans = ["$(touch pwned)'.yaml", "a.yaml", "b.yml", "dir with space", "my plan.yaml", "sub"]
    expect(["check", ""], files, plans, sort=True)
    expect(["status", "--as-of", "2004-06-30", ""], files, plans, sort=True)
    expect(["check", "--owners", ""], files, plans, sort=True)
    expect(["report", "-o", ""], files, sorted(plans + ["c.txt"]), sort=True)
    expect(["report", "--output=c"], files, ["--output=c.txt"])
    expect(["check", "sub/"], files, ["sub/d.yaml"])
    expect(["check", "my"], files, ["my plan.yaml"])
    expect(["check", "my\\ p"], files, ["my plan.yaml"])
    expect(["check", "'my p"], files, ["my plan.yaml"])
    expect(["check", "\"my p"], files, ["my plan.yaml"])
    expect(["check", "\\$"], files, ["$(touch pwned)'.yaml"])
    expect(["init", ""], files, ["dir with space", "sub"], sort=True)
    # A leading ~ is the home folder, and stays ~ in what is offered.
    home = os.environ.get("HOME", "")
    os.environ["HOME"] = files
    expect(["check", "~/su"], files, ["~/sub"])
    expect(["report", "--owners", "~/sub/"], files, ["~/sub/d.yaml"])
    os.environ["HOME"] = home
    expect(["init", "."], files, [".hidden"], sort=True)
    if os.path.exists(os.path.join(files, "pwned")):
        fail("completing a file name ran a command held in it")

    # Git revisions: HEAD, branches and tags; nothing outside a repository.
    repo = os.path.join(tmp, "repo")
    os.mkdir(repo)
    git(repo, "init", "-q", "-b", "main")
    shutil.copy(os.path.join(source_dir, "examples", "infrastructure-2004.yaml"), repo)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "plan")
    git(repo, "branch", "feature")
    git(repo, "branch", "odd$(touch${IFS}pwned)")
    git(repo, "tag", "v1")
    expect(["check", "--against", ""], repo, ["HEAD", "feature", "main", ODD, "v1"])
    expect(["check", "--against", "f"], repo, ["feature"])
    expect(["check", "--against", "'odd$"], repo, [ODD])
    expect(["report", "--baseline", "v"], repo, ["v1"])
    expect(["status", "--compare", "m"], repo, ["main"])
    expect(["check", "--against", ""], empty, [])
    # diff: revisions or plan files first, plan files after two arguments.
    expect(["diff", ""], repo, ["HEAD", "feature", "main", ODD, "v1",
                                "infrastructure-2004.yaml"])
    expect(["diff", "HEAD", "i"], repo, ["infrastructure-2004.yaml"])
    expect(["diff", "HEAD", "main", ""], repo, ["infrastructure-2004.yaml"])
    expect(["diff", "--format", "json", "v"], repo, ["v1"])
    if os.path.exists(os.path.join(repo, "pwned")):
        fail("completing a revision ran a command held in its name")

    # Ids of the plans in the current folder, for explain and update; a broken plan and an
    # unreadable file say nothing.
    ids_dir = os.path.join(tmp, "ids")
    os.mkdir(ids_dir)
    shutil.copy(os.path.join(source_dir, "examples", "infrastructure-2004.yaml"), ids_dir)
    with open(os.path.join(ids_dir, "broken.yaml"), "w") as f:
        f.write("bvplan: 1\nplan: {id: broken-plan, title: [\nissues: nope\n")
    with open(os.path.join(ids_dir, "half.yaml"), "w") as f:
        f.write("bvplan: 1\nplan: {id: half, title: H}\nissues:\n  - id: KI99\n    title: x\n    actions: 7\n")
    os.symlink("nowhere.yaml", os.path.join(ids_dir, "dangling.yaml"))
    # Each command is offered the ids it takes: explain no milestone, update no key issue or plan.
    expect(["explain", "KI5"], ids_dir, ["KI5", "KI5.1", "KI5.2"])
    expect(["update", "KI5"], ids_dir, ["KI5.1", "KI5.1a", "KI5.2", "KI5.2a", "KI5.2b"])
    expect(["update", "in"], ids_dir, [])
    expect(["update", "--date", "2004-07-01", "KI11.M"], ids_dir, ["KI11.M1", "KI11.M2"])
    expect(["explain", "in"], ids_dir, ["infra-2004"])
    expect(["explain", "R"], ids_dir, ["R1", "R2", "R3", "R4"])
    # half.yaml's KI99 is read although its actions are not; broken.yaml is not YAML.
    expect(["explain", "KI9"], ids_dir, ["KI9", "KI9.1", "KI99"])
    expect(["explain", "b"], ids_dir, [])
    expect(["explain", "KI5.1", "i"], ids_dir, ["infrastructure-2004.yaml"])
    expect(["explain", "--as-of", "2004-06-30", "KI5.2"], ids_dir, ["KI5.2"])
    done = subprocess.run([bvplan, "completion", "--ids", "--for", "explain"], cwd=ids_dir, capture_output=True,
                          text=True)
    ids = done.stdout.splitlines()
    if done.returncode != 0 or done.stderr or ids != sorted(set(ids)) or "KI99" not in ids or "R1" not in ids:
        fail(f"bvplan completion --ids --for explain: {done.returncode} {done.stderr!r} {ids!r}")
    expect(["explain", ""], ids_dir, ids)

    # The scripts the build wrote are what the program prints.
    built = os.path.join(os.path.dirname(bvplan), "completions")
    for shell, name in (("bash", "bvplan"), ("zsh", "_bvplan"), ("fish", "bvplan.fish")):
        path = os.path.join(built, name)
        if not os.path.exists(path):
            fail(f"the build did not write {path}")
        elif open(path).read() != script(shell):
            fail(f"{path} differs from 'bvplan completion {shell}'")

    # In a terminal, as a person types: readline (and zsh's editor) put the candidate on the
    # line, quoted, with a slash after a folder.
    typed = [("bvplan check my\t", "bvplan check my\\ plan.yaml "),
             ("bvplan check s\t", "bvplan check sub/"),
             ("bvplan check --format sa\t", "bvplan check --format sarif "),
             ("bvplan report --level=mi\t", "bvplan report --level=milestone ")]
    in_terminal(["bash", "--norc", "--noprofile", "-i"], "source <(bvplan completion bash)", typed, files)
    if shutil.which("zsh"):
        in_terminal(["zsh", "-f", "-i"], "autoload -U compinit; compinit -u -D; source <(bvplan completion zsh)",
                    typed[:3], files)

    # zsh: parses, and registers _bvplan for bvplan with compinit.
    if shutil.which("zsh"):
        zsh_file = os.path.join(tmp, "_bvplan")
        with open(zsh_file, "w") as f:
            f.write(script("zsh"))
        done = subprocess.run(["zsh", "-n", zsh_file], capture_output=True, text=True)
        if done.returncode != 0 or done.stderr:
            fail(f"zsh -n: {done.stderr}")
        done = subprocess.run(["zsh", "-f", "-c", 'autoload -U compinit && compinit -u -D && source "$1" && '
                               'print -r -- $_comps[bvplan]', "zsh", zsh_file], capture_output=True, text=True)
        if done.stdout != "_bvplan\n" or done.stderr:
            fail(f"zsh did not register _bvplan: {done.stdout!r} {done.stderr!r}")
    else:
        print("SKIP zsh checks: zsh is not installed (scripts/setup installs it)")

    # fish: parses, and complete -C offers what bash offers.
    if shutil.which("fish"):
        fish_file = os.path.join(tmp, "bvplan.fish")
        with open(fish_file, "w") as f:
            f.write(script("fish"))
        done = subprocess.run(["fish", "--no-execute", fish_file], capture_output=True, text=True)
        if done.returncode != 0 or done.stderr:
            fail(f"fish --no-execute: {done.stderr}")

        def fish_complete(line, cwd):
            done = subprocess.run(["fish", "--no-config", "-c", 'source $argv[1]; complete -C $argv[2]', fish_file,
                                   line], cwd=cwd, capture_output=True, text=True,
                                  env=dict(os.environ, PATH=os.path.dirname(bvplan) + ":" + os.environ["PATH"],
                                           **GIT_ENV))
            if done.returncode != 0 or done.stderr:
                fail(f"fish complete -C {line!r}: {done.returncode} {done.stderr!r}")
            return [candidate.split("\t")[0] for candidate in done.stdout.splitlines()]

        def fish_expect(line, cwd, expected):
            got = fish_complete(line, cwd)
            if got != expected:
                fail(f"fish: complete -C {line!r} gave {got!r}, expected {expected!r}")

        fish_expect("bvplan ch", empty, ["check"])
        fish_expect("bvplan check --format ", empty, ["github", "gitlab", "json", "sarif", "text"])
        fish_expect("bvplan report --level m", empty, ["measure", "milestone"])
        fish_expect("bvplan check --st", empty, ["--stdin-filename", "--strict"])
        fish_expect("bvplan check ", files,
                    ["$(touch pwned)'.yaml", "a.yaml", "b.yml", "dir with space/", "my plan.yaml", "sub/"])
        # The word as typed, escaped or quoted, and ~ for the home folder.
        fish_expect("bvplan check dir\\ with\\ space/", files, ["dir with space/e f.yaml"])
        fish_expect("bvplan check \"dir w", files, ["dir with space/"])
        os.environ["HOME"] = files
        fish_expect("bvplan check ~/su", files, ["~/sub/"])
        os.environ["HOME"] = home
        # fish sorts what it offers, without regard to case.
        fish_expect("bvplan check --against ", repo, ["feature", "HEAD", "main", "odd$(touch${IFS}pwned)", "v1"])
        fish_expect("bvplan check --against ", empty, [])
        fish_expect("bvplan explain KI5", ids_dir, ["KI5", "KI5.1", "KI5.2"])
        fish_expect("bvplan update KI5.1", ids_dir, ["KI5.1", "KI5.1a"])
        fish_expect("bvplan explain KI5.1 i", ids_dir, ["infrastructure-2004.yaml"])
        fish_expect("bvplan diff HEAD main ", repo, ["infrastructure-2004.yaml"])
        if os.path.exists(os.path.join(files, "pwned")) or os.path.exists(os.path.join(repo, "pwned")):
            fail("fish completion ran a command held in a name")
    else:
        print("SKIP fish checks: fish is not installed (scripts/setup installs it)")

print(f"completion: {failures} failures")
sys.exit(1 if failures else 0)
