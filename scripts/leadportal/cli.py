"""The `leadportal` command line: check, schema, generate, build, new, format, edit, linkcheck,
geocode."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from leadportal.admin.edit_command import run_editor
from leadportal.build.generate import check, generate, write_outputs
from leadportal.build.linkcheck import check_site, report_lines
from leadportal.build.publish import build_portal, exit_codes_help
from leadportal.places.geocode_command import Request, run_geocode
from leadportal.places.geocoders import GEOCODERS
from leadportal.records.format_command import format_records
from leadportal.records.loader import SLUG
from leadportal.records.mkdocs_yml import read_settings
from leadportal.records.models import RECORD_KINDS
from leadportal.records.options import OptionsError
from leadportal.records.problems import Problem
from leadportal.records.scaffold import record_path, translations_example, write_new_record
from leadportal.records.schema import schema_text
from leadportal.records.settings import Settings
from leadportal.records.working_on import internal_error_problem

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def summary(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    """Exit 1 on what stops a publishing build: errors, and the warnings that stop the
    `--strict` build `leadportal build` runs (reminders are only printed)."""
    result = check(settings)
    print_problems(result.problems)
    stopping = [p for p in result.problems if p.stops_publishing]
    if stopping:
        errors = sum(p.is_error for p in stopping)
        print(
            f"{errors} error(s) and {len(stopping) - errors} warning(s) found; "
            "nothing is published until they are fixed.",
            file=sys.stderr,
        )
        return EXIT_PROBLEMS
    print(f"ok: {summary(result.records.counts())}")
    return EXIT_OK


def cmd_schema(settings: Settings, args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else settings.docs_dir / "schemas"
    out.mkdir(parents=True, exist_ok=True)
    for kind in sorted(RECORD_KINDS):
        target = out / f"{kind}.schema.json"
        target.write_text(schema_text(kind, settings), encoding="utf-8")
        print(f"wrote {settings.relative(target.resolve())}")
    return EXIT_OK


def cmd_generate(settings: Settings, args: argparse.Namespace) -> int:
    result = generate(settings)
    print_problems(result.problems)
    if not result.ok:
        return EXIT_PROBLEMS
    count = write_outputs(result.outputs, Path(args.out))
    # Each other language's pages below OUT/<language>/, as the MkDocs build places them.
    for language in sorted(settings.translations):
        other = generate(replace(settings, language=language), language=language)
        count += write_outputs(other.outputs, Path(args.out) / language)
    print(f"wrote {count} files to {args.out}")
    return EXIT_OK


def cmd_build(settings: Settings, args: argparse.Namespace) -> int:
    return build_portal(Path(args.config_file))


def cmd_new(settings: Settings, args: argparse.Namespace) -> int:
    if not SLUG.match(args.name):
        print(
            f"'{args.name}' cannot be a record name: use letters, digits, - and _ "
            "(it becomes the page address), e.g. king-county",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        target = write_new_record(args.kind, args.name, settings)
    except FileExistsError:
        existing = settings.relative(record_path(args.kind, args.name, settings))
        print(f"{existing} already exists; nothing was written (edit it instead)", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {settings.relative(target)}: change the example values, then `leadportal check`")
    example = translations_example(args.kind, settings)
    if example:
        print("Its texts in another language go last, e.g. (remove the # marks):")
        print(example, end="")
    return EXIT_OK


def cmd_format(settings: Settings, args: argparse.Namespace) -> int:
    result = format_records(settings, write=not args.check)
    print_problems(result.problems)
    verb = "not in the canonical layout" if args.check else "rewritten"
    for path in result.changed:
        note = " (its comments were removed)" if path in result.comments_dropped else ""
        print(f"{path}: {verb}{note}")
    print(f"{len(result.changed)} {verb}, {result.unchanged} already in the layout")
    if result.comments_dropped and not args.check:
        print(
            "Comments cannot survive the web editor; editors still check records against "
            "the schemas through .vscode/settings.json."
        )
    return EXIT_PROBLEMS if result.problems or (args.check and result.changed) else EXIT_OK


def cmd_edit(settings: Settings, args: argparse.Namespace) -> int:
    return run_editor(Path(args.config_file), args.port)


def cmd_linkcheck(settings: Settings, args: argparse.Namespace) -> int:
    site_dir = Path(args.site_dir) if args.site_dir else settings.root / "site"
    if not site_dir.is_dir():
        print(f"{site_dir}: not found; build the portal first (mkdocs build)", file=sys.stderr)
        return EXIT_USAGE
    report = check_site(site_dir, args.site_url if args.site_url is not None else settings.site_url)
    for line in report_lines(report):
        print(line)
    return EXIT_PROBLEMS if report.broken else EXIT_OK


def cmd_geocode(settings: Settings, args: argparse.Namespace) -> int:
    kind = "offline" if args.offline else (args.geocoder or settings.geocoder)
    return run_geocode(settings, Request(kind, refresh=args.refresh, dry_run=args.dry_run))


Command = Callable[[Settings, argparse.Namespace], int]


def parser() -> tuple[argparse.ArgumentParser, dict[str, Command]]:
    top = argparse.ArgumentParser(
        prog="leadportal", description="LEAD Portal generator.", epilog=exit_codes_help()
    )
    top.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        help="the portal's mkdocs.yml (default: ./mkdocs.yml)",
    )
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every record; exit 1 on any problem")
    schema = sub.add_parser("schema", help="write one JSON Schema per record kind")
    schema.add_argument("--out", help="folder (default: docs/schemas)")
    gen = sub.add_parser("generate", help="write the generated files to a folder, without MkDocs")
    gen.add_argument("--out", required=True, help="folder to write into")
    sub.add_parser(
        "build",
        help="check, then build the site --strict and swap it into place only on success",
        description="Check the records, build with MkDocs --strict into a temporary folder "
        "beside site/ and swap it into place only on success. Dates come from "
        "SOURCE_DATE_EPOCH, by default the last commit's time, so rebuilds are identical.",
        epilog=exit_codes_help(),
    )
    new = sub.add_parser(
        "new",
        help="write a new, valid, commented record to fill in (never overwrites)",
        epilog="exit codes: 0 written; 1 the file exists (nothing written); 2 bad name",
    )
    new.add_argument("kind", choices=sorted(RECORD_KINDS), help="what to create")
    new.add_argument("name", help="the record's slug, which becomes its file name and address")
    fmt = sub.add_parser(
        "format",
        help="write every record in the layout the web editor writes (values never change)",
        epilog="exit codes: 0 every record is in the layout; 1 a record was left as it is "
        "(each is named) or, with --check, a record is not in the layout",
    )
    fmt.add_argument(
        "--check", action="store_true", help="name the records to rewrite; write nothing"
    )
    edit = sub.add_parser(
        "edit",
        help="start the web editor and the live preview on this computer, on this checkout",
    )
    edit.add_argument("--port", type=int, default=8000, help="the preview's port (default 8000)")
    links = sub.add_parser("linkcheck", help="check every link of a built site; exit 1 if broken")
    links.add_argument("site_dir", nargs="?", help="the built site (default: site/)")
    links.add_argument("--site-url", help="the portal's address (default: site_url of mkdocs.yml)")
    geocode = sub.add_parser(
        "geocode",
        help="find coordinates for public sites without `location` and write them to the "
        "geocode cache (records are never changed)",
        epilog="exit codes: 0 every public site has coordinates; 1 a record has a problem or a "
        "place was not found (each is listed); 2 the geocoder is not set up",
    )
    geocode.add_argument(
        "--geocoder", choices=GEOCODERS, help="which geocoder to ask (default: geocoder: setting)"
    )
    geocode.add_argument(
        "--offline", action="store_true", help="use the packaged US places: no network"
    )
    geocode.add_argument(
        "--refresh", action="store_true", help="ask again for places already in the cache"
    )
    geocode.add_argument(
        "--dry-run", action="store_true", help="list the places that would be asked; write nothing"
    )
    commands: dict[str, Command] = {
        "new": cmd_new,
        "check": cmd_check,
        "schema": cmd_schema,
        "generate": cmd_generate,
        "build": cmd_build,
        "linkcheck": cmd_linkcheck,
        "geocode": cmd_geocode,
        "format": cmd_format,
        "edit": cmd_edit,
    }
    return top, commands


def main(argv: Sequence[str] | None = None) -> int:
    top, commands = parser()
    args = top.parse_args(argv)
    config_file = Path(args.config_file)
    if not config_file.is_file():
        print(
            f"{config_file}: not found; run leadportal in the portal's folder "
            "or pass --config-file",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        return commands[args.command](read_settings(config_file), args)
    except OptionsError as error:
        print_problems(error.problems)
        print("mkdocs.yml has a problem; nothing was done.", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as error:  # a bug: one line, never a traceback that hides the rest
        print(internal_error_problem(error), file=sys.stderr)
        return EXIT_PROBLEMS


if __name__ == "__main__":
    sys.exit(main())
