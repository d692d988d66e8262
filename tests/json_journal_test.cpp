#include <fmt/format.h>
#include <gtest/gtest.h>

#ifdef EXEMPLAR_HAS_JSON

#include <set>
#include <string>
#include <vector>

#include <exemplar/journal.hpp>
#include <exemplar/json/journal.hpp>
#include <exemplar/lifecycle.hpp>

#include "support/journal_fixture.hpp"

namespace {

using namespace exemplar;
using exemplar::fixture::every_kind_journal;
using exemplar::json::Json;
namespace bg = boost::gregorian;

/// The every-kind journal as a JSON document, parsed back from its text as a host would read it.
Json stored_journal(const Workflow& flow) { return *json::parse(json::to_json(every_kind_journal(flow)).dump()); }

TEST(JsonJournal, EveryEventKindReadsBackAsTheSameRecord) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  std::set<CommandKind> kinds;

  for (const auto& record : records) {
    const auto back = json::record_from_json(*json::parse(json::to_json(record).dump()));

    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(*back, record);
    kinds.insert(record.event.kind());
  }
  EXPECT_EQ(kinds.size(), command_count);
}

TEST(JsonJournal, AJournalDocumentNamesItsSchemaAndVersion) {
  const Workflow flow;

  const Json document = json::to_json(every_kind_journal(flow));

  EXPECT_EQ(document["schema"], "exemplar.journal");
  EXPECT_EQ(document["version"], journal_format_version);
  EXPECT_EQ(document["records"][0]["version"], journal_format_version);
}

TEST(JsonJournal, ARecordWritesEnumsByIdentifierAndDatesInIsoForm) {
  const Workflow flow;
  const Record foster = every_kind_journal(flow).at(5);

  const Json document = json::to_json(foster);

  EXPECT_EQ(document["sequence"], 6);
  EXPECT_EQ(document["candidate_sequence"], 2);
  EXPECT_EQ(document["previous"], to_hex(foster.previous));
  EXPECT_EQ(document["hash"], to_hex(foster.hash));
  EXPECT_EQ(document["event"]["kind"], "foster");
  EXPECT_EQ(document["event"]["actor_unit"], 7);
  EXPECT_EQ(document["event"]["role"], "unit_head");
  EXPECT_EQ(document["event"]["date"], "2022-02-14");
  EXPECT_EQ(document["event"]["flags"], Json::array());
  EXPECT_EQ(document["event"]["data"]["mentor"], 9);
}

TEST(JsonJournal, ANewerJournalVersionIsRefusedNotGuessed) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["version"] = journal_format_version + 1;

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, RefusalCode::record_unknown_version);
  EXPECT_EQ(records.error().subject, "/version");
  EXPECT_EQ(records.error().detail.en, fmt::format("version {} is newer than this library reads (up to {}); upgrade the library",
                                                   journal_format_version + 1, journal_format_version));
}

TEST(JsonJournal, ARecordOfANewerVersionIsRefusedAtItsPlace) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][3]["version"] = journal_format_version + 1;

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, RefusalCode::record_unknown_version);
  EXPECT_EQ(records.error().record, 4U);
  EXPECT_EQ(records.error().subject, "/records/3/version");
}

TEST(JsonJournal, AnImpossibleDateIsRefusedWithItsPath) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][3]["event"]["date"] = "2022-02-30";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(records.error().record, 4U);
  EXPECT_EQ(records.error().subject, "/records/3/event/date");
  EXPECT_EQ(records.error().detail.en, "'2022-02-30' is not a date (YYYY-MM-DD)");
}

TEST(JsonJournal, ADateInAnotherFormIsRefused) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][3]["event"]["date"] = "10/02/2022";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/records/3/event/date");
}

TEST(JsonJournal, AnUnknownEventKindIsRefusedAtItsPlace) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][3]["event"]["kind"] = "promote";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().code, RefusalCode::record_unknown_kind);
  EXPECT_EQ(records.error().subject, "/records/3/event/kind");
}

TEST(JsonJournal, AMissingFieldIsRefusedWithItsPath) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][2]["event"].erase("actor");

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/records/2/event/actor");
  EXPECT_EQ(records.error().detail.en, "missing");
}

TEST(JsonJournal, AFieldTheFormatDoesNotHaveIsRefused) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][0]["event"]["data"]["descripton"] = "a typo";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/records/0/event/data/descripton");
}

TEST(JsonJournal, AValueOfTheWrongTypeIsRefused) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][1]["sequence"] = "2";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/records/1/sequence");
  EXPECT_EQ(records.error().detail.en, "a string where a whole number was expected");
}

