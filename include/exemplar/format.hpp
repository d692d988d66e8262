// exemplar/format.hpp: fmt formatters for every public enum and value type.
//
//   fmt::format("{}", Stage::registered)        "registered"
//   fmt::format("{:vi}", Stage::registered)     "đã đăng ký"
//   fmt::format("{:id}", Stage::registered)     "registered" (the stable identifier)
//   ids, Actor, DecisionNumber, Refusal, Option, Candidate, Event: "{}" English, "{:vi}" Vietnamese
//
// Every enum with a label_table (labels.hpp) formats through the same formatter.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

#include <fmt/format.h>

#include "authority.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "refusal.hpp"

namespace exemplar::detail {

/// How a value is to be written: in English, in Vietnamese, or as its stable identifier.
enum class Spelling { en, vi, id };

/// Reads "", "en", "vi" or "id" from a format spec.
struct SpellingParser {
  Spelling spelling = Spelling::en;

  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    const auto end = ctx.end();
    auto at = [&](char a, char b) { return it != end && *it == a && it + 1 != end && *(it + 1) == b; };
    if (at('v', 'i')) {
      spelling = Spelling::vi;
      it += 2;
    } else if (at('e', 'n')) {
      spelling = Spelling::en;
      it += 2;
    } else if (at('i', 'd')) {
      spelling = Spelling::id;
      it += 2;
    }
    if (it != end && *it != '}') throw fmt::format_error("exemplar: format spec is one of en, vi, id");
    return it;
  }

  [[nodiscard]] constexpr Lang lang() const noexcept { return spelling == Spelling::vi ? Lang::vi : Lang::en; }
};

/// One line describing a value, in the language asked for (out of line, in src/format.cpp).
[[nodiscard]] std::string describe(const Actor& actor, Lang lang);
[[nodiscard]] std::string describe(const Candidate& candidate, Lang lang);
[[nodiscard]] std::string describe(const Event& event, Lang lang);
[[nodiscard]] std::string describe(const Option& option, Lang lang);

template <class T>
struct DescribedFormatter : SpellingParser {
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = describe(value, lang());
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

}  // namespace exemplar::detail

/// Every labelled exemplar enum: its label ("{}", "{:vi}") or identifier ("{:id}").
template <class E>
struct fmt::formatter<E, char, std::enable_if_t<exemplar::is_labelled_v<E>>> : exemplar::detail::SpellingParser {
  template <class FormatContext>
  auto format(E value, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string_view text =
        spelling == exemplar::detail::Spelling::id ? exemplar::identifier(value) : exemplar::label(value, lang());
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

/// Ids print as their numbers.
template <class Tag>
struct fmt::formatter<exemplar::StrongId<Tag>> : fmt::formatter<std::uint32_t> {
  template <class FormatContext>
  auto format(exemplar::StrongId<Tag> id, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::uint32_t>::format(id.value(), ctx);
  }
};

template <>
struct fmt::formatter<exemplar::DecisionNumber> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const exemplar::DecisionNumber& number, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(number.view(), ctx);
  }
};

/// A refusal prints as its full message: "{}" English, "{:vi}" Vietnamese, "{:id}" its code.
template <>
struct fmt::formatter<exemplar::Refusal> : exemplar::detail::SpellingParser {
  template <class FormatContext>
  auto format(const exemplar::Refusal& refusal, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = spelling == exemplar::detail::Spelling::id
                                 ? std::string(exemplar::identifier(refusal.code))
                                 : refusal.message(lang());
    return std::copy(text.begin(), text.end(), ctx.out());
  }
};

template <>
struct fmt::formatter<exemplar::Actor> : exemplar::detail::DescribedFormatter<exemplar::Actor> {};
template <>
struct fmt::formatter<exemplar::Candidate> : exemplar::detail::DescribedFormatter<exemplar::Candidate> {};
template <>
struct fmt::formatter<exemplar::Event> : exemplar::detail::DescribedFormatter<exemplar::Event> {};
template <>
struct fmt::formatter<exemplar::Option> : exemplar::detail::DescribedFormatter<exemplar::Option> {};
