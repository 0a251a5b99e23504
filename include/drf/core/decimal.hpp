// drf/core/decimal.hpp — drf::Decimal: an exact decimal number (sign, coefficient digits, exponent), as
// Python's decimal.Decimal holds the finite values DRF's DecimalField deals with; parsing, comparison,
// quantize() with Python's rounding modes, and str() / '{:f}' text. No binary floating point on its way.
#pragma once

#include <drf/core/detail/strings.hpp>

#include <algorithm>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace drf {

// Python's decimal rounding modes (ROUND_HALF_EVEN is its default context's).
enum class Rounding { half_even, half_up, half_down, down, up, floor, ceiling, zero_five_up };

// Python's Decimal.as_tuple(): sign 1 for negative, the coefficient's digits as characters.
struct DecimalTuple {
    int sign = 0;
    std::string digits;
    std::int64_t exponent = 0;
    friend bool operator==(const DecimalTuple&, const DecimalTuple&) = default;
};

namespace detail {
// libmpdec's limits, which Python's Decimal() enforces on text: the adjusted exponent at most
// MAX_EMAX, the exponent at least MIN_ETINY. Beyond them the text is not a Decimal.
inline constexpr std::int64_t decimal_max_emax = 999'999'999'999'999'999;
inline constexpr std::int64_t decimal_min_etiny = -1'999'999'999'999'999'997;

// What Decimal(text) reads from finite text, without building the digits: the parts of `text` that
// hold them and the exponent. Constant-evaluable, so a bound written as text is checked at compile time.
struct DecimalScan {
    bool negative = false;
    std::string_view mantissa;        // digits, underscores and at most one '.'
    std::size_t significant = 0;      // coefficient digits once leading zeros are gone (at least 1)
    std::int64_t exponent = 0;
};

constexpr bool decimal_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Python's Decimal(text) for finite values: surrounding whitespace (ASCII here), underscores anywhere
// (Python drops them all), a sign, digits with an optional '.', an exponent 'e'/'E' with a sign.
// nullopt for anything else, NaN and Infinity included, and past libmpdec's exponent limits.
constexpr std::optional<DecimalScan> scan_decimal(std::string_view text) noexcept {
    text = trim(text, is_python_ascii_space);
    DecimalScan scan;
    std::size_t i = 0;
    while (i < text.size() && text[i] == '_') ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) scan.negative = text[i++] == '-';
    const std::size_t begin = i;
    std::size_t digits = 0, fraction = 0, leading_zeros = 0;
    bool point = false, nonzero = false;
    for (; i < text.size() && text[i] != 'e' && text[i] != 'E'; ++i) {
        const char c = text[i];
        if (c == '_') continue;
        if (c == '.') {
            if (point) return std::nullopt;
            point = true;
            continue;
        }
        if (!decimal_digit(c)) return std::nullopt;
        ++digits;
        if (point) ++fraction;
        if (c != '0') nonzero = true;
        else if (!nonzero) ++leading_zeros;
    }
    if (digits == 0) return std::nullopt;
    scan.mantissa = text.substr(begin, i - begin);
    std::int64_t exponent = 0;
    if (i < text.size()) {  // at 'e' or 'E'
        ++i;
        while (i < text.size() && text[i] == '_') ++i;
        bool negative_exponent = false;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative_exponent = text[i++] == '-';
        std::size_t exponent_digits = 0;
        for (; i < text.size(); ++i) {
            if (text[i] == '_') continue;
            if (!decimal_digit(text[i])) return std::nullopt;
            ++exponent_digits;
            // saturate well past the limits, well within int64
            exponent = exponent > 4'000'000'000'000'000'000 / 10 ? 4'000'000'000'000'000'000 : exponent * 10 + (text[i] - '0');
        }
        if (exponent_digits == 0) return std::nullopt;
        if (negative_exponent) exponent = -exponent;
    }
    scan.significant = nonzero ? digits - leading_zeros : 1;
    // the mantissa is at most a few hundred characters in practice, but never trusted to be
    if (fraction > 4'000'000'000'000'000'000ULL || scan.significant > 4'000'000'000'000'000'000ULL) return std::nullopt;
    scan.exponent = exponent - static_cast<std::int64_t>(fraction);
    if (scan.exponent < decimal_min_etiny) return std::nullopt;
    if (scan.exponent + static_cast<std::int64_t>(scan.significant) - 1 > decimal_max_emax) return std::nullopt;
    return scan;
}

inline std::string decimal_exponent_text(std::int64_t e) {
    std::string out = e < 0 ? "-" : "+";
    out += std::to_string(e < 0 ? -static_cast<std::uint64_t>(e) : static_cast<std::uint64_t>(e));
    return out;
}
}  // namespace detail

