"""Which folder is a Policy Briefs site: where the `briefs` command reads and writes."""

from __future__ import annotations

from pathlib import Path

import yaml

CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
PLUGIN_NAME = "policy-briefs"


class _AnyTags(yaml.SafeLoader):
    """YAML with MkDocs' tags (`!ENV`, `!relative`, Python names) read as nothing."""


_AnyTags.add_multi_constructor("", lambda loader, suffix, node: None)


def config_file(folder: Path) -> Path | None:
    """The folder's MkDocs configuration file, if it has one."""
    return next((folder / name for name in CONFIG_NAMES if (folder / name).is_file()), None)


def site_folder(start: Path) -> Path | None:
    """`start`, or the nearest folder above it that holds an MkDocs configuration (None if none does)."""
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if config_file(folder) is not None), None)


def uses_plugin(config: Path) -> bool:
    """Whether the configuration lists this package's plugin (True when it cannot be read: the build will say why)."""
    try:
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_AnyTags)  # noqa: S506 (a SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return True
    plugins = data.get("plugins") if isinstance(data, dict) else None
    if isinstance(plugins, dict):
        return PLUGIN_NAME in plugins
    return isinstance(plugins, list) and any(item == PLUGIN_NAME or isinstance(item, dict) and PLUGIN_NAME in item for item in plugins)
