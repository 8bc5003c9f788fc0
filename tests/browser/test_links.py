"""No broken internal link or anchor anywhere in the built site."""

from __future__ import annotations

from pathlib import Path

from .checks import check_links


def test_every_internal_link_and_anchor_of_the_site_resolves(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 10, "the site has hardly any pages: is the build empty?"
    problems = check_links(site_dir)
    assert not problems, "broken links:\n" + "\n".join(map(str, problems))


def write(root: Path, rel: str, body: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang=en><title>t</title>{body}</html>", encoding="utf-8")


def test_the_link_checker_reports_a_missing_page_and_a_missing_anchor(tmp_path: Path) -> None:
    write(tmp_path, "index.html", """
        <a href="briefs/">fine</a> <a href="briefs/#here">fine anchor</a> <a href="#top">own anchor</a>
        <a href="https://example.invalid/">elsewhere</a> <a href="mailto:a@example.invalid">mail</a>
        <a href="briefs/gone/">missing page</a>
        <a href="briefs/#nowhere">missing anchor</a>
        <a href="#nothing">missing own anchor</a>
        <link rel="stylesheet" href="assets/missing.css">
        <p id="top">top</p>""")
    write(tmp_path, "briefs/index.html", '<h1 id="here">Here</h1><a href="../">up</a> <a href="../index.html#top">up to top</a>')
    problems = check_links(tmp_path)
    assert sorted((p.page, p.url) for p in problems) == [
        ("index.html", "#nothing"),
        ("index.html", "assets/missing.css"),
        ("index.html", "briefs/#nowhere"),
        ("index.html", "briefs/gone/"),
    ]
    assert "no element with id 'nowhere' in briefs/index.html" in str(next(p for p in problems if p.url == "briefs/#nowhere"))
