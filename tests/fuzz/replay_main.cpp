// tests/fuzz/replay_main.cpp — the main() a harness gets outside libFuzzer: calls LLVMFuzzerTestOneInput
// once with every file of the directories (and with the files) named on the command line, in name
// order, so a harness's seed corpus and every crash input it ever found run as a ctest test on every
// compiler and under the sanitizers. An empty or missing directory fails: a corpus must never vanish.
#include "fuzz.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

bool replay(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        std::fprintf(stderr, "replay: cannot read %s\n", file.c_str());
        return false;
    }
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Named before the call: when the harness aborts, the last line says which input did it.
    std::fprintf(stderr, "replay: %s (%zu bytes)\n", file.c_str(), bytes.size());
    // A copy of exactly the input's size, so ASan sees a read past its end as libFuzzer would.
    std::vector<std::uint8_t> data(bytes.begin(), bytes.end());
    LLVMFuzzerTestOneInput(data.empty() ? nullptr : data.data(), data.size());
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
        return 2;
    }
    std::size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        std::error_code ec;
        if (fs::is_directory(arg, ec)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(arg))
                if (entry.is_regular_file()) files.push_back(entry.path());
            if (files.empty()) {
                std::fprintf(stderr, "replay: no inputs in %s\n", arg.c_str());
                return 1;
            }
            std::sort(files.begin(), files.end());
            for (const auto& file : files) {
                if (!replay(file)) return 1;
                ++count;
            }
        } else if (fs::is_regular_file(arg, ec)) {
            if (!replay(arg)) return 1;
            ++count;
        } else {
            std::fprintf(stderr, "replay: %s is neither a file nor a directory\n", arg.c_str());
            return 1;
        }
    }
    std::printf("replayed %zu inputs\n", count);
    return 0;
}
