// The C API (include/exemplar/c/exemplar.h): the boundary a host in another language crosses.
// Its refusal codes are the C++ RefusalCode values and never renumber; bad input gets a status, a
// code and a message in both languages and changes nothing; nothing crashes and no exception
// crosses. Walks use seed 000 (Kế hoạch 10/KH-TT ngày 28/5/2021 của Thanh tra tỉnh Hà Tĩnh, mục IV).
#include "exemplar/c/exemplar.h"

#include <array>
#include <cstdlib>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include <exemplar/exemplar.hpp>
#include <exemplar/json/command.hpp>
#include <exemplar/json/journal.hpp>

namespace {

using namespace exemplar;

constexpr const char* seed_000 = "hatinh-inspectorate-2021-2025";
constexpr const char* unit_head = R"({"id":3,"role":"unit_head","unit":7})";
constexpr const char* other_head = R"({"id":4,"role":"unit_head","unit":8})";
constexpr const char* discover =
    R"({"kind":"discover","candidate":1,"data":{"subject":"individual","unit":7,"position":"staff",)"
    R"("field":"inspection","level":"agency","description":"Thanh tra viên có 3 sáng kiến"}})";
constexpr const char* foster = R"({"kind":"foster","data":{"mentor":9}})";

/// A returned string, released when it goes.
struct Text {
  char* chars = nullptr;
  ~Text() { exemplar_free(chars); }
  [[nodiscard]] std::string str() const { return chars ? chars : ""; }
};

/// A returned refusal, released when it goes.
struct Why {
  exemplar_refusal* refusal = nullptr;
  ~Why() { exemplar_refusal_destroy(refusal); }
  [[nodiscard]] int code() const { return exemplar_refusal_code(refusal); }
  [[nodiscard]] std::string message(const char* lang) const {
    Text text{exemplar_refusal_message(refusal, lang)};
    return text.str();
  }
};

/// Seed 000's workflow holding a new candidate.
struct Walk {
  exemplar_workflow* flow = nullptr;
  Walk() {
    exemplar_plan* plan = nullptr;
    EXPECT_EQ(exemplar_plan_builtin(seed_000, &plan, nullptr), EXEMPLAR_OK);
    EXPECT_EQ(exemplar_workflow_new(plan, &flow, nullptr), EXEMPLAR_OK);
    exemplar_plan_destroy(plan);
  }
  ~Walk() { exemplar_workflow_destroy(flow); }
  [[nodiscard]] std::string candidate() const {
    Text text;
    EXPECT_EQ(exemplar_workflow_candidate(flow, &text.chars, nullptr), EXEMPLAR_OK);
    return text.str();
  }
};

TEST(CApi, RefusalCodesAreTheCppCodesAndNeverRenumber) {
  // Pinned by number: a host stores these integers, so reordering the C++ enum must fail here.
  constexpr std::array<std::string_view, 29> pinned{
      "not_allowed_from_stage", "stage_is_terminal", "not_authorised", "outside_actor_unit",
      "missing_prerequisite", "invalid_argument", "invalid_date", "date_out_of_range", "date_out_of_order",
      "no_quorum", "no_higher_level", "outside_window", "deadline_passed", "needs_waiver", "not_eligible",
      "step_not_in_plan", "award_not_in_power", "quota_exceeded", "plan_rule", "record_gap",
      "record_duplicate", "record_out_of_order", "record_edited", "record_chain_broken",
      "record_candidate_sequence", "record_unknown_kind", "record_unknown_version", "record_malformed",
      "journal_busy"};
  static_assert(EXEMPLAR_REFUSAL_CODE_COUNT == refusal_code_count);
  ASSERT_EQ(pinned.size(), refusal_code_count) << "a new code is added at the end, and pinned here";
  for (std::size_t code = 0; code < pinned.size(); ++code) {
    EXPECT_EQ(identifier(static_cast<RefusalCode>(code)), pinned[code]) << code;
    EXPECT_EQ(exemplar_refusal_code_id(static_cast<int>(code)), pinned[code]) << code;
  }
  static_assert(EXEMPLAR_REFUSAL_NOT_ALLOWED_FROM_STAGE == 0 && EXEMPLAR_REFUSAL_OUTSIDE_ACTOR_UNIT == 3);
  static_assert(EXEMPLAR_REFUSAL_INVALID_ARGUMENT == static_cast<int>(RefusalCode::invalid_argument));
  static_assert(EXEMPLAR_REFUSAL_RECORD_EDITED == static_cast<int>(RefusalCode::record_edited));
  static_assert(EXEMPLAR_REFUSAL_JOURNAL_BUSY == static_cast<int>(RefusalCode::journal_busy));
  EXPECT_EQ(exemplar_refusal_code_id(-1), nullptr);
  EXPECT_EQ(exemplar_refusal_code_id(EXEMPLAR_REFUSAL_CODE_COUNT), nullptr);
}

TEST(CApi, VersionIsTheLibrarysVersion) {
  EXPECT_STREQ(exemplar_version(), version_string);
  EXPECT_STREQ(exemplar::version(), version_string);
}

TEST(CApi, ACandidateWalksSeed000AndItsEventsAreTheCppEvents) {
  Walk walk;
  Text event;
  ASSERT_EQ(exemplar_workflow_step(walk.flow, discover, unit_head, "2022-02-10", &event.chars, nullptr), EXEMPLAR_OK);
  const auto read = json::event_from_json(json::Json::parse(event.str()));
  ASSERT_TRUE(read);
  EXPECT_EQ(read->kind(), CommandKind::discover);
  EXPECT_EQ(read->candidate, CandidateId{1});
  EXPECT_NE(walk.candidate().find(R"("stage":"discovered")"), std::string::npos);

  Text fostered;
  ASSERT_EQ(exemplar_workflow_decide(walk.flow, foster, unit_head, "2022-02-11", &fostered.chars, nullptr), EXEMPLAR_OK);
  EXPECT_NE(walk.candidate().find(R"("stage":"discovered")"), std::string::npos) << "decide changes nothing";
  ASSERT_EQ(exemplar_workflow_evolve(walk.flow, fostered.chars, nullptr), EXEMPLAR_OK);
  EXPECT_NE(walk.candidate().find(R"("stage":"fostered")"), std::string::npos);
}

TEST(CApi, ARefusedStepHasItsCodeAndAMessageInEitherLanguage) {
  Walk walk;
  Text event;
  ASSERT_EQ(exemplar_workflow_step(walk.flow, discover, unit_head, "2022-02-10", &event.chars, nullptr), EXEMPLAR_OK);
  const std::string before = walk.candidate();
  Why why;
  Text refused;
  EXPECT_EQ(exemplar_workflow_step(walk.flow, foster, other_head, "2022-02-11", &refused.chars, &why.refusal),
            EXEMPLAR_REFUSED);
  EXPECT_EQ(refused.chars, nullptr);
  EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_OUTSIDE_ACTOR_UNIT);
  EXPECT_NE(why.message("vi").find("đơn vị"), std::string::npos) << why.message("vi");
  EXPECT_NE(why.message("en").find("unit"), std::string::npos) << why.message("en");
  EXPECT_EQ(exemplar_refusal_message(why.refusal, "fr"), nullptr);
  Text document{exemplar_refusal_json(why.refusal)};
  const auto parsed = json::Json::parse(document.str());
  EXPECT_EQ(parsed["code"], EXEMPLAR_REFUSAL_OUTSIDE_ACTOR_UNIT);
  EXPECT_EQ(parsed["id"], "outside_actor_unit");
  EXPECT_EQ(parsed["message"]["vi"], why.message("vi"));
  EXPECT_EQ(walk.candidate(), before);
}

