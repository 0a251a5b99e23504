#!/usr/bin/env python3
"""tests/docs/links.py — every relative link in the docs leads somewhere: README.md, docs/*.md and the
examples' pages are read, and each [text](target) that is not a URL must name a file that exists and, when
it has a #fragment into a Markdown page, a heading of that page, spelled as GitHub makes a heading's anchor
(lower case; letters, digits, spaces, '-' and '_' kept, the rest dropped; spaces become '-'; a repeated
heading gets -1, -2, ...). Links inside code blocks and `code spans` are text, not links.

    links.py ROOT    prints each broken link as FILE:LINE: what is wrong, then the count; exits 1 if any
"""
import functools
import pathlib
import re
import sys


def anchor_of(heading):
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return text.replace(" ", "-")


def prose_lines(path):
    """(line number, line) of the page outside fenced code blocks."""
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif not fenced:
            yield number, line


@functools.lru_cache(maxsize=None)
def anchors(path):
    """The anchors of the page's headings (their code spans are part of their text)."""
    found, seen = set(), {}
    for _, line in prose_lines(path):
        heading = re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if heading:
            base = anchor_of(heading.group(1))
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}-{count}")
    return found


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1]).resolve()
    pages = [root / "README.md", *sorted(root.glob("docs/*.md")), *sorted(root.glob("examples/**/*.md"))]
    broken = 0
    for page in (p for p in pages if p.exists()):
        for number, line in prose_lines(page):
            for target in re.findall(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)", re.sub(r"`[^`]*`", "``", line)):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                    continue  # a URL (https:, mailto:)
                path, _, fragment = target.partition("#")
                dest = (page.parent / path).resolve() if path else page
                where = f"{page.relative_to(root)}:{number}"
                if not dest.exists():
                    print(f"{where}: {target}: no file {path}")
                    broken += 1
                elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
                    print(f"{where}: {target}: no heading #{fragment} in {dest.relative_to(root)}")
                    broken += 1
    print(f"{broken} broken link(s) in {len(pages)} pages")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
