// tests/support/sqlite_file.hpp — a SQLite file of a test's own, for the tests that need a file rather
// than `:memory:` (WAL, several connections, settings that `:memory:` ignores).
#pragma once

#include <atomic>
#include <filesystem>
#include <string>
#include <unistd.h>

namespace drf_test {

// A path under the temporary directory no other test or process uses; the database and its WAL files
// are removed before (a crashed run's leftovers) and after.
struct TempSqliteFile {
    std::string path = next_path();
    TempSqliteFile() { remove(); }
    ~TempSqliteFile() { remove(); }
    TempSqliteFile(const TempSqliteFile&) = delete;
    TempSqliteFile& operator=(const TempSqliteFile&) = delete;

    void remove() const {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
    }

private:
    static std::string next_path() {
        static std::atomic<int> count{0};
        return (std::filesystem::temp_directory_path() /
                ("drf-test-" + std::to_string(::getpid()) + "-" + std::to_string(++count) + ".sqlite3"))
            .string();
    }
};

}  // namespace drf_test
