"""Every built page is valid HTML to the Nu HTML Checker (vnu)."""

from __future__ import annotations

from pathlib import Path

from .checks import run_vnu


def test_every_built_page_is_valid_html(site_dir: Path, vnu_ready: None) -> None:
    errors = run_vnu([site_dir], site_dir)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))


def test_the_validity_check_reports_invalid_markup_and_filters_only_materials_toggles(tmp_path: Path, vnu_ready: None) -> None:
    (tmp_path / "bad.html").write_text(
        """<!doctype html><html lang="en"><head><title>Bad</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input type="checkbox" id="mine" autocomplete="off">
<a href="#"><button type="button">inside a link</button></a>
<p>Unclosed <span>span</p>
<label for="missing">no control</label>
</body></html>""",
        encoding="utf-8",
    )
    errors = run_vnu([tmp_path], tmp_path)
    messages = "\n".join(map(str, errors))
    assert all(e.file == "bad.html" for e in errors)
    assert "“button” must not appear as a descendant of the “a” element" in messages
    assert "“label” element must be the ID of a non-hidden form control" in messages
    assert any("autocomplete" in e.message and 'id="mine"' in e.markup for e in errors), messages
    assert not any('id="__drawer"' in e.markup for e in errors), "Material's own toggle is the one to filter out"
