// src/detail/expected.hpp: the one conversion from "the first problem, if any" to the API's shape.
#pragma once

#include <optional>
#include <utility>

#include <tl/expected.hpp>

#include "exemplar/refusal.hpp"

namespace exemplar::detail {

/// Accepted when there is no problem; otherwise refused with it.
[[nodiscard]] inline tl::expected<void, Refusal> accepted_unless(std::optional<Refusal> problem) {
  if (problem) return tl::make_unexpected(std::move(*problem));
  return {};
}

}  // namespace exemplar::detail
