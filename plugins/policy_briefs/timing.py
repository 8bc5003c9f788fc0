"""Optional timing of the plugin's own work, for the benchmark.

Set POLICY_BRIEFS_TIMING to a file path and every build appends one JSON line
to it (seconds per part of the plugin, each including the parts inside it, and
the total, each moment counted once) and logs a summary. Unset, the decorators
return the functions untouched and sections are no-ops.
"""

from __future__ import annotations

import functools
import gc
import json
import os
import time
from collections import defaultdict
from contextlib import contextmanager, nullcontext

ENV = "POLICY_BRIEFS_TIMING"
ENABLED = bool(os.environ.get(ENV))

_totals: dict[str, float] = defaultdict(float)  # per part, including the parts inside it
_outer = {"depth": 0, "total": 0.0}  # time in any part, each moment counted once
_collections = {"seconds": 0.0, "started": 0.0}  # the whole build's garbage collection (any code's)
_elsewhere: dict[str, float] = defaultdict(float)  # processor time of the plugin's work in another process (not in the total)
_NULL = nullcontext()


def _collecting(phase: str, info: dict) -> None:
    if phase == "start":
        _collections["started"] = time.perf_counter()
    else:
        _collections["seconds"] += time.perf_counter() - _collections["started"]


if ENABLED:
    gc.callbacks.append(_collecting)


def timed(part: str):
    """Decorator adding a function's run time to `part` (only when timing is on)."""

    def decorate(function):
        if not ENABLED:
            return function

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            with _section(part):
                return function(*args, **kwargs)

        return wrapper

    return decorate


@contextmanager
def _section(part: str):
    start = time.perf_counter()
    _outer["depth"] += 1
    try:
        yield
    finally:
        elapsed = time.perf_counter() - start
        _totals[part] += elapsed
        _outer["depth"] -= 1
        if not _outer["depth"]:
            _outer["total"] += elapsed


def section(part: str):
    """Context manager adding its block's time to `part` (a no-op when timing is off)."""
    return _section(part) if ENABLED else _NULL


def elsewhere(part: str, seconds: float) -> None:
    """Record processor time spent on `part` in another process while the build went on."""
    if ENABLED:
        _elsewhere[part] += seconds


def flush(briefs: int) -> str | None:
    """Write this build's figures (and reset them); the summary line, or None when timing is off."""
    if not ENABLED:
        return None
    total = _outer["total"]
    record = {"briefs": briefs, "total": total, "sections": dict(sorted(_totals.items())), "garbage_collection": _collections["seconds"], "elsewhere": dict(sorted(_elsewhere.items()))}
    with open(os.environ[ENV], "a", encoding="utf-8") as file:
        file.write(json.dumps(record) + "\n")
    discard()
    per_brief = f", {total * 1000 / briefs:.3f} ms per brief" if briefs else ""
    parts = ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in record["sections"].items())
    others = "".join(f"; in another process: {name} {seconds * 1000:.0f} ms" for name, seconds in record["elsewhere"].items())
    return f"plugin's own time {total * 1000:.0f} ms{per_brief} ({parts}){others}"


def discard() -> None:
    """Forget the figures gathered since the last record (a build that failed writes none)."""
    _totals.clear()
    _elsewhere.clear()
    _outer["total"] = 0.0
    _collections["seconds"] = 0.0
