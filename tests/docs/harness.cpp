// tests/docs/harness.cpp — runs the programs of a docs page (tests/docs/extract.py) one by one, with
// stdout redirected at the descriptor level so printf and std::cout are both captured, and compares
// what each printed with the Output block the page shows after it.
#include "harness.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include <unistd.h>

namespace docs_harness {

namespace {

// Runs `block` with fd 1 pointing at a temporary file; returns its exit status, stdout in `out`.
int run_captured(const char* page, const Block& block, std::string& out) {
    std::cout.flush();
    std::fflush(stdout);
    std::FILE* capture = std::tmpfile();
    if (capture == nullptr) {
        std::perror("docs harness: tmpfile");
        std::exit(2);
    }
    const int saved = dup(1);
    dup2(fileno(capture), 1);
    int status = 0;
    try {
        status = block.run();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s:%d: error: the program threw: %s\n", page, block.line, e.what());
        status = 1;
    } catch (...) {
        std::fprintf(stderr, "%s:%d: error: the program threw something not derived from std::exception\n", page,
                     block.line);
        status = 1;
    }
    std::cout.flush();
    std::fflush(stdout);
    dup2(saved, 1);
    close(saved);
    std::rewind(capture);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, capture)) > 0) out.append(buffer, n);
    std::fclose(capture);
    return status;
}

}  // namespace

int run_blocks(const char* page, const Block* blocks, int count, int argc, char** argv) {
    int failed = 0;
    for (int i = 0; i < count; ++i) {
        const Block& block = blocks[i];
        if (argc > 1) {
            bool chosen = false;
            for (int a = 1; a < argc; ++a) chosen = chosen || std::atoi(argv[a]) == block.line;
            if (!chosen) continue;
        }
        std::string out;
        const int status = run_captured(page, block, out);
        if (status != 0) {
            std::fprintf(stderr, "%s:%d: error: the program returned %d\n", page, block.line, status);
            ++failed;
        } else if (out != block.expected) {
            std::fprintf(stderr,
                         "%s:%d: error: the program's output differs from the page's Output block\n"
                         "--- the page shows:\n%s--- the program printed:\n%s---\n",
                         page, block.line, block.expected, out.c_str());
            ++failed;
        } else {
            std::printf("%s:%d: ok\n", page, block.line);
        }
    }
    return failed;
}

}  // namespace docs_harness
