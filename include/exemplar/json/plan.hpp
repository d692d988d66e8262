// exemplar/json/plan.hpp: a Plan as a JSON document, the form an agency's plan is stored and edited in.
//
//   plan_schema, plan_format_version        {"schema":"exemplar.plan","version":2,...}
//   max_plan_bytes                          the largest plan text read
//   to_json(plan)  -> Json                  the document
//   to_text(plan)  -> std::string           the document as a file: "$schema" (plan_schema_file),
//                                           then the keys in schema order, two-space indent, one
//                                           trailing newline (plans/*.json)
//   plan_from_json(document)                a Plan back, checked field by field, then validate(plan)
//   plan_from_text(text)                    the same from file text
//
// Enums are written by their stable identifiers (labels.hpp), dates as "YYYY-MM-DD", sets as arrays
// of identifiers. A document newer than plan_format_version is refused, never guessed. A malformed
// document is refused whole, with the JSON pointer of the first bad field and why, for example
// "/roadmap/milestones/3/deadline/date: '2025-02-30' is not a date (YYYY-MM-DD)"; unknown fields and
// unknown identifiers are refused, the latter naming the identifiers there are. What the plan's own
// checks refuse (Roadmap::make, validate(rule), validate(profile), validate(council), validate(plan))
// is refused with the code and reason they give, at the pointer of the part they name. The schema,
// field by field, is in docs/plan-schema.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <tl/expected.hpp>

#include "../plan.hpp"
#include "../refusal.hpp"
#include "document.hpp"

namespace exemplar::json {

/// The "schema" of a plan document.
inline constexpr std::string_view plan_schema = "exemplar.plan";
/// What a plan file's "$schema" names: the JSON Schema of the format, plans/plan.schema.json, next to
/// the file (editors such as VS Code validate and complete the file with it). to_text writes it; the
/// loader accepts any "$schema" text and ignores it.
inline constexpr std::string_view plan_schema_file = "./plan.schema.json";
/// The plan format this library writes and reads. Version 2 gathered the lifecycle's procedure
/// into one object; a file of version 1 is refused with a message naming both versions.
inline constexpr std::uint16_t plan_format_version = 2;
/// The largest plan text plan_from_text reads (the built-in plans take well under a tenth of it).
inline constexpr std::size_t max_plan_bytes = std::size_t{1} << 20;

/// The plan as a document.
[[nodiscard]] Json to_json(const Plan& plan);
/// The plan as the text of a file; equal plans give equal text. Never throws for a plan's content:
/// bytes of a text that are not UTF-8 are written as U+FFFD.
[[nodiscard]] std::string to_text(const Plan& plan);

/// The plan a document holds, or why not (subject = the JSON pointer of the bad field). A plan is
/// returned only when every field was read and validate(plan) accepts it.
[[nodiscard]] tl::expected<Plan, Refusal> plan_from_json(const Json& document);
/// The plan in a file's text: refused when longer than max_plan_bytes, not JSON, nested deeper than
/// max_depth, or refused by plan_from_json.
[[nodiscard]] tl::expected<Plan, Refusal> plan_from_text(std::string_view text);

}  // namespace exemplar::json