TEST(CApi, NullHandleIsRefusedWithACode) {
  Why why;
  Text event;
  EXPECT_EQ(exemplar_workflow_step(nullptr, foster, unit_head, "2022-02-11", &event.chars, &why.refusal),
            EXEMPLAR_NULL_ARGUMENT);
  EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_INVALID_ARGUMENT);
  EXPECT_FALSE(why.message("vi").empty());
  EXPECT_FALSE(why.message("en").empty());
  EXPECT_EQ(exemplar_journal_append(nullptr, "{}", &event.chars, nullptr), EXEMPLAR_NULL_ARGUMENT);
  EXPECT_EQ(exemplar_plan_to_json(nullptr, &event.chars, nullptr), EXEMPLAR_NULL_ARGUMENT);
  EXPECT_EQ(exemplar_journal_sequence(nullptr), 0U);
  EXPECT_EQ(exemplar_refusal_code(nullptr), -1);
  Walk walk;
  EXPECT_EQ(exemplar_workflow_step(walk.flow, nullptr, unit_head, "2022-02-11", &event.chars, nullptr),
            EXEMPLAR_NULL_ARGUMENT);
  EXPECT_EQ(exemplar_workflow_step(walk.flow, discover, unit_head, "2022-02-10", nullptr, nullptr),
            EXEMPLAR_NULL_ARGUMENT);
  EXPECT_NE(walk.candidate().find(R"("stage":"initial")"), std::string::npos) << "nothing changed";
  exemplar_plan_destroy(nullptr);
  exemplar_workflow_destroy(nullptr);
  exemplar_journal_destroy(nullptr);
  exemplar_refusal_destroy(nullptr);
  exemplar_free(nullptr);
}

