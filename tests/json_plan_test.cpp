// Plans as JSON documents (DESIGN.md, "Plans are data"; issue 4 part 6): the five seed plans are
// committed under plans/ as the library writes them, load back as the same plans, evaluate and run
// the lifecycle exactly as their built-in form, and a malformed file is refused whole, at the JSON
// pointer of the bad field.
// To refresh plans/*.json after changing a built-in plan: EXEMPLAR_UPDATE_PLANS=1 build/tests/exemplar_json_plan_test
#include <gtest/gtest.h>

#ifdef EXEMPLAR_HAS_JSON

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <exemplar/exemplar.hpp>
#include <exemplar/json/journal.hpp>
#include <exemplar/json/plan.hpp>

namespace exemplar {
namespace {

namespace bg = boost::gregorian;
namespace fs = std::filesystem;
using json::Json;

const fs::path plans_dir = fs::path(EXEMPLAR_SOURCE_DIR) / "plans";

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool updating() { return std::getenv("EXEMPLAR_UPDATE_PLANS") != nullptr; }

fs::path file_of(std::string_view id) { return plans_dir / (std::string(id) + ".json"); }

/// The built-in plan as its committed file loads it.
Plan loaded(std::string_view id) {
  auto plan = json::plan_from_text(read(file_of(id)));
  if (!plan) ADD_FAILURE() << id << ": " << plan.error().message();
  return plan ? *plan : Plan{};
}

/// Seed 000's plan as a document, for the catalogue of broken files to break.
Json seed_document() { return json::to_json(plans::hatinh_inspectorate_2021_2025()); }

/// What plan_from_json says about a document; the test fails if it accepts it.
Refusal refusal_of(const Json& document) {
  auto plan = json::plan_from_json(document);
  if (plan) {
    ADD_FAILURE() << "the document was accepted";
    return Refusal{};
  }
  return plan.error();
}

/// The JSON pointer of the first rule of `kind` in the tree at `pointer`, or "" when there is none.
std::string find_rule(const Json& document, const std::string& pointer, std::string_view kind) {
  const Json& rule = document.at(Json::json_pointer(pointer));
  if (rule.is_null()) return {};
  if (rule.at("kind") == kind) return pointer;
  if (!rule.contains("children")) return {};
  for (std::size_t i = 0; i < rule.at("children").size(); ++i) {
    std::string found = find_rule(document, pointer + "/children/" + std::to_string(i), kind);
    if (!found.empty()) return found;
  }
  return {};
}

/// The host's evidence, kept in a map.
class MapEvidence final : public EvidenceSource {
 public:
  const Evidence* find(CandidateId candidate) const override {
    const auto found = records.find(candidate);
    return found == records.end() ? nullptr : &found->second;
  }
  std::map<CandidateId, Evidence> records;
};

MemberTally tally(std::uint16_t year, std::uint32_t members, std::uint32_t good, std::uint32_t soldiers) {
  MemberTally t;
  t.year = year;
  t.members = members;
  t.rated[static_cast<std::size_t>(Rating::good)] = good;
  t.rated[static_cast<std::size_t>(Rating::completed)] = members - good;
  t.titled[static_cast<std::size_t>(Title::grassroots_emulation_soldier)] = soldiers;
  return t;
}

/// A few candidates that reach different branches and verdicts of the seed profiles.
std::vector<Evidence> evidence_records() {
  std::vector<Evidence> records;

  Evidence inspector;  // 000 II.2.2b: 3 initiatives applied, 2 grassroots titles, 5 good years with 3 excellent
  inspector.subject = Subject::individual;
  inspector.position = Position::staff;
  inspector.field = Field::inspection;
  inspector.ratings = {{2020, Rating::good}, {2021, Rating::excellent}, {2022, Rating::excellent},
                       {2023, Rating::good}, {2024, Rating::excellent}};
  inspector.titles = {{2021, Title::grassroots_emulation_soldier}, {2024, Title::grassroots_emulation_soldier}};
  inspector.initiatives = {{2021, InitiativeLevel::grassroots, InitiativeKind::initiative, true, false},
                           {2022, InitiativeLevel::provincial, InitiativeKind::initiative, true, false},
                           {2023, InitiativeLevel::grassroots, InitiativeKind::research_topic, true, false}};
  inspector.certificates = {{Award::provincial_certificate, bg::date{2022, 5, 1}},
                            {Award::ministry_certificate, bg::date{2023, 5, 1}}};
  records.push_back(inspector);

  Evidence thin = inspector;  // one excellent year short
  thin.ratings[1].rating = Rating::good;
  thin.position = Position::unit_leader;
  records.push_back(thin);

  Evidence division;  // 000 II.2.2a: an inspection division whose economic recommendations are "over 80%"
  division.subject = Subject::collective;
  division.position = Position::none;
  division.field = Field::inspection;
  division.ratings = inspector.ratings;
  division.certificates = {{Award::provincial_certificate, bg::date{2021, 12, 20}},
                           {Award::provincial_certificate, bg::date{2023, 12, 20}}};
  for (std::uint16_t year = 2020; year <= 2024; ++year) division.members.push_back(tally(year, 10, 10, 1));
  division.indicators = {{"planned_inspections", 2024, 100.0},
                         {"administrative_recommendations", 2024, 100.0},
                         {"economic_recommendations", 2024, 80.1},
                         {"complaints_resolved", 2024, 100.0},
                         {"anti_corruption_plan", 2024, 100.0}};
  records.push_back(division);

  Evidence at_eighty = division;  // "trên 80%" is strict: 80% fails
  at_eighty.indicators[2].percent = 80.0;
  records.push_back(at_eighty);

  Evidence office = division;  // 004 III.1: one member only completed the tasks
  office.field = Field::general;
  office.members.back() = tally(2024, 10, 9, 1);
  records.push_back(office);

  Evidence reformer = inspector;  // 002 II.3.2b: judged by the council
  reformer.field = Field::administrative_reform;
  reformer.judgements = {{"002.individual.administrative_reform", true}};
  records.push_back(reformer);
  return records;
}

/// Everything an evaluation says, in one comparable text: the verdict, the rule set, and each
/// result's rule, outcome and explanation in both languages.
std::string report(const tl::expected<Evaluation, Refusal>& evaluation) {
  if (!evaluation) return "refused: " + evaluation.error().message();
  std::string text = std::string(identifier(evaluation->verdict)) + " " + std::to_string(evaluation->latest_rated_year);
  for (const RuleResult& result : evaluation->results) {
    text += "\n" + result.rule->id + " " + std::string(identifier(result.outcome)) + " " +
            std::to_string(result.found) + "/" + std::to_string(result.required) + " " + explain(result, Lang::en) +
            " | " + explain(result, Lang::vi);
  }
  return text + "\n" + evaluation->explain(Lang::vi);
}

TEST(JsonPlan, EveryCommittedPlanFileIsWhatTheLibraryWritesForItsBuiltInPlan) {
  if (updating()) fs::create_directories(plans_dir);

  for (std::string_view id : plans::ids()) {
    const std::string expected = json::to_text(*plans::find(id));
    if (updating()) std::ofstream(file_of(id), std::ios::binary) << expected;

    EXPECT_EQ(read(file_of(id)), expected)
        << file_of(id) << " no longer matches plans::find(\"" << id
        << "\"); run EXEMPLAR_UPDATE_PLANS=1 build/tests/exemplar_json_plan_test";
  }
}

TEST(JsonPlan, EveryFileUnderPlansIsABuiltInPlan) {
  std::set<std::string> files;
  for (const auto& entry : fs::directory_iterator(plans_dir)) files.insert(entry.path().filename().string());
  std::set<std::string> expected{"plan.schema.json"};  // the JSON Schema the files name in "$schema"
  for (std::string_view id : plans::ids()) expected.insert(std::string(id) + ".json");

  EXPECT_EQ(files, expected);
}

TEST(JsonPlan, EveryBuiltInPlanRoundTripsThroughItsText) {
  for (const Plan& plan : plans::all()) {
    auto back = json::plan_from_text(json::to_text(plan));

    ASSERT_TRUE(back) << plan.id << ": " << back.error().message();
    EXPECT_EQ(back->id, plan.id);
    EXPECT_EQ(back->title, plan.title);
    EXPECT_EQ(back->seed, plan.seed);
    EXPECT_EQ(back->roadmap, plan.roadmap) << plan.id;
    EXPECT_EQ(back->procedure.timings, plan.procedure.timings) << plan.id;
    EXPECT_EQ(back->procedure.quotas, plan.procedure.quotas) << plan.id;
    EXPECT_EQ(back->procedure.arrows, plan.procedure.arrows) << plan.id;
    EXPECT_EQ(back->procedure.awards, plan.procedure.awards) << plan.id;
    EXPECT_EQ(back->procedure.registration, plan.procedure.registration);
    EXPECT_EQ(back->procedure.council.quorum, plan.procedure.council.quorum);
    EXPECT_EQ(back->procedure.council.approval, plan.procedure.council.approval);
    EXPECT_EQ(back->procedure.council.title_approval, plan.procedure.council.title_approval);
    EXPECT_TRUE(back->procedure == plan.procedure) << plan.id;
    EXPECT_EQ(json::to_json(*back), json::to_json(plan)) << plan.id;
  }
}

TEST(JsonPlan, ADocumentNamesItsSchemaAndVersionAndWritesEnumsAndDatesByName) {
  const Json document = json::to_json(plans::langson_inspectorate_2025());

  EXPECT_EQ(document["schema"], "exemplar.plan");
  EXPECT_EQ(document["version"], json::plan_format_version);
  EXPECT_EQ(document["procedure"]["registration"], "soft");
  EXPECT_EQ(document["roadmap"]["milestones"][0]["deadline"]["date"], "2025-03-31");
  EXPECT_EQ(document["roadmap"]["milestones"][0]["deadline"]["bound"], "exclusive");
  EXPECT_EQ(document["roadmap"]["calendar"]["weekend"], (Json{"sunday", "saturday"}));
  // 004 IV.1: «mỗi phòng ít nhất từ 01»: a quota with no most writes it as null.
  EXPECT_EQ(document["procedure"]["quotas"][0]["at_least"], 1);
  EXPECT_EQ(document["procedure"]["quotas"][0]["at_most"], nullptr);
}

// "$schema" points editors at plans/plan.schema.json; the loader accepts any text there and reads
// nothing from it, but refuses what is not text.
TEST(JsonPlan, TheSchemaReferenceIsForEditorsAndTheLoaderIgnoresIt) {
  Json document = seed_document();
  document["$schema"] = "https://example.org/schemas/plan.schema.json";
  EXPECT_TRUE(json::plan_from_json(document));

  document["$schema"] = 2;
  const Refusal refusal = refusal_of(document);
  EXPECT_EQ(refusal.subject, "/$schema");
}

TEST(JsonPlan, TheFileTextStartsWithTheSchemaAndVersion) {
  const std::string text = json::to_text(plans::inspectorate_2021());

  EXPECT_EQ(text.rfind("{\n  \"$schema\": \"./plan.schema.json\",\n  \"schema\": \"exemplar.plan\",\n  \"version\": 2,\n"
                       "  \"id\": \"inspectorate-2021\",",
                       0),
            0U);
  EXPECT_EQ(text.back(), '\n');
}

// The "done when": the five built-in plans load from their JSON and evaluate identically
// to their built-in form.
TEST(JsonPlan, TheCommittedPlansEvaluateEvidenceExactlyAsTheBuiltInPlans) {
  const std::vector<Evidence> records = evidence_records();
  const std::vector<bg::date> dates{bg::date{2021, 3, 20}, bg::date{2023, 12, 31}, bg::date{2025, 3, 1}};
  std::set<std::string> verdicts;

  for (std::string_view id : plans::ids()) {
    const Plan builtin = *plans::find(id);
    const Plan file = loaded(id);
    for (const Evidence& evidence : records) {
      for (bg::date date : dates) {
        const auto expected = evaluate(builtin.profile, evidence, date);
        const auto actual = evaluate(file.profile, evidence, date);

        EXPECT_EQ(report(actual), report(expected)) << id << " on " << format_date(date);
        if (expected) verdicts.insert(std::string(identifier(expected->verdict)));
      }
    }
  }
  EXPECT_EQ(verdicts, (std::set<std::string>{"eligible", "not_eligible", "needs_council_judgement"}));
}

/// One lifecycle step under a running plan: the event as JSON, or the refusal's message.
std::string outcome(const RunningPlan& running, const Candidate& candidate, const Command& command, const Actor& actor,
                    bg::date date) {
  auto event = running.workflow().decide(candidate, command, actor, date);
  if (!event) return "refused: " + event.error().message(Lang::en) + " | " + event.error().message(Lang::vi);
  return json::to_json(*event).dump();
}

TEST(JsonPlan, ARunningPlanMadeFromTheCommittedFileDecidesAsTheBuiltInPlan) {
  const CandidateId nguyen{42};
  const UnitId division{7};
  const Actor unit_head{ActorId{3}, Role::unit_head, division};
  const Actor chief{ActorId{1}, Role::agency_head, UnitId{1}};
  const Actor council{ActorId{20}, Role::council, UnitId{1}};
  MapEvidence evidence;
  evidence.records[nguyen] = evidence_records().front();
  const commands::Discover discover{nguyen, Subject::individual, division, Position::staff, Field::inspection,
                                    Level::agency, "Thanh tra viên có 3 sáng kiến được áp dụng"};
  std::set<std::string> refused;

  for (std::string_view id : plans::ids()) {
    auto builtin = RunningPlan::make(*plans::find(id), evidence);
    auto file = RunningPlan::make(loaded(id), evidence);
    ASSERT_TRUE(builtin && file) << id;
    const RoadmapSpec& spec = (*builtin)->plan().roadmap;
    const bg::date start{spec.first_year, 1, 4};
    const auto opening = (*builtin)->tick(start);
    const auto file_opening = (*file)->tick(start);
    ASSERT_TRUE(opening && file_opening) << id;
    EXPECT_EQ(*file_opening, *opening) << id;
    Candidate candidate;
    const std::vector<std::pair<Command, Actor>> steps{{discover, unit_head},
                                                       {commands::Foster{ActorId{9}}, unit_head},
                                                       {commands::Register{"Hồ sơ"}, unit_head},
                                                       {commands::Review{9, 8, 7, 1}, council},
                                                       {commands::Recognize{"45/QĐ-TTr", start}, chief}};
    bg::date day = start;
    for (const auto& [command, actor] : steps) {
      for (bg::date on : {day, bg::date{spec.first_year, 4, 2}, bg::date{spec.last_year, 12, 30}}) {
        const std::string expected = outcome(**builtin, candidate, command, actor, on);

        EXPECT_EQ(outcome(**file, candidate, command, actor, on), expected) << id << " on " << format_date(on);
        if (expected.rfind("refused", 0) == 0) refused.insert(expected);
      }
      auto event = (*builtin)->workflow().decide(candidate, command, actor, day);
      if (!event) break;
      candidate = (*builtin)->workflow().evolve(candidate, *event);
      day += bg::days(1);
    }
    auto ticked = (*builtin)->tick(bg::date{spec.last_year, 12, 31});
    auto file_ticked = (*file)->tick(bg::date{spec.last_year, 12, 31});
    ASSERT_TRUE(ticked && file_ticked);
    EXPECT_EQ(*file_ticked, *ticked) << id;
  }
  EXPECT_FALSE(refused.empty());
}

/// One malformed plan file of the catalogue (tests/data/malformed-plans.json, which the schema test
/// reads too): how seed 000's document is broken (a JSON Patch), and where and why it is refused.
struct Broken {
  std::string what;
  Json patch;
  std::string pointer;
  std::string because;
  std::string because_vi;
};

// Seed 000's individual alternatives, behind the rule on sanctions in force (000 II.2.2b).
const std::string individual = "/profile/rule_sets/0/individual/children/1";
const std::string economic = "/profile/rule_sets/0/collective/children/3/children/1/children/2";

Json& at(Json& document, const std::string& pointer) { return document[Json::json_pointer(pointer)]; }

/// The catalogue's list `part` ("files" or "procedures").
std::vector<Broken> catalogue(const std::string& part) {
  const Json all = Json::parse(read(fs::path(EXEMPLAR_SOURCE_DIR) / "tests" / "data" / "malformed-plans.json"));
  std::vector<Broken> out;
  for (const Json& each : all.at(part)) {
    out.push_back(Broken{each.at("what"), each.at("patch"), each.at("pointer"), each.at("because"),
                         each.value("because_vi", std::string())});
  }
  return out;
}

/// Seed 000's document broken as the catalogue says.
Json broken_document(const Broken& broken) {
  try {
    return seed_document().patch(broken.patch);
  } catch (const Json::exception& error) {
    ADD_FAILURE() << broken.what << ": the patch does not apply to seed 000's plan: " << error.what();
    return seed_document();
  }
}

TEST(JsonPlan, EveryMalformedFileOfTheCatalogueIsRefusedAtThePointerOfItsBadField) {
  const std::vector<Broken> all = catalogue("files");
  ASSERT_GE(all.size(), 30U);
  for (const Broken& broken : all) {
    SCOPED_TRACE(broken.what);
    const Json document = broken_document(broken);

    const Refusal refusal = refusal_of(document);
    auto from_text = json::plan_from_text(document.dump());

    EXPECT_EQ(refusal.subject, broken.pointer);
    EXPECT_NE(refusal.detail.en.find(broken.because), std::string::npos) << refusal.detail.en;
    EXPECT_FALSE(refusal.detail.vi.empty());
    ASSERT_FALSE(from_text);
    EXPECT_EQ(from_text.error(), refusal);
  }
}

// A newer plan format may add fields: the version is read first, so the host is told to upgrade
// rather than that a field is unknown.
TEST(JsonPlan, ANewerVersionIsRefusedAsNewerEvenWithFieldsThisVersionDoesNotKnow) {
  Json document = seed_document();
  document["version"] = 3;
  document["budget"] = Json{{"total", 1000}};

  const Refusal refusal = refusal_of(document);

  EXPECT_EQ(refusal.subject, "/version");
  EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
  EXPECT_NE(refusal.message(Lang::vi).find("hãy nâng cấp thư viện"), std::string::npos);
}

/// Seed 000's plan as a file of plan format version 1 wrote it: the procedure's parts at the top
/// (the registration guard, the step windows, the grants, the council, the send-up quota) and each
/// milestone's open period called its "window".
Json version_1_document() {
  Json document = seed_document();
  const Json procedure = document["procedure"];
  document.erase("procedure");
  document["version"] = 1;
  document["registration"] = procedure["registration"];
  Json windows = Json::array();
  for (const Json& timing : procedure["timings"]) {
    windows.push_back(Json{{"step", timing["step"]},
                           {"milestone", timing["milestones"]["kind"]},
                           {"rule", timing["rule"]},
                           {"year", timing["milestones"]["year"]}});
  }
  document["windows"] = std::move(windows);
  document["grants"] = procedure["grants"];
  document["council"] = procedure["council"];
  document["send_up"] = nullptr;
  for (Json& m : document["roadmap"]["milestones"]) {
    m["window"] = m["open_period"];
    m.erase("open_period");
  }
  return document;
}

// Plan format version 2 gathered the procedure into one object: a version-1 file is not guessed
// at, it is refused with both versions named, so the host knows to convert it.
TEST(JsonPlan, AVersionOneFileIsRefusedNamingBothVersions) {
  const Json document = version_1_document();

  const Refusal refusal = refusal_of(document);
  auto from_text = json::plan_from_text(document.dump(2));

  EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
  EXPECT_EQ(refusal.subject, "/version");
  EXPECT_NE(refusal.detail.en.find("version 1"), std::string::npos) << refusal.detail.en;
  EXPECT_NE(refusal.detail.en.find("version 2"), std::string::npos) << refusal.detail.en;
  EXPECT_NE(refusal.detail.vi.find("phiên bản 1"), std::string::npos) << refusal.detail.vi;
  EXPECT_NE(refusal.detail.vi.find("phiên bản 2"), std::string::npos) << refusal.detail.vi;
  ASSERT_FALSE(from_text);
  EXPECT_EQ(from_text.error(), refusal);
}

TEST(JsonPlan, EveryMalformedProcedureIsRefusedAtThePointerOfItsBadFieldInBothLanguages) {
  const std::vector<Broken> all = catalogue("procedures");
  ASSERT_GE(all.size(), 15U);
  for (const Broken& broken : all) {
    SCOPED_TRACE(broken.what);
    const Json document = broken_document(broken);

    const Refusal refusal = refusal_of(document);
    auto from_text = json::plan_from_text(document.dump());

    EXPECT_EQ(refusal.code, RefusalCode::invalid_argument);
    EXPECT_EQ(refusal.subject, broken.pointer);
    EXPECT_NE(refusal.detail.en.find(broken.because), std::string::npos) << refusal.detail.en;
    EXPECT_NE(refusal.detail.vi.find(broken.because_vi), std::string::npos) << refusal.detail.vi;
    ASSERT_FALSE(from_text);
    EXPECT_EQ(from_text.error(), refusal);
  }
}

TEST(JsonPlan, TextThatIsNotUtf8IsWrittenWithoutThrowing) {
  Plan plan = plans::inspectorate_2021();
  plan.roadmap.milestones.front().basis = "tr\xff\xfe";

  std::string text;
  EXPECT_NO_THROW(text = json::to_text(plan));

  EXPECT_NE(text.find("tr\xef\xbf\xbd"), std::string::npos);
}

// Seed 003 III.2 picks its alternatives by position: a branch must name at least one position,
// and there is one branch per alternative.
TEST(JsonPlan, ABranchThatAppliesToNoPositionIsRefused) {
  Json document = json::to_json(plans::hatinh_industry_trade_2021_2025());
  const std::string by_position = find_rule(document, "/profile/rule_sets/0/individual", "by_position");
  ASSERT_FALSE(by_position.empty());
  Json extra = document;
  at(document, by_position + "/params/when/0") = Json::array();
  at(extra, by_position + "/params/when").push_back(Json{"staff"});

  const Refusal empty = refusal_of(document);
  const Refusal unmatched = refusal_of(extra);

  EXPECT_EQ(empty.subject, by_position + "/params/when/0");
  EXPECT_EQ(empty.detail.en, "a branch for no position applies to nobody");
  EXPECT_EQ(unmatched.subject, by_position + "/params/when");
  EXPECT_EQ(unmatched.detail.en, "4 branches for 3 children: one set per child");
}

TEST(JsonPlan, APercentageThatIsNotANumberIsRefused) {
  Json document = seed_document();
  at(document, economic + "/params/percent") = std::numeric_limits<double>::quiet_NaN();

  const Refusal refusal = refusal_of(document);

  EXPECT_EQ(refusal.subject, economic + "/params/percent");
  EXPECT_EQ(refusal.detail.en, "not a finite number");
}

TEST(JsonPlan, RulesNestedDeeperThanSixteenLevelsAreRefused) {
  Json document = seed_document();
  Json rule = at(document, individual + "/children/1");
  for (int level = 0; level < 20; ++level) {
    rule = Json{{"id", "nest." + std::to_string(level)},
                {"section", "000 II.2.2b"},
                {"title", {{"en", "nested"}, {"vi", "lồng nhau"}}},
                {"kind", "all_of"},
                {"children", Json::array({rule})}};
  }
  at(document, individual) = rule;

  const Refusal refusal = refusal_of(document);

  EXPECT_EQ(refusal.detail.en, "rules nest deeper than 16 levels");
  EXPECT_EQ(refusal.subject.rfind(individual + "/children/0", 0), 0U);
}

TEST(JsonPlan, DeeplyNestedTextIsRefusedBeforeItIsParsed) {
  const std::string text = "{\"schema\": " + std::string(10000, '[') + std::string(10000, ']') + "}";

  auto plan = json::plan_from_text(text);

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().subject, "/");
  EXPECT_EQ(plan.error().detail.en, "the document nests deeper than 64 levels");
}

TEST(JsonPlan, HugeTextIsRefusedBeforeItIsParsed) {
  std::string text = json::to_text(plans::hatinh_inspectorate_2021_2025());
  text.insert(text.size() - 2, std::string(json::max_plan_bytes, ' '));

  auto plan = json::plan_from_text(text);

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().subject, "/");
  EXPECT_NE(plan.error().detail.en.find("more than the 1048576 a plan may take"), std::string::npos);
}

