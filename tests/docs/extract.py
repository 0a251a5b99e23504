#!/usr/bin/env python3
# tests/docs/extract.py — turns the ```cpp blocks of one Markdown page into one C++ translation unit
# that compiles every block and runs every program, so a page cannot show code that does not build or
# claim output it does not print. The conventions it reads are described in docs/README.md.
#
#   extract.py --page docs/models.md --output build/.../docs_models.cpp [--root <repository root>]
#              [--entry docs_page_models [--tests-tag '[#testing]']]
#
# --entry names the function that runs the page's programs, `int <entry>(int argc, char** argv)`, instead
# of main(): several pages then build into one program (tests/docs/CMakeLists.txt, DRF_DOCS_UNITY), whose
# main() unit compiles Catch2's implementation for the pages with TEST_CASEs. Such a page runs its own
# TEST_CASEs by --tests-tag, the tag Catch2 gives them from the page's file name (`--filenames-as-tags`),
# which CMake works out once, as it needs it to keep two pages of one name out of one program.
#
# Errors in the page itself (an unknown marker, an Output block after a fragment, an excerpt that is
# not in its file) are reported as `<page>:<line>: error: ...` and fail the build.
import argparse
import os
import re
import sys

MARKER = re.compile(r"^<!--\s*(fragment|compile-only|compile-error|excerpt)\b\s*(?::\s*(.*?))?\s*-->\s*$")
INCLUDE = re.compile(r"^\s*#\s*include\s*[<\"]")
MAIN = re.compile(r"^(\s*)int(\s+)main(\s*)\(")
BODY = re.compile(r"^body\s*(?:\((.*)\))?$")


class PageError(Exception):
    pass


class Block:
    def __init__(self, line, code, marker, argument, marker_line=None):
        self.line = line          # line number of the first code line, 1-based
        self.marker_line = marker_line or line - 1  # the marker's line, for errors about it
        self.code = code          # the lines between the fences
        self.marker = marker      # None, "fragment", "compile-only", "compile-error", "excerpt"
        self.argument = argument  # what follows "marker:", or None
        self.output = None        # the expected stdout, for a program with an Output block
        self.is_program = any(MAIN.match(c) for c in code)


def parse(path, lines):
    """The page's ```cpp blocks, each with its marker and expected output."""
    blocks = []
    i = 0
    while i < len(lines):
        if not re.match(r"^```cpp\s*$", lines[i]):
            if re.match(r"^```\s*c\+\+\s*$|^```\s*C\+\+\s*$", lines[i]):
                raise PageError(f"{path}:{i + 1}: error: write the fence as ```cpp so the block is compiled")
            i += 1
            continue
        fence = i
        j = fence - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        marker = argument = marker_line = None
        if j >= 0:
            m = MARKER.match(lines[j].strip())
            if m:
                marker, argument, marker_line = m.group(1), m.group(2), j + 1
        end = fence + 1
        while end < len(lines) and not re.match(r"^```\s*$", lines[end]):
            end += 1
        if end == len(lines):
            raise PageError(f"{path}:{fence + 1}: error: the ```cpp block is never closed")
        block = Block(fence + 2, lines[fence + 1:end], marker, argument, marker_line)
        blocks.append(block)
        i = end + 1
        # An Output block: the line "Output:", then a ```text block, right after the code.
        k = i
        while k < len(lines) and not lines[k].strip():
            k += 1
        if k < len(lines) and lines[k].strip() == "Output:":
            k += 1
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k >= len(lines) or not re.match(r"^```text\s*$", lines[k]):
                raise PageError(f"{path}:{k + 1}: error: \"Output:\" must be followed by a ```text block")
            out_end = k + 1
            while out_end < len(lines) and not re.match(r"^```\s*$", lines[out_end]):
                out_end += 1
            if not block.is_program or block.marker in ("compile-only", "compile-error", "excerpt"):
                raise PageError(f"{path}:{k + 1}: error: an Output block follows a block that is not run "
                                "(only a program with `int main()` and no compile-only marker is run)")
            block.output = "".join(l + "\n" for l in lines[k + 1:out_end])
            i = out_end + 1
    return blocks


