"""The benchmark's peak memory of a build counts what the build and a process it started hold at once."""

from __future__ import annotations

import importlib
import sys

import pytest

from conftest import REPOSITORY

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="peak resident set sizes as Linux reports them")
pytest.importorskip("psutil", reason="the benchmark's extra (scripts/setup installs it)")

MIB = 1024 * 1024
# A program that holds 80 MiB while a process it started holds 80 MiB of its own too.
HOLDS_BESIDE_ITS_CHILD = f"""
import subprocess, sys, time
held = b"x" * (80 * {MIB})
child = subprocess.Popen([sys.executable, "-c", "import time; held = b'x' * (80 * {MIB}); time.sleep(1.0)"])
time.sleep(1.5)
child.wait()
"""


@pytest.fixture(scope="module")
def measure():
    """Run a command as the benchmark runs a build (from its small launcher process): its peak memory in bytes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.syspath_prepend(str(REPOSITORY / "scripts"))  # (also for the launcher, which imports it by name)
        benchmark = importlib.import_module("benchmark")

        def peak(program: str) -> int:
            run = benchmark._launcher().apply_async(benchmark._run_measured, ([sys.executable, "-c", program], {}))
            _, peak_kib, returncode, output = run.get(timeout=60)
            assert returncode == 0, output
            return peak_kib * 1024

        try:
            yield peak
        finally:
            for launcher in benchmark._LAUNCHERS:
                launcher.terminate()
            benchmark._LAUNCHERS.clear()


def test_a_build_and_the_process_it_started_count_together(measure):
    assert measure(HOLDS_BESIDE_ITS_CHILD) >= 160 * MIB  # each alone peaked at about 90 MiB


def test_a_single_process_is_measured_as_its_own_peak(measure):
    peak = measure(f"held = b'x' * (80 * {MIB}); del held; import time; time.sleep(0.3)")
    assert 80 * MIB <= peak < 160 * MIB  # its peak, though freed before the end
