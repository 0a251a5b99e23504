// tests/support/cursor_secrets.hpp — the process's cursor secrets, given back as a test found them: a
// test that sets its own would otherwise leave it to every test after it in the same program.
#pragma once

#include <drf/pagination/cursor.hpp>

#include <memory>

namespace drf_test {

// Restores the secrets (the current one and the previous ones) however the test ends.
struct RestoreCursorSecrets {
    std::shared_ptr<const drf::pagination::CursorSecrets::List> saved =
        drf::pagination::CursorSecrets::instance().get();
    RestoreCursorSecrets() = default;
    ~RestoreCursorSecrets() { drf::pagination::set_cursor_secret(saved->front(), {saved->begin() + 1, saved->end()}); }
    RestoreCursorSecrets(const RestoreCursorSecrets&) = delete;
    RestoreCursorSecrets& operator=(const RestoreCursorSecrets&) = delete;
};

}  // namespace drf_test
