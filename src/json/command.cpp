// Commands, actors, refusals and options to and from JSON, through the field-by-field codec and
// the strict Reader that every exemplar document uses.
#include "exemplar/json/command.hpp"

#include <cstddef>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "fields.hpp"
#include "reader.hpp"

namespace exemplar::json {

namespace {

/// One command's data from `data` into `command`, by the fields its kind describes.
template <class T>
void read_command_data(const Reader& data, T& command) {
  if constexpr (std::is_same_v<T, commands::Discover>) {
    fields_from_json(data, journal_format_version, command.as);
  } else if constexpr (has_fields_v<T>) {
    fields_from_json(data, journal_format_version, command);
  } else {
    data.only({});  // a command with no arguments (nominate): an empty object
  }
}

/// Makes the command of kind `kind` and reads its data.
template <std::size_t... I>
Command read_command(const Reader& data, std::size_t kind, std::index_sequence<I...>) {
  Command command;
  ((kind == I ? void(read_command_data(data, command.emplace<I>())) : void()), ...);
  return command;
}

template <class T>
tl::expected<T, Refusal> result(T value, std::optional<Refusal>& failure) {
  if (failure) return tl::make_unexpected(std::move(*failure));
  return value;
}

}  // namespace

Json to_json(const Command& command) {
  Json out = Json::object();
  out["kind"] = enum_to_json(kind_of(command));
  Json data = Json::object();
  std::visit(
      [&](const auto& each) {
        using T = std::decay_t<decltype(each)>;
        if constexpr (std::is_same_v<T, commands::Discover>) {
          out["candidate"] = each.id.value();
          fields_to_json(each.as, journal_format_version, data);
        } else if constexpr (has_fields_v<T>) {
          fields_to_json(each, journal_format_version, data);
        }
      },
      command);
  out["data"] = std::move(data);
  return out;
}

tl::expected<Command, Refusal> command_from_json(const Json& document) {
  std::optional<Refusal> failure;
  const Reader r{document, failure};
  const CommandKind kind = r["kind"].one_of<CommandKind>();
  if (failure) return tl::make_unexpected(std::move(*failure));
  const bool discover = kind == CommandKind::discover;
  if (discover) {
    r.only({"kind", "candidate", "data"});
  } else {
    r.only({"kind", "data"});
  }
  Command command = read_command(r["data"], static_cast<std::size_t>(kind),
                                 std::make_index_sequence<std::variant_size_v<Command>>{});
  if (auto* found = std::get_if<commands::Discover>(&command)) {
    found->id = CandidateId{r["candidate"].integer<std::uint32_t>()};
  }
  return result(std::move(command), failure);
}

Json to_json(const Actor& actor) {
  Json out = Json::object();
  fields_to_json(actor, journal_format_version, out);
  return out;
}

tl::expected<Actor, Refusal> actor_from_json(const Json& document) {
  std::optional<Refusal> failure;
  Actor actor;
  fields_from_json(Reader{document, failure}, journal_format_version, actor);
  return result(actor, failure);
}

Json to_json(const Refusal& refusal) {
  Json out = Json::object();
  out["code"] = static_cast<unsigned>(refusal.code);
  out["id"] = enum_to_json(refusal.code);
  out["message"] = Json{{"en", refusal.message(Lang::en)}, {"vi", refusal.message(Lang::vi)}};
  if (!refusal.subject.empty()) out["subject"] = refusal.subject;
  if (refusal.command) out["command"] = enum_to_json(*refusal.command);
  if (refusal.stage) out["stage"] = enum_to_json(*refusal.stage);
  if (refusal.level) out["level"] = enum_to_json(*refusal.level);
  if (refusal.role) out["role"] = enum_to_json(*refusal.role);
  if (refusal.actor_unit) out["actor_unit"] = refusal.actor_unit->value();
  if (refusal.candidate_unit) out["candidate_unit"] = refusal.candidate_unit->value();
  if (refusal.date) out["date"] = date_to_json(*refusal.date);
  if (refusal.reference) out["reference"] = date_to_json(*refusal.reference);
  if (refusal.record) out["record"] = *refusal.record;
  return out;
}

Json to_json(const std::vector<Option>& options) {
  Json list = Json::array();
  for (const Option& option : options) {
    Json each{{"command", enum_to_json(option.command)}, {"allowed", option.allowed()}};
    if (option.refusal) each["refusal"] = to_json(*option.refusal);
    list.push_back(std::move(each));
  }
  return list;
}

}  // namespace exemplar::json
