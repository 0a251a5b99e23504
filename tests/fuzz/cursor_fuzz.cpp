// tests/fuzz/cursor_fuzz.cpp — the pagination cursor's codec on arbitrary bytes, three ways:
//   1. the bytes as cursor text from a query string: decoding must refuse it or give a position whose
//      cursor is the same text;
//   2. the bytes as a payload: whatever decodes re-encodes to exactly those bytes (one encoding per
//      position, so a cursor cannot be replayed in a second form);
//   3. the bytes as a payload signed with the current and with the previous secret: the cursor decodes
//      to what the payload decodes to, and one with a changed byte does not decode at all.
#include "fuzz.hpp"

#include <drf/core/crypto.hpp>
#include <drf/pagination/detail/cursor_codec.hpp>

#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace codec = drf::pagination::detail;
using drf_fuzz::require;

namespace {

const std::vector<std::string> secrets{"the current secret", "a previous secret, being retired"};

std::string without_padding(std::string_view text) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    return std::string(text);
}

// The payload as cursor text, signed with `secret`, as encode_cursor writes it.
std::string signed_cursor(std::string_view payload, std::string_view secret) {
    return drf::crypto::base64url_encode(std::string(payload) + codec::mac(secret, payload));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes = drf_fuzz::as_text(data, size);
    try {
        // 1. Cursor text as a client sends it.
        if (const auto pos = codec::decode_cursor(bytes, secrets)) {
            const std::string again = codec::encode_cursor(*pos, secrets[0]);
            require(again == without_padding(bytes) || codec::encode_cursor(*pos, secrets[1]) == without_padding(bytes),
                    "a cursor that decodes re-encodes to the same text");
        }

        // 2. A payload: decoding and encoding are inverse.
        const auto position = codec::decode_payload(bytes);
        if (position) {
            require(codec::encode_payload(*position) == bytes, "encode_payload(decode_payload(b)) == b");
        }

        // 3. The payload signed: the MAC is checked first, then the payload decodes as in 2.
        for (const auto& secret : secrets) {
            const std::string text = signed_cursor(bytes, secret);
            const auto decoded = codec::decode_cursor(text, secrets);
            if (text.size() > 4096) {
                require(!decoded, "a cursor longer than 4096 characters is refused");
                continue;
            }
            require(decoded.has_value() == position.has_value(), "a signed payload decodes exactly when the payload does");
            if (decoded) {
                require(codec::encode_payload(*decoded) == bytes, "a signed payload decodes to the payload");
                if (&secret == &secrets[0]) require(codec::encode_cursor(*decoded, secret) == text, "encode_cursor is decode_cursor's inverse");
            }
            // Any changed character is either not base64 any more, or breaks the MAC.
            std::string tampered = text;
            const std::size_t at = size % tampered.size();
            tampered[at] = tampered[at] == 'A' ? 'B' : 'A';
            require(!codec::decode_cursor(tampered, secrets), "a cursor with a changed character does not decode");
        }
        require(!codec::decode_cursor(signed_cursor(bytes, "a secret nobody configured"), secrets),
                "a cursor signed with an unknown secret does not decode");
    } catch (const std::exception& e) {
        drf_fuzz::fail("unexpected exception", e.what());
    }
    return 0;
}
