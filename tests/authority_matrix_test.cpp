// Every cell of the authority policy enforced: role × own unit or not × command × stage, against
// the table in docs/authority.md (generated from Policy::defaults(); tests/docs_test.cpp keeps the
// two equal). A cell is allowed exactly when the lifecycle table has the row and the documented
// policy grants it; otherwise the refusal is the right one.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

using namespace exemplar::testing;

/// (command, role, scope, stage, level) cells granted by the documented table.
using Cell = std::tuple<CommandKind, Role, Scope, Stage, Level>;

template <class E>
std::optional<E> by_label(const std::string& text) {
  for (E value : all_values<E>()) {
    if (label(value, Lang::en) == text) return value;
  }
  return std::nullopt;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) {
    const auto first = part.find_first_not_of(' ');
    const auto last = part.find_last_not_of(' ');
    parts.push_back(first == std::string::npos ? std::string{} : part.substr(first, last - first + 1));
  }
  return parts;
}

std::set<Cell> documented_cells() {
  std::ifstream in(std::filesystem::path(EXEMPLAR_SOURCE_DIR) / "docs" / "authority.md");
  std::set<Cell> cells;
  std::string line;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("<!-- generated: authority.markdown", 0) == 0) inside = true;
    if (line.rfind("<!-- end generated", 0) == 0) inside = false;
    if (!inside || line.rfind("| ", 0) != 0 || line.rfind("| command", 0) == 0) continue;
    const auto columns = split(line.substr(2, line.size() - 4), '|');
    EXPECT_EQ(columns.size(), 5U) << line;
    if (columns.size() != 5) continue;
    const auto command = by_label<CommandKind>(columns[0]);
    const auto role = by_label<Role>(columns[1]);
    const auto scope = by_label<Scope>(columns[2]);
    EXPECT_TRUE(command && role && scope) << line;
    if (!command || !role || !scope) continue;
    for (const std::string& stage_text : split(columns[3], ',')) {
      for (const std::string& level_text : split(columns[4], ',')) {
        const auto stage = by_label<Stage>(stage_text);
        const auto level = by_label<Level>(level_text);
        EXPECT_TRUE(stage && level) << line;
        if (stage && level) cells.emplace(*command, *role, *scope, *stage, *level);
      }
    }
  }
  EXPECT_FALSE(cells.empty()) << "docs/authority.md has no generated policy table";
  return cells;
}

/// A command with arguments that pass every check but authority, for a candidate at `stage`.
Command valid_command(CommandKind kind, bg::date day) {
  switch (kind) {
    case CommandKind::discover: return discover_nguyen();
    case CommandKind::foster: return commands::Foster{ActorId{9}};
    case CommandKind::register_: return commands::Register{"Hồ sơ"};
    case CommandKind::review: return proposing_review();
    case CommandKind::recognize: return commands::Recognize{"45/QĐ-TTr", day};
    // What every role that may commend or propose may grant or propose (the award check is not
    // authority's: a public commendation is in every commending role's power).
    case CommandKind::commend: return commands::Commend{Award::public_commendation};
    case CommandKind::replicate: return commands::Replicate{Replication::meeting, ""};
    case CommandKind::withdraw: return commands::Withdraw{"Rút"};
    case CommandKind::reject: return commands::Reject{"Không đạt"};
    case CommandKind::disqualify: return commands::Disqualify{"Kỷ luật"};
    case CommandKind::nominate: return commands::Nominate{};
    case CommandKind::revoke: return commands::Revoke{"Gian lận"};
    case CommandKind::propose: return commands::Propose{Award::prime_minister_certificate};
  }
  return commands::Nominate{};
}

/// A candidate at `stage` and `level` whose facts are those the happy path gives it.
Candidate candidate_at(const Workflow& flow, Stage stage, Level level) {
  Candidate candidate;
  if (stage == Stage::initial) {
    candidate.level = level;
    return candidate;
  }
  const Stage walk_target = is_terminal(stage) ? Stage::discovered : stage;
  candidate = walk_to(flow, walk_target).candidate;
  candidate.stage = stage;
  candidate.level = level;
  return candidate;
}

TEST(AuthorityMatrix, EveryCellOfTheDocumentedPolicyIsEnforced) {
  const Workflow flow;
  const std::set<Cell> granted = documented_cells();
  const bg::date day{2023, 6, 1};
  int cells = 0;

  for (Level level : all_values<Level>()) {
    for (Stage stage : all_values<Stage>()) {
      const Candidate candidate = candidate_at(flow, stage, level);
      for (CommandKind command : all_values<CommandKind>()) {
        Command given = valid_command(command, day);
        if (auto* discover = std::get_if<commands::Discover>(&given)) discover->as.level = level;
        for (Role role : all_values<Role>()) {
          for (bool own_unit : {true, false}) {
            const Actor actor{ActorId{77}, role, own_unit ? division : other_division};
            const bool any = granted.count({command, role, Scope::any_unit, stage, level}) > 0;
            const bool own = granted.count({command, role, Scope::own_unit, stage, level}) > 0;
            const bool row = lifecycle_table.has_transition(stage, command);

            auto outcome = flow.decide(candidate, given, actor, day);

            ++cells;
            const std::string where = std::string(identifier(role)) + (own_unit ? " own " : " other ") +
                                      std::string(identifier(command)) + " at " + std::string(identifier(stage)) +
                                      "/" + std::string(identifier(level));
            if (is_terminal(stage)) {
              ASSERT_FALSE(outcome) << where;
              EXPECT_EQ(outcome.error().code, RefusalCode::stage_is_terminal) << where;
            } else if (!row) {
              ASSERT_FALSE(outcome) << where;
              EXPECT_EQ(outcome.error().code, RefusalCode::not_allowed_from_stage) << where;
            } else if (any || (own && own_unit)) {
              const bool beyond_nation = command == CommandKind::nominate && level == Level::nation;
              EXPECT_TRUE(outcome || beyond_nation) << where << ": " << outcome.error().message();
            } else {
              ASSERT_FALSE(outcome) << where;
              EXPECT_EQ(outcome.error().code, own ? RefusalCode::outside_actor_unit : RefusalCode::not_authorised) << where;
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(cells, static_cast<int>(level_count * stage_count * command_count * role_count * 2));
}

}  // namespace
}  // namespace exemplar
