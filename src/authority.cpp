// The default authority policy and its compiled form.
#include "exemplar/authority.hpp"

#include <fmt/format.h>

namespace exemplar {
namespace {

constexpr std::array<Label, 2> scope_labels{{
    {"own_unit", "own unit only", "chỉ trong đơn vị mình"},
    {"any_unit", "any unit", "mọi đơn vị"},
}};

[[nodiscard]] std::size_t at(Level level) noexcept { return static_cast<std::size_t>(level); }

}  // namespace

LabelTable label_table(Scope) noexcept { return LabelTable{scope_labels.data(), scope_labels.size()}; }

Policy Policy::defaults() {
  using C = CommandKind;
  using R = Role;
  using S = Stage;
  const LevelSet agency{Level::unit, Level::agency};
  const LevelSet province{Level::province};
  const LevelSet every_level = LevelSet::all(level_count);
  const StageSet live{S::discovered, S::fostered, S::registered, S::reviewed,
                      S::recognized, S::commended, S::replicated};
  const StageSet honoured{S::commended, S::replicated};
  return Policy({
      // discover — unit head or mass organisation, own unit (000 IV.1, IV.3; 002 IV.2)
      {C::discover, R::unit_head, Scope::own_unit, {S::initial}, agency},
      {C::discover, R::mass_organization, Scope::own_unit, {S::initial}, agency},
      // foster — unit head assigns a leader in charge (000 IV.1)
      {C::foster, R::unit_head, Scope::own_unit, {S::discovered}, agency},
      // register — the unit head sends the list to the council (001 II.2; 003 IV.1; 004 IV.1)
      {C::register_, R::unit_head, Scope::own_unit, {S::fostered}, agency},
      {C::withdraw, R::unit_head, Scope::own_unit, {S::discovered, S::fostered, S::registered}, agency},
      // review — the council deliberates and proposes (001 II.2); at province level the board
      {C::review, R::council, Scope::any_unit, {S::registered}, agency},
      {C::review, R::provincial_board, Scope::any_unit, {S::registered}, province},
      {C::reject, R::council, Scope::any_unit, {S::registered}, agency},
      {C::reject, R::agency_head, Scope::any_unit, {S::reviewed, S::recognized}, agency},
      {C::reject, R::provincial_board, Scope::any_unit, {S::registered, S::reviewed, S::recognized}, province},
      // recognize, commend — the agency head decides on the council's proposal (001 II.2-3)
      {C::recognize, R::agency_head, Scope::any_unit, {S::reviewed}, agency},
      {C::recognize, R::provincial_board, Scope::any_unit, {S::reviewed}, province},
      {C::commend, R::agency_head, Scope::any_unit, {S::recognized}, agency},
      {C::commend, R::provincial_board, Scope::any_unit, {S::recognized}, province},
      // replicate — the Office publicises; units share experience (000 IV.2; 001 II.3)
      {C::replicate, R::secretariat, Scope::any_unit, honoured, every_level},
      {C::replicate, R::unit_head, Scope::own_unit, honoured, every_level},
      // nominate — the agency sends exemplars up (003 IV.1); the provincial board above
      {C::nominate, R::agency_head, Scope::any_unit, honoured, agency},
      {C::nominate, R::provincial_board, Scope::any_unit, honoured, province},
      // disqualify, revoke — a sanction or fraud (000 II.2a; 003 III.1; 004 III.1; Law 2022)
      {C::disqualify, R::agency_head, Scope::any_unit, live, agency},
      {C::disqualify, R::provincial_board, Scope::any_unit, live, province},
      {C::revoke, R::agency_head, Scope::any_unit, honoured, agency},
      {C::revoke, R::provincial_board, Scope::any_unit, honoured, province},
      // propose — the council proposes and the head sends higher awards up (004 V.2 «đề nghị cấp
      // trên xét khen thưởng»); the board does the same above the province
      {C::propose, R::agency_head, Scope::any_unit, {S::recognized, S::commended, S::replicated}, agency},
      {C::propose, R::provincial_board, Scope::any_unit, {S::recognized, S::commended, S::replicated}, province},
  });
}

tl::expected<Policy, Refusal> Policy::make(std::vector<Grant> grants) {
  for (std::size_t i = 0; i < grants.size(); ++i) {
    const Grant& g = grants[i];
    const char* part = !is_known(g.command) ? "command" : !is_known(g.role) ? "role" : !is_known(g.scope) ? "scope" : nullptr;
    if (part != nullptr) {
      return tl::make_unexpected(refuse(RefusalCode::invalid_argument)
                                     .with_subject(fmt::format("grants/{}/{}", i, part))
                                     .with_detail("the value is not one the library knows", "giá trị không xác định"));
    }
  }
  return Policy(std::move(grants));
}

Policy::Policy(std::vector<Grant> grants) : grants_(std::move(grants)) {
  for (const Grant& grant : grants_) {
    const auto command = static_cast<std::size_t>(grant.command);
    const auto role = static_cast<std::size_t>(grant.role);
    Rights& rights = compiled_[command][role];
    for (std::size_t level = 0; level < level_count; ++level) {
      if (!grant.levels.contains(static_cast<Level>(level))) continue;
      auto& target = grant.scope == Scope::any_unit ? rights.any_unit : rights.own_unit;
      target[level] |= grant.stages;
    }
  }
}

std::optional<RefusalCode> Policy::denial(const Actor& actor, CommandKind command, Stage stage, Level level,
                                          UnitId unit) const noexcept {
  if (permits(actor, command, stage, level, unit)) return std::nullopt;
  const bool in_range = static_cast<std::size_t>(command) < command_count &&
                        static_cast<std::size_t>(actor.role) < role_count && at(level) < level_count;
  if (in_range && rights(command, actor.role).own_unit[at(level)].contains(stage)) return RefusalCode::outside_actor_unit;
  return RefusalCode::not_authorised;
}

tl::expected<void, Refusal> Policy::check(const Actor& actor, CommandKind command, Stage stage, Level level,
                                          UnitId unit) const {
  const auto code = denial(actor, command, stage, level, unit);
  if (!code) return {};
  Refusal refusal = refuse(*code).with_command(command).with_stage(stage).with_level(level).with_role(actor.role);
  if (*code == RefusalCode::outside_actor_unit) refusal.with_units(actor.unit, unit);
  return tl::make_unexpected(std::move(refusal));
}

}  // namespace exemplar