class Decimal;
std::optional<Decimal> parse_decimal(std::string_view text) noexcept;

class Decimal {
public:
    Decimal() : digits_("0") {}  // Decimal(): 0

    template <std::integral I>
        requires(!std::is_same_v<I, bool>)
    Decimal(I n) {  // NOLINT: Decimal(10) as Python's, implicitly like its int operands
        if constexpr (std::is_signed_v<I>) negative_ = n < 0;
        using U = std::make_unsigned_t<I>;
        const U magnitude = negative_ ? static_cast<U>(U{0} - static_cast<U>(n)) : static_cast<U>(n);
        digits_ = std::to_string(magnitude);
    }

    // Decimal("12.50"): Python's Decimal() of finite text; std::invalid_argument for anything else.
    explicit Decimal(std::string_view text) {
        if (!assign(text))
            throw std::invalid_argument("drf::Decimal: not a finite decimal number: '" + std::string(text.substr(0, 100)) + "'");
    }
    explicit Decimal(const char* text) : Decimal(std::string_view(text)) {}
    explicit Decimal(const std::string& text) : Decimal(std::string_view(text)) {}

    // Python's as_tuple(), and its parts.
    DecimalTuple as_tuple() const { return {negative_ ? 1 : 0, digits_, exponent_}; }
    bool is_signed() const noexcept { return negative_; }
    bool is_zero() const noexcept { return digits_ == "0"; }
    const std::string& digits() const noexcept { return digits_; }
    std::int64_t exponent() const noexcept { return exponent_; }
    // Python's Decimal.adjusted(): the exponent of the most significant digit.
    std::int64_t adjusted() const noexcept { return exponent_ + static_cast<std::int64_t>(digits_.size()) - 1; }

    // Python's value.quantize(Decimal('.1') ** places, rounding, Context(prec=precision)): the value with
    // exactly `places` digits after the point (a negative `places` rounds to tens, hundreds…).
    // std::overflow_error where Python raises InvalidOperation: more than `precision` digits result.
    Decimal quantize(std::int64_t places, Rounding rounding = Rounding::half_even, std::size_t precision = 28) const {
        Decimal out = *this;
        const std::int64_t target = -places;
        if (exponent_ >= target) {
            const auto zeros = static_cast<std::uint64_t>(exponent_ - target);
            if (!is_zero()) {  // a zero stays one digit
                if (digits_.size() + zeros > precision) throw too_many_digits(precision);
                out.digits_.append(static_cast<std::size_t>(zeros), '0');
            }
            out.exponent_ = target;
            return out;
        }
        // drop `k` digits: those past the last kept one
        const auto k = static_cast<std::uint64_t>(target - exponent_);
        std::string kept = k >= digits_.size() ? std::string("0") : digits_.substr(0, digits_.size() - k);
        const int first_dropped = k > digits_.size() ? 0 : digits_[digits_.size() - k] - '0';
        bool rest_nonzero = false;  // any nonzero digit after the first dropped one
        if (k <= digits_.size())
            for (std::size_t i = digits_.size() - k + 1; i < digits_.size() && !rest_nonzero; ++i) rest_nonzero = digits_[i] != '0';
        else
            rest_nonzero = !is_zero();
        const bool dropped_nonzero = first_dropped != 0 || rest_nonzero;
        const int last_kept = kept.back() - '0';
        bool up = false;
        switch (rounding) {
            case Rounding::down: break;
            case Rounding::up: up = dropped_nonzero; break;
            case Rounding::ceiling: up = dropped_nonzero && !negative_; break;
            case Rounding::floor: up = dropped_nonzero && negative_; break;
            case Rounding::half_up: up = first_dropped >= 5; break;
            case Rounding::half_down: up = first_dropped > 5 || (first_dropped == 5 && rest_nonzero); break;
            case Rounding::half_even:
                up = first_dropped > 5 || (first_dropped == 5 && (rest_nonzero || last_kept % 2 == 1));
                break;
            case Rounding::zero_five_up: up = dropped_nonzero && (last_kept == 0 || last_kept == 5); break;
        }
        if (up) increment(kept);
        const auto begin = kept.find_first_not_of('0');
        kept = begin == std::string::npos ? std::string("0") : kept.substr(begin);
        if (kept != "0" && kept.size() > precision) throw too_many_digits(precision);
        out.digits_ = std::move(kept);
        out.exponent_ = target;
        return out;
    }

