// tests/docs/harness.hpp — what the units tests/docs/extract.py generates share: the table of a page's
// programs and the runner that checks each one's standard output. Included after the page's code,
// and including nothing, so a page compiles only with the headers it names itself.
#pragma once

namespace docs_harness {

struct Block {
    int line;                // the line of the program's first code line on its page
    int (*run)();            // calls the program's main(); its return value is the exit status
    const char* expected;    // the page's Output block, or "" when the page shows none
};

// Runs every block (or those whose line is given on the command line), each with its standard output
// captured and compared with `expected`; reports each failure as <page>:<line>: on stderr.
// Returns the number of blocks that failed.
int run_blocks(const char* page, const Block* blocks, int count, int argc, char** argv);

// In a program of several pages (docs_pages), runs the TEST_CASEs of the page whose file name is the
// tag's (`[#testing]` for testing.md): Catch2 tags each test with its file's name, which the #line
// directives make its page's. Fails when no test has that tag, so a page's tests cannot vanish unseen.
// Defined by docs_pages's generated main() unit, which holds Catch2's implementation.
int run_tests(const char* program, const char* tag);

// A program's main() as an int, whether it returns one or falls off its end.
template <class F>
int call(F f) {
    if constexpr (requires { static_cast<int>(f()); }) {
        return static_cast<int>(f());
    } else {
        f();
        return 0;
    }
}

}  // namespace docs_harness