TEST(CApi, InvalidUtf8IsRefusedWithACode) {
  Walk walk;
  Why why;
  Text event;
  const std::string bad = std::string(R"({"kind":"register","data":{"dossier":")") + "\xC3\x28" + R"("}})";
  EXPECT_EQ(exemplar_workflow_step(walk.flow, bad.c_str(), unit_head, "2022-02-10", &event.chars, &why.refusal),
            EXEMPLAR_INVALID_UTF8);
  EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_INVALID_ARGUMENT);
  EXPECT_NE(why.message("vi").find("UTF-8"), std::string::npos);
  exemplar_plan* plan = nullptr;
  EXPECT_EQ(exemplar_plan_builtin("\xFF", &plan, nullptr), EXEMPLAR_INVALID_UTF8);
  EXPECT_EQ(plan, nullptr);
}

TEST(CApi, MalformedJsonIsRefusedWithACode) {
  Walk walk;
  Text event;
  for (const char* bad : {"", "{", "[1,2", "null", R"({"kind":"foster"})", R"({"kind":"foster","data":{"mentor":-1}})",
                          R"({"kind":"foster","data":{"mentor":9},"extra":1})"}) {
    Why why;
    EXPECT_EQ(exemplar_workflow_step(walk.flow, bad, unit_head, "2022-02-10", &event.chars, &why.refusal),
              EXEMPLAR_MALFORMED_JSON)
        << bad;
    EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_INVALID_ARGUMENT) << bad;
    EXPECT_FALSE(why.message("vi").empty()) << bad;
  }
  Why why;
  EXPECT_EQ(exemplar_workflow_load(walk.flow, R"({"version":2})", &why.refusal), EXEMPLAR_MALFORMED_JSON);
  EXPECT_EQ(exemplar_workflow_evolve(walk.flow, "[]", nullptr), EXEMPLAR_MALFORMED_JSON);
  EXPECT_NE(walk.candidate().find(R"("stage":"initial")"), std::string::npos) << "nothing changed";
}

TEST(CApi, UnknownCommandKindIsRefusedWithACode) {
  Walk walk;
  for (const char* bad : {R"({"kind":"promote","data":{}})", R"({"data":{}})", R"({"kind":7,"data":{}})"}) {
    Why why;
    Text event;
    EXPECT_EQ(exemplar_workflow_step(walk.flow, bad, unit_head, "2022-02-10", &event.chars, &why.refusal),
              EXEMPLAR_UNKNOWN_KIND)
        << bad;
    EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_INVALID_ARGUMENT);
    EXPECT_NE(why.message("en").find("/kind"), std::string::npos) << why.message("en");
  }
}

TEST(CApi, ABadDateIsRefusedAsInvalidDate) {
  Walk walk;
  Why why;
  Text event;
  EXPECT_EQ(exemplar_workflow_step(walk.flow, discover, unit_head, "2022-02-30", &event.chars, &why.refusal),
            EXEMPLAR_REFUSED);
  EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_INVALID_DATE);
}

TEST(CApi, AnEventTheCandidateCannotTakeIsRefusedByEvolve) {
  Walk walk;
  Text fostered;
  {
    Walk other;
    Text event;
    ASSERT_EQ(exemplar_workflow_step(other.flow, discover, unit_head, "2022-02-10", &event.chars, nullptr), EXEMPLAR_OK);
    ASSERT_EQ(exemplar_workflow_step(other.flow, foster, unit_head, "2022-02-11", &fostered.chars, nullptr), EXEMPLAR_OK);
  }
  Why why;
  EXPECT_EQ(exemplar_workflow_evolve(walk.flow, fostered.chars, &why.refusal), EXEMPLAR_REFUSED);
  EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_NOT_ALLOWED_FROM_STAGE);
}