    // Python's str(Decimal): positional unless the exponent is positive or the value is below 1E-6,
    // then scientific ("1E+1", "1.2E-7").
    std::string to_string() const {
        const std::int64_t left = exponent_ + static_cast<std::int64_t>(digits_.size());
        const std::int64_t dot = exponent_ <= 0 && left > -6 ? left : 1;
        std::string out = text_with_point(dot);
        if (left != dot) out += "E" + detail::decimal_exponent_text(left - dot);
        return out;
    }

    // Python's '{:f}'.format(Decimal): always positional ("1000" for 1E+3, "0.0000001" for 1E-7), and a
    // zero with a positive exponent is "0", as DRF's DecimalField writes its value.
    std::string to_fixed_string() const {
        if (is_zero() && exponent_ > 0) return negative_ ? "-0" : "0";
        return text_with_point(exponent_ + static_cast<std::int64_t>(digits_.size()));
    }

    // Numeric comparison, as Python's: Decimal('1.0') == Decimal('1'), -0 == 0. Weak: equal values may
    // be written differently.
    friend bool operator==(const Decimal& a, const Decimal& b) noexcept { return compare(a, b) == 0; }
    friend std::weak_ordering operator<=>(const Decimal& a, const Decimal& b) noexcept {
        const int c = compare(a, b);
        return c < 0 ? std::weak_ordering::less : c > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent;
    }

private:
    bool negative_ = false;
    std::string digits_;  // no leading zeros; "0" for zero
    std::int64_t exponent_ = 0;

    friend std::optional<Decimal> parse_decimal(std::string_view text) noexcept;

    bool assign(std::string_view text) {
        const auto scan = detail::scan_decimal(text);
        if (!scan) return false;
        negative_ = scan->negative;
        exponent_ = scan->exponent;
        digits_.clear();
        digits_.reserve(scan->significant);
        for (const char c : scan->mantissa)
            if (detail::decimal_digit(c) && !(digits_.empty() && c == '0')) digits_ += c;
        if (digits_.empty()) digits_ = "0";
        return true;
    }

    // sign, digits and a point `dot` digits from the left (a leading "0.000" when dot <= 0, trailing
    // zeros when dot is past the digits)
    std::string text_with_point(std::int64_t dot) const {
        std::string out = negative_ ? "-" : "";
        const auto size = static_cast<std::int64_t>(digits_.size());
        if (dot <= 0) {
            out += "0.";
            out.append(static_cast<std::size_t>(-dot), '0');
            out += digits_;
        } else if (dot >= size) {
            out += digits_;
            out.append(static_cast<std::size_t>(dot - size), '0');
        } else {
            out.append(digits_, 0, static_cast<std::size_t>(dot));
            out += '.';
            out.append(digits_, static_cast<std::size_t>(dot));
        }
        return out;
    }

    static void increment(std::string& digits) {
        for (auto i = digits.size(); i-- > 0;) {
            if (digits[i] != '9') {
                ++digits[i];
                return;
            }
            digits[i] = '0';
        }
        digits.insert(digits.begin(), '1');
    }

    static std::overflow_error too_many_digits(std::size_t precision) {
        return std::overflow_error("drf::Decimal::quantize: the result has more than " + std::to_string(precision) +
                                   " digits (Python's InvalidOperation)");
    }

    // -1, 0, 1: magnitudes by adjusted exponent first, then digit by digit.
    static int compare(const Decimal& a, const Decimal& b) noexcept {
        const bool az = a.is_zero(), bz = b.is_zero();
        if (az && bz) return 0;
        const bool an = a.negative_ && !az, bn = b.negative_ && !bz;
        if (an != bn) return an ? -1 : 1;
        int magnitude = 0;
        if (az || bz) {
            magnitude = az ? -1 : 1;
        } else if (a.adjusted() != b.adjusted()) {
            magnitude = a.adjusted() < b.adjusted() ? -1 : 1;
        } else {
            const std::size_t n = std::max(a.digits_.size(), b.digits_.size());
            for (std::size_t i = 0; i < n && magnitude == 0; ++i) {
                const char x = i < a.digits_.size() ? a.digits_[i] : '0';
                const char y = i < b.digits_.size() ? b.digits_[i] : '0';
                if (x != y) magnitude = x < y ? -1 : 1;
            }
        }
        return an ? -magnitude : magnitude;
    }
};

// Decimal(text) without exceptions: nullopt for text that is not a finite decimal number.
inline std::optional<Decimal> parse_decimal(std::string_view text) noexcept {
    try {
        Decimal d;
        if (!d.assign(text)) return std::nullopt;
        return d;
    } catch (...) {  // std::bad_alloc only
        return std::nullopt;
    }
}

}  // namespace drf
