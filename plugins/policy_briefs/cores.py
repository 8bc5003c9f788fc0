"""How many processor cores this process can keep busy: those it may run on, less what a cgroup's CPU quota holds back.

A container, or a systemd unit, can be given a quota of CPU time (cgroup v2's `cpu.max`, v1's
`cpu.cfs_quota_us` over `cpu.cfs_period_us`) on a machine with more cores: the quota is what
counts, in whole CPUs. The quota of this process's cgroup and of every cgroup above it is read,
from the folder `/proc/self/cgroup` names up to the top of the mount (inside a container, the
mount's top is the container's own cgroup). Anything unreadable or unexpected counts as no limit.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

CGROUP = Path("/sys/fs/cgroup")  # where cgroups are mounted: v2 there, v1's cpu controller in `cpu/`
SELF_CGROUP = Path("/proc/self/cgroup")  # this process's cgroups: "0::/path" (v2), "4:cpu,cpuacct:/path" (v1)
_QUOTA_FILES = {"v2": ("cpu.max",), "v1": ("cpu.cfs_quota_us", "cpu.cfs_period_us")}


def usable_cores() -> int:
    """The cores this process may run on, and may use the whole of (a quota of 1.5 CPUs is 1)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # (not on every system)
        cores = os.cpu_count() or 1
    quota = cpu_quota()
    return max(1, min(cores, quota)) if quota is not None else cores


def cpu_quota() -> int | None:
    """The whole CPUs the tightest quota over this process's cgroups allows; None if none is set or can be read."""
    quotas = [quota for folder, version in _quota_folders() if (quota := _folder_quota(folder, version)) is not None]
    return min(quotas, default=None)


def _quota_folders() -> list[tuple[Path, str]]:
    """The cgroup folders whose quota applies to this process, from its own up to the mount's top."""
    paths = _own_cgroups()
    folders = []
    for version, top in (("v2", CGROUP), ("v1", CGROUP / "cpu")):
        own = PurePosixPath(paths.get(version, "/"))
        if ".." in own.parts:  # outside what this cgroup namespace shows: its quotas cannot be read here
            continue
        folders += [(top.joinpath(*level.parts[1:]), version) for level in (own, *own.parents)]
    return folders


def _own_cgroups() -> dict[str, str]:
    """This process's cgroup path in v2's hierarchy and in v1's cpu controller's, where `/proc/self/cgroup` gives them."""
    try:
        lines = SELF_CGROUP.read_text(encoding="utf-8", errors="surrogateescape").splitlines()  # (one odd line loses no other)
    except (OSError, ValueError):
        return {}
    paths = {}
    for line in lines:
        hierarchy, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if not path.startswith("/"):
            continue
        if hierarchy == "0" and not controllers:
            paths["v2"] = path
        elif "cpu" in controllers.split(","):
            paths["v1"] = path
    return paths


def _folder_quota(folder: Path, version: str) -> int | None:
    """The whole CPUs one cgroup folder's quota allows; None for no limit ("max", -1), or none to read."""
    try:
        fields = " ".join((folder / name).read_text(encoding="ascii") for name in _QUOTA_FILES[version]).split()
    except (OSError, ValueError):  # not there, or not text
        return None
    if len(fields) != 2 or not all(field.isascii() and field.isdigit() and len(field) < 20 for field in fields):
        return None
    quota, period = (int(field) for field in fields)
    return quota // period if quota and period else None
