"""Reviewed Nu Html Checker errors in mkdocs-material's own markup: pattern -> reason.

A pattern matches the message plus the markup excerpt. Add an entry only when no override
in overrides/ (short of copying a whole theme template) and nothing we generate can fix it.
"""

from __future__ import annotations

ALLOWED: dict[str, str] = {
    r"Attribute “autocomplete” is only allowed when the input type is .*"
    r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"': (
        "base.html writes the drawer and search toggles as checkboxes with autocomplete=off, "
        "outside any template block; the attribute stops Firefox restoring an open drawer "
        "on reload, so the theme keeps it on purpose"
    ),
    r"Bad value “” for attribute “tabindex” on element “label”.*"
    r'<label class="md-nav__link[^"]*" for="__nav_[0-9_]+" id="__nav_[0-9_]+_label" tabindex="">': (
        'partials/nav-item.html writes tabindex="" on the label of a navigation section '
        "(tabindex is set to 0 only for non-section items); browsers ignore the empty value. "
        "Fixing it means copying the whole 150-line partial into overrides/"
    ),
}