def check_excerpt(path, block, root):
    """An excerpt's lines (but `…` and `// ...` lines) appear in its file, in order."""
    if not block.argument:
        raise PageError(f"{path}:{block.marker_line}: error: write the file the excerpt is from: <!-- excerpt: path -->")
    source = os.path.join(root, block.argument)
    if not os.path.isfile(source):
        raise PageError(f"{path}:{block.marker_line}: error: the excerpt's file {block.argument} does not exist")
    with open(source, encoding="utf-8") as f:
        have = [l.strip() for l in f.read().splitlines()]
    at = 0
    for n, line in enumerate(block.code):
        want = line.strip()
        if not want or want in ("…", "...", "// ...", "// …"):
            continue
        while at < len(have) and have[at] != want:
            at += 1
        if at == len(have):
            raise PageError(f"{path}:{block.line + n}: error: this line of the excerpt is not in {block.argument} "
                            f"(or not in this order): {want}")
        at += 1


def c_string(text):
    delimiter = "docs_out"
    while f"){delimiter}\"" in text:
        delimiter += "_"
    return f'R"{delimiter}({text}){delimiter}"'


class Writer:
    def __init__(self, output):
        self.lines = []
        self.output = output

    def add(self, text=""):
        self.lines.extend(text.split("\n"))

    def source_lines(self, path, first, code):
        self.lines.append(f'#line {first} "{path}"')
        self.lines.extend(code)
        self.lines.append(f'#line {len(self.lines) + 2} "{self.output}"')


