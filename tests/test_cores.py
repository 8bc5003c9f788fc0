"""The cores a build counts on: those it may run on, held to the whole CPUs a cgroup's quota allows."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_briefs import cores

V1 = ("cpu/cpu.cfs_quota_us", "cpu/cpu.cfs_period_us")


@pytest.fixture
def cgroups(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Cgroup files under a folder of the test's, on a machine of 4 cores; returns a writer of (path, text) pairs."""
    monkeypatch.setattr(cores, "CGROUP", tmp_path / "cgroup")
    monkeypatch.setattr(cores, "SELF_CGROUP", tmp_path / "self-cgroup")
    monkeypatch.setattr(cores.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)

    def write(files: dict[str, str | bytes], own: str = "") -> None:
        for name, text in files.items():
            path = tmp_path / "cgroup" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        if own:
            (tmp_path / "self-cgroup").write_text(own, encoding="utf-8")

    return write


@pytest.mark.parametrize("files, expected", [
    ({"cpu.max": "max 100000\n"}, 4),  # cgroup v2, no limit
    ({"cpu.max": "150000 100000\n"}, 1),  # v2: a CPU and a half
    ({"cpu.max": "200000 100000\n"}, 2),
    ({"cpu.max": "  300000   100000 \n\n"}, 3),
    ({V1[0]: "-1\n", V1[1]: "100000\n"}, 4),  # cgroup v1, no limit
    ({V1[0]: "100000\n", V1[1]: "100000\n"}, 1),  # v1: one CPU
    ({V1[0]: "50000\n", V1[1]: "100000\n"}, 1),  # half a CPU: still one to run on
    ({}, 4),  # none to read
])
def test_a_quota_counts_in_whole_cpus(cgroups, files: dict[str, str], expected: int):
    cgroups(files)
    assert cores.usable_cores() == expected


@pytest.mark.parametrize("files", [
    {"cpu.max": ""}, {"cpu.max": "150000"}, {"cpu.max": "1 2 3"}, {"cpu.max": "many 100000"},
    {"cpu.max": "150000 0"}, {"cpu.max": "0 100000"}, {"cpu.max": "-5 100000"}, {"cpu.max": "1.5 1"},
    {"cpu.max": b"\xff\xfe 100000"}, {"cpu.max/inside": "a folder"},
    {V1[0]: b"\xff\n", V1[1]: "100000\n"}, {V1[0]: "max\n", V1[1]: "100000\n"}, {V1[0]: "100000\n"},
    {"cpu.max": "1" + "0" * 400 + " 1"},  # beyond any float
    {"cpu.max": "1" + "0" * 5000 + " 1"},  # beyond what Python reads as a number by default
    {"cpu.max": "\u00b2 1"},  # a digit, but not one a number is written with
])
def test_a_quota_that_cannot_be_read_counts_as_none(cgroups, files: dict[str, str | bytes]):
    cgroups(files)
    assert cores.usable_cores() == 4


def test_a_quota_just_under_two_cpus_is_one(cgroups):
    cgroups({"cpu.max": "199999999999999999 100000000000000000\n"})
    assert cores.usable_cores() == 1


def test_a_quota_on_a_cgroup_above_this_process_counts(cgroups):
    # As under systemd with a CPU quota on the slice: "0::/work.slice/build.scope", the limit one level up.
    cgroups({"work.slice/cpu.max": "100000 100000\n", "work.slice/build.scope/cpu.max": "max 100000\n"}, own="0::/work.slice/build.scope\n")
    assert cores.usable_cores() == 1


def test_the_tightest_quota_on_the_way_up_counts(cgroups):
    cgroups({"a/cpu.max": "200000 100000\n", "a/b/cpu.max": "300000 100000\n", "cpu.max": "max 100000\n"}, own="0::/a/b\n")
    assert cores.usable_cores() == 2


def test_a_v1_container_sees_its_own_cgroup_at_the_top_of_the_mount(cgroups):
    # Docker without a cgroup namespace: the path names the host's folder, the mount shows the container's.
    cgroups({V1[0]: "100000\n", V1[1]: "100000\n"}, own="5:cpu,cpuacct:/docker/0123abcd\n4:memory:/docker/0123abcd\n")
    assert cores.usable_cores() == 1


@pytest.mark.parametrize("own", ["0::/../outside\n", "0::/..\n"])
def test_a_cgroup_outside_the_namespace_is_not_looked_for_beside_the_mount(cgroups, own: str):
    # Only "/" and the folders under it are this namespace's: ".." leads out of the mount.
    cgroups({"../outside/cpu.max": "100000 100000\n", "../cpu.max": "100000 100000\n", "cpu.max": "100000 100000\n"}, own=own)
    assert cores.usable_cores() == 4


def test_an_unreadable_line_of_the_process_cgroups_loses_no_other(cgroups, tmp_path: Path):
    cgroups({"work.slice/cpu.max": "100000 100000\n"})
    (tmp_path / "self-cgroup").write_bytes(b"4:memory:/\xff\n0::/work.slice/build.scope\n")
    assert cores.usable_cores() == 1


def test_without_affinity_the_machines_cores_count(cgroups, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delattr(cores.os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(cores.os, "cpu_count", lambda: 3)
    cgroups({})
    assert cores.usable_cores() == 3
    monkeypatch.setattr(cores.os, "cpu_count", lambda: None)
    assert cores.usable_cores() == 1


def test_this_machine_has_at_least_one_core():
    assert cores.usable_cores() >= 1
