"""The benchmark's peak memory of a build counts what the build and a process it started hold at once."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import REPOSITORY

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak resident set sizes as Linux reports them")

MIB = 1024 * 1024
# A program that holds 80 MiB while a process it started holds 80 MiB too.
HOLDS_BESIDE_ITS_CHILD = f"""
import subprocess, sys, time
held = b"x" * (80 * {MIB})
child = subprocess.Popen([sys.executable, "-c", "import time; held = b'x' * (80 * {MIB}); time.sleep(1.0)"])
time.sleep(1.5)
child.wait()
"""


def _benchmark():
    """scripts/benchmark.py, loaded as a module (once)."""
    if "benchmark" not in sys.modules:
        spec = importlib.util.spec_from_file_location("benchmark", REPOSITORY / "scripts" / "benchmark.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules["benchmark"] = module  # (its dataclasses look their module up while it loads)
        spec.loader.exec_module(module)
    return sys.modules["benchmark"]


def test_a_build_and_the_process_it_started_count_together():
    seconds, peak_kib, returncode, _ = _benchmark()._run_measured([sys.executable, "-c", HOLDS_BESIDE_ITS_CHILD], {})
    assert returncode == 0
    assert peak_kib * 1024 >= 160 * MIB  # each alone peaked at about 90 MiB


def test_a_single_process_is_measured_as_its_own_peak():
    program = f"held = b'x' * (80 * {MIB}); del held; import time; time.sleep(0.3)"
    _, peak_kib, returncode, _ = _benchmark()._run_measured([sys.executable, "-c", program], {})
    assert returncode == 0
    assert 80 * MIB <= peak_kib * 1024 < 160 * MIB  # its peak, though freed before the end