def generate(path, shown, blocks, root, output, entry="main", tests_tag=None):
    page = re.sub(r"[^A-Za-z0-9]", "_", os.path.basename(path).rsplit(".", 1)[0]).lower()
    includes = []
    for block in blocks:
        if block.marker == "excerpt":
            check_excerpt(shown, block, root)
            continue
        for line in block.code:
            if INCLUDE.match(line) and line.strip() not in includes:
                includes.append(line.strip())
    needs_catch = any(b.marker == "fragment" and (b.argument or "") == "test" for b in blocks)

    def prelude(w):
        w.add(f"// Generated from {shown} by tests/docs/extract.py: edit the page, not this file.")
        w.add("// Every ```cpp block of the page, in order; each complete block in a namespace of its own.")
        w.add("#undef NDEBUG  // the pages' assert()s are their checks")
        if needs_catch:  # the page's TEST_CASEs run after its programs, from this unit's entry
            if entry == "main":  # a program of its own: Catch2's implementation is compiled here
                w.add("#define CATCH_CONFIG_RUNNER")
            w.add("#include <catch2/catch.hpp>")
        for inc in includes:
            if not (needs_catch and inc == "#include <catch2/catch.hpp>"):
                w.add(inc)

    main = Writer(output)
    prelude(main)
    error_units = []   # (block, the text of its translation unit)
    programs = []      # (block, namespace)
    namespace = None
    body_count = 0

    def emit(w, block, ns):
        """Writes one block into w inside namespace ns."""
        nonlocal body_count
        code = ["" if INCLUDE.match(l) else l for l in block.code]
        runnable = block.is_program
        if runnable:
            code = [MAIN.sub(r"\1auto\2docs_main\3(", l) for l in code]
        w.add(f"namespace {ns} {{")
        if block.marker == "fragment" and block.argument and block.argument != "test":
            m = BODY.match(block.argument)
            if not m:
                raise PageError(f"{shown}:{block.marker_line}: error: unknown fragment kind `{block.argument}`: "
                                "write <!-- fragment -->, <!-- fragment: body -->, "
                                "<!-- fragment: body(parameters) --> or <!-- fragment: test -->")
            body_count += 1
            w.add(f"[[maybe_unused]] inline auto docs_body_{block.line}({m.group(1) or ''}) {{")
            w.source_lines(shown, block.line, code)
            w.add("}")
        else:
            w.source_lines(shown, block.line, code)
        w.add(f"}}  // namespace {ns}")

    for block in blocks:
        if block.marker == "excerpt":
            continue
        continues = block.marker in ("fragment", "compile-error")
        if continues and namespace is None:
            raise PageError(f"{shown}:{block.marker_line}: error: a fragment needs a complete block before it "
                            "on the page to build on")
        if not continues:
            namespace = f"{page}_md_{block.line}"
        if block.marker == "compile-error":
            if not block.argument:
                raise PageError(f"{shown}:{block.marker_line}: error: write the error the compiler must report: "
                                "<!-- compile-error: <regex> -->")
            unit = Writer(output)
            unit.lines.append(f"// expect: {block.argument}")
            unit.lines.extend(main.lines)
            emit(unit, block, namespace)
            error_units.append((block, unit))
            continue
        if block.is_program and block.marker == "fragment":
            raise PageError(f"{shown}:{block.line}: error: a fragment has no main(): "
                            "drop the marker, or the main()")
        emit(main, block, namespace)
        if block.is_program and block.marker != "compile-only":
            programs.append((block, namespace))

    main.add('#include "harness.hpp"')
    main.add("")
    main.add(f"int {entry}(int argc, char** argv) {{")
    main.add("    static const docs_harness::Block blocks[] = {")
    for block, ns in programs:
        main.add(f'        {{{block.line}, [] {{ return docs_harness::call([] {{ return {ns}::docs_main(); }}); }},')
        main.add(f"         {c_string(block.output or '')}}},")
    if not programs:
        main.add("        {0, nullptr, nullptr},")
    main.add("    };")
    main.add(f'    int failed = docs_harness::run_blocks("{shown}", blocks, {len(programs)}, argc, argv);')
    if needs_catch and entry == "main":
        main.add("    failed += Catch::Session().run();  // the page's TEST_CASEs")
    elif needs_catch:
        # One program holds several pages' TEST_CASEs: the #line directives make each one's file the
        # page's (harness.hpp), and Catch2 tags it with that file's name.
        if not tests_tag:
            raise PageError(f"{shown}: error: a page with TEST_CASEs built with --entry {entry} needs --tests-tag")
        main.add(f'    failed += docs_harness::run_tests(argv[0], {c_string(tests_tag)});  // the page\'s TEST_CASEs')
    main.add("    return failed == 0 ? 0 : 1;")
    main.add("}")
    return main, error_units


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--page", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--root", default=os.getcwd())
    parser.add_argument("--entry", default="main")
    parser.add_argument("--tests-tag")
    args = parser.parse_args()
    shown = os.path.abspath(args.page)
    with open(args.page, encoding="utf-8") as f:
        lines = f.read().splitlines()
    try:
        blocks = parse(shown, lines)
        unit, error_units = generate(args.page, shown, blocks, args.root, os.path.abspath(args.output),
                                     args.entry, args.tests_tag)
    except PageError as e:
        print(e, file=sys.stderr)
        return 1
    write_if_changed(args.output, "\n".join(unit.lines) + "\n")
    # One file per block that must not compile, next to the page's unit; stale ones are removed.
    stem = args.output[:-len(".cpp")] if args.output.endswith(".cpp") else args.output
    directory = os.path.dirname(os.path.abspath(args.output))
    prefix = os.path.basename(stem) + ".error_"
    wanted = set()
    for block, error_unit in error_units:
        name = f"{prefix}{block.line}.cpp"
        wanted.add(name)
        write_if_changed(os.path.join(directory, name), "\n".join(error_unit.lines) + "\n")
    for name in os.listdir(directory):
        if name.startswith(prefix) and name.endswith(".cpp") and name not in wanted:
            os.remove(os.path.join(directory, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
