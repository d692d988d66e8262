// src/detail/text.hpp: checks on free text that comes from hosts' forms and files.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace exemplar::detail {

/// The most bytes a free-text field (a description, a reason, a note) may hold.
inline constexpr std::size_t max_text_bytes = 4096;

/// UTF-8 checked by a small automaton: one table read per byte and no branch on the text, since
/// every free-text field of every step passes through here.
namespace utf8 {
/// What a byte can be: ASCII; a continuation byte in 80-8F, 90-9F or A0-BF; never valid (C0, C1,
/// F5-FF); or the lead of a 2-, 3- or 4-byte sequence, with E0, ED, F0 and F4 apart because they
/// narrow the range of the byte after them (no overlong forms, no surrogates, nothing past U+10FFFF).
enum Class : std::uint8_t { ascii, cont_80, cont_90, cont_a0, invalid, lead2, lead_e0, lead3, lead_ed, lead_f0, lead4, lead_f4 };
/// Where the automaton stands: done, expecting 1-3 more continuation bytes, expecting the narrowed
/// byte after E0, ED, F0 or F4, or failed for good.
enum State : std::uint8_t { done, need1, need2, need3, after_e0, after_ed, after_f0, after_f4, failed };
inline constexpr std::size_t class_count = 12;
inline constexpr std::size_t state_count = 9;

[[nodiscard]] constexpr Class class_of(unsigned byte) noexcept {
  if (byte < 0x80) return ascii;
  if (byte < 0x90) return cont_80;
  if (byte < 0xA0) return cont_90;
  if (byte < 0xC0) return cont_a0;
  if (byte < 0xC2) return invalid;
  if (byte < 0xE0) return lead2;
  if (byte == 0xE0) return lead_e0;
  if (byte == 0xED) return lead_ed;
  if (byte < 0xF0) return lead3;
  if (byte == 0xF0) return lead_f0;
  if (byte < 0xF4) return lead4;
  if (byte == 0xF4) return lead_f4;
  return invalid;
}

[[nodiscard]] constexpr State next(State state, Class c) noexcept {
  const bool any_cont = c == cont_80 || c == cont_90 || c == cont_a0;
  switch (state) {
    case done:
      switch (c) {
        case ascii: return done;
        case lead2: return need1;
        case lead_e0: return after_e0;
        case lead3: return need2;
        case lead_ed: return after_ed;
        case lead_f0: return after_f0;
        case lead4: return need3;
        case lead_f4: return after_f4;
        default: return failed;
      }
    case need1: return any_cont ? done : failed;
    case need2: return any_cont ? need1 : failed;
    case need3: return any_cont ? need2 : failed;
    case after_e0: return c == cont_a0 ? need1 : failed;
    case after_ed: return c == cont_80 || c == cont_90 ? need1 : failed;
    case after_f0: return c == cont_90 || c == cont_a0 ? need2 : failed;
    case after_f4: return c == cont_80 ? need2 : failed;
    case failed: return failed;
  }
  return failed;
}

/// The automaton as two tables: byte -> class, and (state, class) -> state.
struct Tables {
  std::array<std::uint8_t, 256> classes{};
  std::array<std::uint8_t, state_count * class_count> moves{};
};

[[nodiscard]] constexpr Tables make_tables() noexcept {
  Tables t;
  for (unsigned byte = 0; byte < 256; ++byte) t.classes[byte] = class_of(byte);
  for (std::size_t s = 0; s < state_count; ++s) {
    for (std::size_t c = 0; c < class_count; ++c) {
      t.moves[s * class_count + c] = next(static_cast<State>(s), static_cast<Class>(c));
    }
  }
  return t;
}

inline constexpr Tables tables = make_tables();
}  // namespace utf8

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
[[nodiscard]] constexpr bool is_valid_utf8(std::string_view text) noexcept {
  std::uint8_t state = utf8::done;
  for (const char ch : text) {
    state = utf8::tables.moves[state * utf8::class_count + utf8::tables.classes[static_cast<unsigned char>(ch)]];
  }
  return state == utf8::done;
}

}  // namespace exemplar::detail
