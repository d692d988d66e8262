// The plan schema (plans/plan.schema.json, issue 15) says what the loader reads: every enumeration
// in it is exactly the library's identifiers, so an editor completes the values the loader accepts
// and nothing else. The schema's verdict on real and malformed files is checked by
// tests/cli/plan_schema_test.py with python3-jsonschema.
#include <gtest/gtest.h>

#ifdef EXEMPLAR_HAS_JSON

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <exemplar/exemplar.hpp>
#include <exemplar/json/plan.hpp>

namespace exemplar {
namespace {

using json::Json;

Json schema() {
  std::ifstream in(std::filesystem::path(EXEMPLAR_SOURCE_DIR) / "plans" / "plan.schema.json", std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return Json::parse(text.str());
}

template <class E>
Json identifiers() {
  Json out = Json::array();
  for (E value : all_values<E>()) out.push_back(std::string(identifier(value)));
  return out;
}

TEST(PlanSchema, EveryEnumerationIsTheLibrarysIdentifiers) {
  const Json defs = schema().at("$defs");
  EXPECT_EQ(defs.at("Command").at("enum"), identifiers<CommandKind>());
  EXPECT_EQ(defs.at("Stage").at("enum"), identifiers<Stage>());
  EXPECT_EQ(defs.at("Role").at("enum"), identifiers<Role>());
  EXPECT_EQ(defs.at("Level").at("enum"), identifiers<Level>());
  EXPECT_EQ(defs.at("Award").at("enum"), identifiers<Award>());
  EXPECT_EQ(defs.at("Position").at("enum"), identifiers<Position>());
  EXPECT_EQ(defs.at("Field").at("enum"), identifiers<Field>());
  EXPECT_EQ(defs.at("Rating").at("enum"), identifiers<Rating>());
  EXPECT_EQ(defs.at("Title").at("enum"), identifiers<Title>());
  EXPECT_EQ(defs.at("InitiativeLevel").at("enum"), identifiers<InitiativeLevel>());
  EXPECT_EQ(defs.at("SanctionLevel").at("enum"), identifiers<SanctionLevel>());
  EXPECT_EQ(defs.at("MemberBasis").at("enum"), identifiers<MemberBasis>());
  EXPECT_EQ(defs.at("MilestoneKind").at("enum"), identifiers<MilestoneKind>());
  EXPECT_EQ(defs.at("DateSource").at("enum"), identifiers<DateSource>());
  EXPECT_EQ(defs.at("PeriodPhase").at("enum"), identifiers<PeriodPhase>());
  EXPECT_EQ(defs.at("DeadlineBound").at("enum"), identifiers<DeadlineBound>());
  EXPECT_EQ(defs.at("DayCount").at("enum"), identifiers<DayCount>());
  EXPECT_EQ(defs.at("LatePolicy").at("enum"), identifiers<LatePolicy>());
  EXPECT_EQ(defs.at("Scope").at("enum"), identifiers<Scope>());
  EXPECT_EQ(defs.at("TimingRule").at("enum"), identifiers<TimingRule>());
  EXPECT_EQ(defs.at("YearBasis").at("enum"), identifiers<YearBasis>());
  EXPECT_EQ(defs.at("QuotaScope").at("enum"), identifiers<QuotaScope>());
  EXPECT_EQ(defs.at("GuardMode").at("enum"), identifiers<GuardMode>());
  EXPECT_EQ(defs.at("Rule").at("properties").at("kind").at("enum"), identifiers<RuleKind>());
}

TEST(PlanSchema, AnArrowNamesTheLifecyclesGuardsOrNone) {
  Json guards = Json::array({""});
  for (const NamedGuard& guard : named_guards()) guards.push_back(std::string(guard.name));
  EXPECT_EQ(schema().at("$defs").at("Guard").at("enum"), guards);
}

TEST(PlanSchema, TheFileNamesTheFormatAndVersionTheLoaderReads) {
  const Json properties = schema().at("properties");
  EXPECT_EQ(properties.at("schema").at("const"), json::plan_schema);
  EXPECT_EQ(properties.at("version").at("const"), json::plan_format_version);
  EXPECT_EQ(json::to_json(plans::inspectorate_2021()).contains("$schema"), false);
  EXPECT_EQ(json::Json::parse(json::to_text(plans::inspectorate_2021())).at("$schema"), json::plan_schema_file);
}

}  // namespace
}  // namespace exemplar

#endif  // EXEMPLAR_HAS_JSON