TEST(JsonJournal, ANumberTooLargeForItsFieldIsRefused) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][14]["event"]["data"]["members"] = 70000;

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/records/14/event/data/members");
  EXPECT_EQ(records.error().detail.en, "70000 is larger than 65535");
}

TEST(JsonJournal, ANegativeOrFractionalNumberIsRefused) {
  const Workflow flow;
  Json negative = stored_journal(flow);
  negative["records"][0]["event"]["actor"] = -3;
  Json fractional = stored_journal(flow);
  fractional["records"][0]["event"]["actor"] = 3.5;

  const auto from_negative = json::journal_from_json(negative);
  const auto from_fractional = json::journal_from_json(fractional);

  ASSERT_FALSE(from_negative);
  EXPECT_EQ(from_negative.error().subject, "/records/0/event/actor");
  ASSERT_FALSE(from_fractional);
  EXPECT_EQ(from_fractional.error().subject, "/records/0/event/actor");
}

TEST(JsonJournal, AHashThatIsNotADigestIsRefused) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][0]["hash"] = "abc";

  const auto records = json::journal_from_json(document);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/records/0/hash");
}

TEST(JsonJournal, AnEditedRecordReadsButIsDetectedOnReplay) {
  const Workflow flow;
  Json document = stored_journal(flow);
  document["records"][6]["event"]["data"]["reason"] = "Lý do khác";

  const auto records = json::journal_from_json(document);
  ASSERT_TRUE(records);
  const auto replayed = replay(*records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_edited);
  EXPECT_EQ(replayed.error().record, 7U);
}

TEST(JsonJournal, TextThatIsNotJsonIsRefusedWithTheByteWhereItBreaks) {
  const auto document = json::parse(R"({"schema": "exemplar.journal", "version": )");

  ASSERT_FALSE(document);
  EXPECT_EQ(document.error().subject, "/");
  EXPECT_NE(document.error().detail.en.find("byte"), std::string::npos);
}

TEST(JsonJournal, TextNestedTooDeeplyIsRefusedBeforeParsing) {
  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');

  const auto document = json::parse(deep);

  ASSERT_FALSE(document);
  EXPECT_EQ(document.error().detail.en, "the document nests deeper than 64 levels");
}

TEST(JsonJournal, ASnapshotIsNotReadAsAJournal) {
  const Workflow flow;
  const Json snapshot = json::to_json(*replay(every_kind_journal(flow), flow));

  const auto records = json::journal_from_json(snapshot);

  ASSERT_FALSE(records);
  EXPECT_EQ(records.error().subject, "/schema");
}

TEST(JsonJournal, ASnapshotReadsBackTheSame) {
  const Workflow flow;
  const auto snapshot = replay(every_kind_journal(flow), flow);
  ASSERT_TRUE(snapshot);

  const auto back = json::snapshot_from_json(*json::parse(json::to_json(*snapshot).dump()));

  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, *snapshot);
}

TEST(JsonJournal, ASnapshotOfANewerVersionIsRefused) {
  const Workflow flow;
  Json document = json::to_json(*replay(every_kind_journal(flow), flow));
  document["version"] = journal_format_version + 1;

  const auto back = json::snapshot_from_json(document);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().subject, "/version");
}

TEST(JsonJournal, ASnapshotListingACandidateTwiceIsRefused) {
  const Workflow flow;
  Json document = json::to_json(*replay(every_kind_journal(flow), flow));
  document["candidates"].push_back(document["candidates"][0]);

  const auto back = json::snapshot_from_json(document);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().subject, "/candidates/5/candidate/id");
}

TEST(JsonJournal, ACandidateReadsBackTheSameWithNullForMissingDates) {
  Candidate candidate;
  candidate.id = CandidateId{42};
  candidate.unit = UnitId{7};
  candidate.stage = Stage::discovered;
  candidate.replications[1] = 3;

  const Json document = json::to_json(candidate);
  const auto back = json::candidate_from_json(*json::parse(document.dump()));

  EXPECT_TRUE(document["last_step"].is_null());
  EXPECT_EQ(document["replications"]["web_publication"], 3);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, candidate);
}

TEST(JsonJournal, ACandidateInAnUnknownStageIsRefusedWithItsPath) {
  Candidate candidate;
  candidate.id = CandidateId{42};
  Json document = json::to_json(candidate);
  document["stage"] = "promoted";

  const auto back = json::candidate_from_json(document);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().subject, "/stage");
  EXPECT_EQ(back.error().detail.en, "'promoted' is not a value this library knows");
  EXPECT_EQ(back.error().detail.vi, "'promoted' không phải giá trị đã biết");
}

}  // namespace

#endif
