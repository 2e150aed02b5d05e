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
