"""Reading the Content Security Policy meta back out of built HTML, for the tests."""

from __future__ import annotations

import html
import re
from pathlib import Path

from leadportal.render.csp import inline_scripts, script_hash

CSP_META = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', re.IGNORECASE
)


def directives(document: str) -> dict[str, list[str]]:
    """The policy of a document as {directive: sources}; {} when it has no policy meta."""
    found = CSP_META.findall(document)
    assert len(found) <= 1, "more than one policy meta"
    if not found:
        return {}
    policy: dict[str, list[str]] = {}
    for part in html.unescape(found[0]).split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def policy_problems(file: Path, allowed_hosts: dict[str, set[str]]) -> list[str]:
    """What is wrong with the policy of one built HTML file ([] when nothing is)."""
    document = file.read_text(encoding="utf-8")
    policy = directives(document)
    if not policy:
        return [f"{file}: no policy meta"]
    problems = []
    first_script = document.lower().find("<script")
    if first_script != -1 and document.find("Content-Security-Policy") > first_script:
        problems.append(f"{file}: policy comes after a script")
    fixed = {
        "default-src": ["'self'"],
        "frame-src": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
    for name, sources in fixed.items():
        if policy.get(name) != sources:
            problems.append(f"{file}: {name} is {policy.get(name)}")
    scripts = policy.get("script-src", [])
    hashes = {script_hash(s) for s in inline_scripts(document)}
    if set(scripts) != {"'self'"} | hashes:
        problems.append(f"{file}: script-src {scripts} is not 'self' plus its inline hashes")
    for name in ("style-src", "img-src", "connect-src", "form-action"):
        others = set(policy.get(name, [])) - {"'self'", "'unsafe-inline'", "data:"}
        if others - allowed_hosts.get(name, set()):
            problems.append(f"{file}: {name} allows {sorted(others)}")
    return problems