TEST(CApi, AJournalReplaysWhatItExportedAndRefusesAnEditedOneWhole) {
  Walk walk;
  exemplar_journal* journal = nullptr;
  ASSERT_EQ(exemplar_journal_new(walk.flow, &journal, nullptr), EXEMPLAR_OK);
  for (auto [command, date] : {std::pair{discover, "2022-02-10"}, std::pair{foster, "2022-02-11"}}) {
    Text event;
    Text record;
    ASSERT_EQ(exemplar_workflow_step(walk.flow, command, unit_head, date, &event.chars, nullptr), EXEMPLAR_OK);
    ASSERT_EQ(exemplar_journal_append(journal, event.chars, &record.chars, nullptr), EXEMPLAR_OK);
  }
  Text stored;
  ASSERT_EQ(exemplar_journal_export(journal, &stored.chars, nullptr), EXEMPLAR_OK);
  EXPECT_EQ(exemplar_journal_sequence(journal), 2U);

  exemplar_journal* again = nullptr;
  ASSERT_EQ(exemplar_journal_new(walk.flow, &again, nullptr), EXEMPLAR_OK);
  ASSERT_EQ(exemplar_journal_replay(again, stored.chars, nullptr), EXEMPLAR_OK);
  Text head1;
  Text head2;
  ASSERT_EQ(exemplar_journal_head(journal, &head1.chars, nullptr), EXEMPLAR_OK);
  ASSERT_EQ(exemplar_journal_head(again, &head2.chars, nullptr), EXEMPLAR_OK);
  EXPECT_EQ(head1.str(), head2.str());
  Text candidate;
  ASSERT_EQ(exemplar_journal_candidate(again, 1, &candidate.chars, nullptr), EXEMPLAR_OK);
  EXPECT_EQ(candidate.str(), walk.candidate());

  auto edited = json::Json::parse(stored.str());
  edited["records"][1]["event"]["data"]["mentor"] = 10;
  exemplar_journal* third = nullptr;
  ASSERT_EQ(exemplar_journal_new(walk.flow, &third, nullptr), EXEMPLAR_OK);
  Why why;
  EXPECT_EQ(exemplar_journal_replay(third, edited.dump().c_str(), &why.refusal), EXEMPLAR_REFUSED);
  EXPECT_EQ(why.code(), EXEMPLAR_REFUSAL_RECORD_EDITED);
  EXPECT_EQ(exemplar_journal_sequence(third), 0U) << "all or nothing: the good first record is not kept";
  exemplar_journal_destroy(third);
  exemplar_journal_destroy(again);
  exemplar_journal_destroy(journal);
}

TEST(CApi, HandlesOutliveWhatTheyWereMadeFrom) {
  exemplar_plan* plan = nullptr;
  exemplar_workflow* flow = nullptr;
  exemplar_journal* journal = nullptr;
  ASSERT_EQ(exemplar_plan_builtin(seed_000, &plan, nullptr), EXEMPLAR_OK);
  ASSERT_EQ(exemplar_workflow_new(plan, &flow, nullptr), EXEMPLAR_OK);
  exemplar_plan_destroy(plan);
  ASSERT_EQ(exemplar_journal_new(flow, &journal, nullptr), EXEMPLAR_OK);
  Text event;
  ASSERT_EQ(exemplar_workflow_decide(flow, discover, unit_head, "2022-02-10", &event.chars, nullptr), EXEMPLAR_OK);
  exemplar_workflow_destroy(flow);
  Text record;
  EXPECT_EQ(exemplar_journal_append(journal, event.chars, &record.chars, nullptr), EXEMPLAR_OK);
  exemplar_journal_destroy(journal);
}

TEST(CApi, APlanCrossesAsItsFileText) {
  exemplar_plan* plan = nullptr;
  ASSERT_EQ(exemplar_plan_builtin(seed_000, &plan, nullptr), EXEMPLAR_OK);
  Text text;
  ASSERT_EQ(exemplar_plan_to_json(plan, &text.chars, nullptr), EXEMPLAR_OK);
  exemplar_plan_destroy(plan);
  exemplar_plan* loaded = nullptr;
  ASSERT_EQ(exemplar_plan_from_json(text.chars, &loaded, nullptr), EXEMPLAR_OK);
  exemplar_plan_destroy(loaded);

  Why why;
  exemplar_plan* none = nullptr;
  EXPECT_EQ(exemplar_plan_builtin("no-such-plan", &none, &why.refusal), EXEMPLAR_REFUSED);
  EXPECT_EQ(none, nullptr);
  EXPECT_NE(why.message("en").find(seed_000), std::string::npos) << "it lists the ids there are";
  Why bad;
  EXPECT_EQ(exemplar_plan_from_json(R"({"schema":"exemplar.plan","version":2})", &none, &bad.refusal),
            EXEMPLAR_MALFORMED_JSON);
}

TEST(CApi, OptionsListEveryCommandWithItsVerdict) {
  Walk walk;
  Text options;
  ASSERT_EQ(exemplar_workflow_options(walk.flow, unit_head, "2022-02-10", &options.chars, nullptr), EXEMPLAR_OK);
  const auto list = json::Json::parse(options.str());
  ASSERT_EQ(list.size(), command_count);
  EXPECT_EQ(list[0]["command"], "discover");
  EXPECT_EQ(list[1]["allowed"], false);
  EXPECT_EQ(list[1]["refusal"]["id"], "not_allowed_from_stage");
}

}  // namespace
