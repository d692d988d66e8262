// Commands, actors and refusals as JSON (<exemplar/json/command.hpp>): the forms a host outside C++
// sends and receives, read and written by the field-by-field codec every record's form uses.
#include <string>

#include <gtest/gtest.h>

#include <exemplar/json/command.hpp>
#include <exemplar/json/journal.hpp>

namespace {

using namespace exemplar;
namespace bg = boost::gregorian;

TEST(JsonCommand, EveryKindReadsBackAsWritten) {
  const std::vector<Command> all{
      commands::Discover{CandidateId{4}, {Subject::collective, UnitId{7}, Position::none, Field::inspection, Level::agency, "Phòng 1"}},
      commands::Foster{ActorId{9}},
      commands::Register{"Hồ sơ"},
      commands::Review{9, 8, 7, 1},
      commands::Recognize{"45/QĐ-TTr", bg::date{2022, 4, 10}},
      commands::Commend{Award::agency_certificate},
      commands::Replicate{Replication::web_publication, "Cổng"},
      commands::Withdraw{"a"},
      commands::Reject{"b"},
      commands::Disqualify{"c"},
      commands::Nominate{},
      commands::Revoke{"d"},
      commands::Propose{Award::provincial_certificate}};
  ASSERT_EQ(all.size(), command_count);
  for (const Command& command : all) {
    const json::Json written = json::to_json(command);
    const auto read = json::command_from_json(written);
    ASSERT_TRUE(read) << written.dump() << ": " << read.error().message();
    EXPECT_EQ(kind_of(*read), kind_of(command));
    EXPECT_EQ(json::to_json(*read), written);
  }
}

TEST(JsonCommand, ACommandsDataIsItsEventsDataForTheSameKind) {
  const Workflow flow;
  const Actor head{ActorId{3}, Role::unit_head, UnitId{7}};
  const Command discover =
      commands::Discover{CandidateId{1}, {Subject::individual, UnitId{7}, Position::staff, Field::inspection, Level::agency, "x"}};
  const auto event = flow.decide(Candidate{}, discover, head, bg::date{2022, 2, 10});
  ASSERT_TRUE(event);
  EXPECT_EQ(json::to_json(discover)["data"], json::to_json(*event)["data"]);
  EXPECT_EQ(json::to_json(discover)["candidate"], json::to_json(*event)["candidate"]);
}

TEST(JsonCommand, AnUnknownOrMissingKindIsRefusedAtKind) {
  for (const char* text : {R"({"kind":"promote","data":{}})", R"({"data":{}})", R"({"kind":null})"}) {
    const auto read = json::command_from_json(json::Json::parse(text));
    ASSERT_FALSE(read) << text;
    EXPECT_EQ(read.error().subject, "/kind") << text;
  }
}

TEST(JsonCommand, AMalformedFieldIsRefusedWithItsPointer) {
  const auto read = json::command_from_json(json::Json::parse(R"({"kind":"review","data":{"members":9,"present":8,"votes_for":"7","votes_against":1}})"));
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().subject, "/data/votes_for");
  const auto extra = json::command_from_json(json::Json::parse(R"({"kind":"nominate","data":{"to":"nation"}})"));
  ASSERT_FALSE(extra);
}

TEST(JsonCommand, AnActorReadsBackAsWritten) {
  const Actor actor{ActorId{3}, Role::council, UnitId{1}};
  const auto read = json::actor_from_json(json::to_json(actor));
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, actor);
  EXPECT_FALSE(json::actor_from_json(json::Json::parse(R"({"id":3,"role":"king","unit":1})")));
}

TEST(JsonCommand, ARefusalCarriesItsCodeItsMessagesAndItsFacts) {
  const Refusal refusal = refuse(RefusalCode::outside_actor_unit).with_command(CommandKind::foster).with_units(UnitId{8}, UnitId{7});
  const json::Json written = json::to_json(refusal);
  EXPECT_EQ(written["code"], static_cast<int>(RefusalCode::outside_actor_unit));
  EXPECT_EQ(written["id"], "outside_actor_unit");
  EXPECT_EQ(written["message"]["vi"], refusal.message(Lang::vi));
  EXPECT_EQ(written["message"]["en"], refusal.message(Lang::en));
  EXPECT_EQ(written["command"], "foster");
  EXPECT_EQ(written["actor_unit"], 8);
  EXPECT_FALSE(written.contains("date"));
}

TEST(JsonCommand, AnEventReadsBackAsWritten) {
  const Workflow flow;
  const Actor head{ActorId{3}, Role::unit_head, UnitId{7}};
  const auto event = flow.decide(
      Candidate{}, commands::Discover{CandidateId{1}, {Subject::individual, UnitId{7}, Position::staff, Field::inspection, Level::agency, "x"}},
      head, bg::date{2022, 2, 10});
  ASSERT_TRUE(event);
  const auto read = json::event_from_json(json::to_json(*event));
  ASSERT_TRUE(read);
  EXPECT_EQ(*read, *event);
  const auto unknown = json::event_from_json(json::Json::parse(R"({"kind":"promote"})"));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, RefusalCode::record_unknown_kind);
}

}  // namespace
