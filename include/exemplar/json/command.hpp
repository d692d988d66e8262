// exemplar/json/command.hpp: what a host asks and what it is told, as JSON: commands, actors,
// refusals and a screen's options. The forms a host in another language (the C API,
// <exemplar/c/exemplar.h>) sends and receives.
//
//   to_json(command) / command_from_json(json)   {"kind":"foster","data":{"mentor":9}}
//                                                 {"kind":"discover","candidate":1,"data":{..}}
//   to_json(actor)   / actor_from_json(json)     {"id":3,"role":"unit_head","unit":7}
//   to_json(refusal)                              {"code":2,"id":"not_authorised","message":{"en":..,"vi":..},..}
//   to_json(options)                              [{"command":"foster","allowed":true}, ..]
//
// A command's "data" holds the fields its event's data holds for the same kind (lifecycle.hpp,
// the form of docs/journal.md), every one of them, read by the same field-by-field codec; a
// discovery names its candidate in "candidate", as an event does. A command of an unknown or missing
// kind is refused with subject "/kind", naming the kinds there are; any other malformed field is
// refused with its JSON pointer, and nothing of the command is returned.
#pragma once

#include <vector>

#include <tl/expected.hpp>

#include "../authority.hpp"
#include "../lifecycle.hpp"
#include "../refusal.hpp"
#include "document.hpp"

namespace exemplar::json {

/// A command as a document.
[[nodiscard]] Json to_json(const Command& command);
/// The command a document holds, or why not (code invalid_argument, subject = the JSON pointer).
[[nodiscard]] tl::expected<Command, Refusal> command_from_json(const Json& document);

/// The acting person as a document.
[[nodiscard]] Json to_json(const Actor& actor);
/// The actor a document holds, or why not.
[[nodiscard]] tl::expected<Actor, Refusal> actor_from_json(const Json& document);

/// A refusal as a document: its stable code as a number ("code", the RefusalCode value) and as an
/// identifier ("id"), its message in both languages, and the facts it names, each only when present.
[[nodiscard]] Json to_json(const Refusal& refusal);

/// A screen's options: each command, whether it may be given now, and if not, the refusal.
[[nodiscard]] Json to_json(const std::vector<Option>& options);

}  // namespace exemplar::json