TEST(JsonPlan, TextThatIsNotJsonIsRefusedWithTheByteWhereItBroke) {
  auto plan = json::plan_from_text("{\"schema\": \"exemplar.plan\", \"version\": NaN}");

  ASSERT_FALSE(plan);
  EXPECT_EQ(plan.error().subject, "/");
  EXPECT_NE(plan.error().detail.en.find("not JSON (byte "), std::string::npos);
}

TEST(JsonPlan, AStringIsNotAPlanDocument) {
  const std::string text = json::to_text(plans::inspectorate_2021());

  const Refusal refusal = refusal_of(Json(text));

  EXPECT_EQ(refusal.subject, "/");
  EXPECT_NE(refusal.detail.en.find("use plan_from_text"), std::string::npos);
}

// docs/plan-schema.md shows a plan a host could write; it must be one the library loads.
TEST(JsonPlan, TheExampleOfThePlanSchemaLoads) {
  const std::string doc = read(fs::path(EXEMPLAR_SOURCE_DIR) / "docs" / "plan-schema.md");
  const std::string open = "<!-- example: plan -->\n```json\n";
  const std::size_t start = doc.find(open);
  ASSERT_NE(start, std::string::npos);
  const std::size_t end = doc.find("```", start + open.size());
  ASSERT_NE(end, std::string::npos);
  Evidence clerk;
  clerk.subject = Subject::individual;
  clerk.position = Position::staff;
  clerk.ratings = {{2023, Rating::good}, {2024, Rating::excellent}, {2025, Rating::good}};

  auto plan = json::plan_from_text(doc.substr(start + open.size(), end - start - open.size()));
  ASSERT_TRUE(plan) << plan.error().message();
  auto evaluation = evaluate(plan->profile, clerk, bg::date{2026, 3, 2});

  EXPECT_EQ(plan->id, "example-office-2026");
  EXPECT_EQ(plan->roadmap.calendar.holidays().size(), 2U);
  ASSERT_TRUE(evaluation) << evaluation.error().message();
  EXPECT_EQ(evaluation->verdict, Verdict::needs_council_judgement);
}

// A plan the library accepts in code is what a file may say: an edited threshold loads.
TEST(JsonPlan, AnEditedThresholdLoadsAndCounts) {
  Json document = seed_document();
  at(document, economic + "/params/percent") = 85;
  Evidence division = evidence_records().at(2);

  auto plan = json::plan_from_json(document);
  ASSERT_TRUE(plan) << plan.error().message();
  auto evaluation = evaluate(plan->profile, division, bg::date{2025, 3, 1});

  ASSERT_TRUE(evaluation);
  EXPECT_EQ(evaluation->verdict, Verdict::not_eligible);
  EXPECT_EQ(evaluation->failures().front()->rule->id, "000.collective.economic_recommendations");
}

}  // namespace
}  // namespace exemplar

#endif  // EXEMPLAR_HAS_JSON
