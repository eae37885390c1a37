"""Record Markdown: raw HTML as text, only safe addresses, local images, nested headings."""

from __future__ import annotations

from leadportal.render.safe_markdown import render


def test_addresses_are_checked_as_the_browser_decodes_them() -> None:
    html = render("[a](&#106;avascript:alert(1)) [b](java&#09;script:x) [ok](page/#x)")
    assert "javascript" not in html.replace("&#106;avascript", "").lower()
    assert html.count("href=") == 1 and 'href="page/#x"' in html


def test_images_from_other_hosts_become_their_description() -> None:
    html = render(
        "![pixel](https://t.example.net/p.png) ![rel](//t.example.net/p.png) ![ok](a.png)"
    )
    assert "<span>pixel</span>" in html and "<span>rel</span>" in html
    assert html.count("<img") == 1 and 'src="a.png"' in html


def test_headings_start_below_the_title_and_skip_no_level() -> None:
    html = render("#### A\n\n###### B\n\n##### C\n\n# D")
    assert [tag for tag in ("<h2>A", "<h3>B", "<h3>C", "<h2>D") if tag not in html] == []
    assert "<h1>" in render("# Top", 0)


def test_one_record_cannot_define_a_link_for_the_next() -> None:
    render("See [the site][home].\n\n[home]: https://example.org/")
    assert "<a" not in render("See [the site][home].")
