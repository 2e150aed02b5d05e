"""The environment the test runners give bvplan: the C locale, UTC, the sanitizers'
options, and nothing else from the caller's environment but faketime's variables (under
faketime, as scripts/test runs the suite with the clock years ahead, the clock moves for
bvplan too). Extra NAME=value pairs are added last."""
import os


def bvplan_environment(**extra):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "TZ": "UTC",
           "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", ""),
           "UBSAN_OPTIONS": os.environ.get("UBSAN_OPTIONS", "")}
    env.update({k: v for k, v in os.environ.items() if k == "LD_PRELOAD" or k.startswith("FAKETIME")})
    env.update(extra)
    return env


def import_debian(module, package):
    """Imports `module` from Debian's `package` (which scripts/setup installs): when the
    python3 running the test is another one (pyenv, a virtualenv) without it, the test
    is run again by Debian's /usr/bin/python3."""
    import importlib
    import sys
    try:
        return importlib.import_module(module)
    except ImportError:
        debian = "/usr/bin/python3"
        if os.path.exists(debian) and os.path.realpath(sys.executable) != os.path.realpath(debian):
            os.execv(debian, [debian, *sys.argv])
        print(f"{os.path.basename(sys.argv[0])}: {package} is not installed (scripts/setup installs it)")
        sys.exit(1)
