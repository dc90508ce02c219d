#!/usr/bin/env python3
"""mdBook preprocessor: fail the build on a broken link.

mdBook itself does not check links. This preprocessor (see book.toml) reads
every chapter after `{{#include}}` has been expanded and fails the build
(exit 1, so `mdbook build docs` fails) if

- a relative link or image points to a file that is not in src/ (files
  outside src/ are not copied into the built book);
- a link to a .md file points to a file that is not a chapter in SUMMARY.md;
- a `#anchor` (on the same page or another chapter) matches no heading, using
  the ids mdBook gives headings (lower case, spaces to '-', punctuation
  dropped, '-1', '-2' ... for repeats; `{#id}` is honoured);
- an `{{#include ...}}` or similar was left unexpanded (mdBook only logs
  that as an error and carries on);
- a link in the files named in `check-also` (the README) points into the book
  directory (docs/) at something that does not exist.

Links with a scheme (https:, mailto:) are not fetched. Links inside code
spans and fenced code blocks are ignored. Standard library only.
"""

import json
import os
import re
import sys

INLINE = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
HTML_ATTR = re.compile(r"<(?:a|img|source)\b[^>]*?\b(?:href|src)\s*=\s*[\"']([^\"']*)[\"']", re.I)
HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
CUSTOM_ID = re.compile(r"\s*\{[^}]*#([^\s}]+)[^}]*\}\s*$")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def strip_code(markdown):
    """The text with fenced code blocks blanked and code spans emptied."""
    out, fence = [], None
    for line in markdown.split("\n"):
        m = FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            out.append("")
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(re.sub(r"(`+)(?:(?!\1).)+?\1", "``", line))
    return "\n".join(out)


def heading_text(raw):
    """A heading's visible text, roughly as mdBook renders it."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", raw)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = text.replace("`", "")
    text = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", text)
    return text


def heading_id(text):
    """mdbook-html's id_from_content."""
    out = []
    for ch in text.strip().lower():
        if ch.isalnum() or ch in "_-":
            out.append(ch)
        elif ch.isspace():
            out.append("-")
    return "".join(out)


def anchors(markdown):
    ids, used = set(), set()
    in_fence = None
    for line in markdown.split("\n"):
        m = FENCE.match(line)
        if in_fence:
            if m and m.group(1)[0] == in_fence[0] and len(m.group(1)) >= len(in_fence):
                in_fence = None
            continue
        if m:
            in_fence = m.group(1)
            continue
        h = HEADING.match(line)
        if not h:
            continue
        text = h.group(2)
        custom = CUSTOM_ID.search(text)
        if custom:
            ident = custom.group(1)
        else:
            base = heading_id(heading_text(text))
            ident, n = base, 0
            while ident in used:
                n += 1
                ident = f"{base}-{n}"
        used.add(ident)
        ids.add(ident)
    # Explicit HTML anchors: <a id="x"> / <span id="x">.
    ids.update(re.findall(r"\bid\s*=\s*[\"']([^\"']+)[\"']", markdown))
    return ids


def links(markdown):
    """(line number, target) for every link and image outside code."""
    for number, line in enumerate(strip_code(markdown).split("\n"), 1):
        for m in INLINE.finditer(line):
            yield number, m.group(1)
        m = REFDEF.match(line)
        if m:
            yield number, m.group(1)
        for m in HTML_ATTR.finditer(line):
            yield number, m.group(1)


def chapters(items):
    for item in items:
        if isinstance(item, dict) and "Chapter" in item:
            chapter = item["Chapter"]
            yield chapter
            yield from chapters(chapter.get("sub_items", []))


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "supports":
        return 0

    context, book = json.load(sys.stdin)
    root = os.path.abspath(context["root"])
    src = os.path.normpath(os.path.join(root, context["config"]["book"].get("src", "src")))
    config = context["config"].get("preprocessor", {}).get("linkcheck", {})

    pages = {}
    for chapter in chapters(book.get("items", book.get("sections", []))):
        if chapter.get("path"):
            path = os.path.normpath(os.path.join(src, chapter["path"]))
            pages[path] = (chapter["path"], chapter["content"])

    page_anchors = {path: anchors(content) for path, (_, content) in pages.items()}
    problems = []

    def check(source_name, source_dir, number, target, content_anchors, scope):
        if not target or SCHEME.match(target) or target.startswith("//"):
            return
        file_part, _, fragment = target.partition("#")
        if not file_part:
            if fragment and content_anchors is not None and fragment not in content_anchors:
                problems.append(f"{source_name}:{number}: no heading with id '#{fragment}' on this page")
            return
        if file_part.startswith("/"):
            problems.append(f"{source_name}:{number}: '{target}' is absolute; use a relative link")
            return
        path = os.path.normpath(os.path.join(source_dir, file_part.split("?")[0]))
        if scope is not None and not (path == scope or path.startswith(scope + os.sep)):
            return
        if not os.path.exists(path):
            problems.append(f"{source_name}:{number}: '{target}': {os.path.relpath(path, root)} does not exist")
            return
        if scope is None and not (path == src or path.startswith(src + os.sep)):
            problems.append(f"{source_name}:{number}: '{target}' is outside {os.path.relpath(src, root)}/ and will not be in the built book")
            return
        if path.endswith(".md") and path.startswith(src + os.sep):
            if path not in pages:
                problems.append(f"{source_name}:{number}: '{target}' is not a chapter in SUMMARY.md")
                return
            if fragment and fragment not in page_anchors[path]:
                problems.append(f"{source_name}:{number}: '{target}': no heading with id '#{fragment}' in {pages[path][0]}")

    for path, (name, content) in pages.items():
        for number, line in enumerate(strip_code(content).split("\n"), 1):
            if re.search(r"\{\{\s*#", line):
                problems.append(f"{name}:{number}: unexpanded '{line.strip()}' (missing include file?)")
        for number, target in links(content):
            check(name, os.path.dirname(path), number, target, page_anchors[path], None)

    for extra in config.get("check-also", []):
        extra_path = os.path.normpath(os.path.join(root, extra))
        try:
            with open(extra_path, encoding="utf-8") as f:
                text = f.read()
        except OSError as e:
            problems.append(f"{extra}: cannot read: {e}")
            continue
        for number, target in links(text):
            check(os.path.relpath(extra_path, root), os.path.dirname(extra_path), number, target, None, root)

    if problems:
        for problem in problems:
            print(f"linkcheck: {problem}", file=sys.stderr)
        print(f"linkcheck: {len(problems)} broken link(s)", file=sys.stderr)
        return 1

    json.dump(book, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
