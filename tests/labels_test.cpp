// Labels and refusals: every public enum reads in Vietnamese and English, with a stable identifier;
// every refusal says why in both languages (DESIGN.md, "Nothing surprising happens").
#include <set>
#include <string>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/exemplar.hpp>

namespace exemplar {
namespace {

namespace bg = boost::gregorian;

template <class E>
void expect_complete_labels(std::size_t expected_count) {
  const auto values = all_values<E>();
  EXPECT_EQ(values.size(), expected_count);
  std::set<std::string_view> ids;
  for (E value : values) {
    EXPECT_FALSE(identifier(value).empty());
    EXPECT_FALSE(label(value, Lang::en).empty());
    EXPECT_FALSE(label(value, Lang::vi).empty());
    EXPECT_EQ(from_identifier<E>(identifier(value)), value);
    ids.insert(identifier(value));
  }
  EXPECT_EQ(ids.size(), values.size()) << "identifiers are unique";
}

TEST(Labels, EveryEnumeratorHasAUniqueIdentifierAndALabelInBothLanguages) {
  expect_complete_labels<Stage>(stage_count);
  expect_complete_labels<CommandKind>(command_count);
  expect_complete_labels<Role>(role_count);
  expect_complete_labels<Level>(level_count);
  expect_complete_labels<Replication>(replication_count);
  expect_complete_labels<Subject>(2);
  expect_complete_labels<Position>(4);
  expect_complete_labels<Field>(10);
  expect_complete_labels<Award>(5);
  expect_complete_labels<Scope>(2);
  expect_complete_labels<StepFlag>(step_flag_count);
  expect_complete_labels<RefusalCode>(refusal_code_count);
  expect_complete_labels<Lang>(2);
}

TEST(Labels, VietnameseIsTheUsersLanguage) {
  EXPECT_EQ(label(Stage::registered, Lang::vi), "đã đăng ký");
  EXPECT_EQ(label(Role::council, Lang::vi), "Hội đồng Thi đua - Khen thưởng");
  EXPECT_EQ(label(CommandKind::replicate, Lang::vi), "nhân rộng");
}

TEST(Labels, AnUnknownIdentifierOrValueIsNotGuessed) {
  EXPECT_EQ(from_identifier<Stage>("approved"), std::nullopt);
  EXPECT_EQ(label(static_cast<Stage>(99)), "?");
  EXPECT_FALSE(is_known(static_cast<Stage>(99)));
}

TEST(Format, EnumsFormatInEnglishByDefaultInVietnameseOrAsTheirIdentifier) {
  EXPECT_EQ(fmt::format("{}", Stage::reviewed), "reviewed by the council");
  EXPECT_EQ(fmt::format("{:vi}", Stage::reviewed), "đã được Hội đồng bình xét");
  EXPECT_EQ(fmt::format("{:id}", CommandKind::register_), "register");
}

TEST(Format, IdsFormatAsTheirNumbers) {
  EXPECT_EQ(fmt::format("{}/{}/{}", CandidateId{42}, UnitId{7}, ActorId{3}), "42/7/3");
}

TEST(Format, ARefusalFormatsAsItsMessageOrItsCode) {
  const Refusal refusal = refuse(RefusalCode::date_out_of_order)
                              .with_command(CommandKind::register_)
                              .with_date(bg::date{2021, 3, 24})
                              .with_reference(bg::date{2021, 3, 25});

  EXPECT_EQ(fmt::format("{}", refusal), "2021-03-24 is before the candidate's last step on 2021-03-25.");
  EXPECT_EQ(fmt::format("{:vi}", refusal), "Ngày 24/03/2021 trước ngày của bước gần nhất (25/03/2021).");
  EXPECT_EQ(fmt::format("{:id}", refusal), "date_out_of_order");
}

TEST(Format, AnUnknownSpecIsAFormatError) {
  EXPECT_THROW((void)fmt::format(fmt::runtime("{:fr}"), Stage::reviewed), fmt::format_error);
}

TEST(Refusal, EveryCodeHasAMessageInBothLanguages) {
  for (RefusalCode code : all_values<RefusalCode>()) {
    const Refusal refusal = refuse(code).with_command(CommandKind::register_).with_stage(Stage::fostered);

    EXPECT_FALSE(refusal.message(Lang::en).empty()) << identifier(code);
    EXPECT_FALSE(refusal.message(Lang::vi).empty()) << identifier(code);
    EXPECT_NE(refusal.message(Lang::en), refusal.message(Lang::vi)) << identifier(code);
  }
}

TEST(Refusal, TheSpecificReasonFollowsTheSentenceInEachLanguage) {
  const Refusal refusal = refuse(RefusalCode::invalid_argument)
                              .with_subject("mentor")
                              .with_detail("fostering needs a named leader in charge", "phải phân công lãnh đạo phụ trách");

  EXPECT_EQ(refusal.message(Lang::en), "Invalid mentor: fostering needs a named leader in charge.");
  EXPECT_EQ(refusal.message(Lang::vi), "Thông tin không hợp lệ (mentor): phải phân công lãnh đạo phụ trách.");
}

TEST(Refusal, ARefusalOffACandidateDoesNotSpeakOfAStage) {
  const Refusal refusal = refuse(RefusalCode::not_authorised).with_role(Role::unit_head);

  EXPECT_EQ(refusal.message(Lang::en), "A head of unit may not take this step.");
  EXPECT_EQ(refusal.message(Lang::vi), "Trưởng phòng, đơn vị không có thẩm quyền thực hiện bước này.");
}

// An officer reads every sentence aloud: a sentence starts with a capital, even on a Vietnamese
// letter; a candidate is in a «trạng thái», not a «giai đoạn»; dropping a candidate is «đưa ra khỏi
// danh sách», not the harsh «tước tư cách»; before registration one does not «rút đăng ký».
TEST(Refusal, VietnameseSentencesReadAloudWithoutWincing) {
  const Refusal organisation = refuse(RefusalCode::not_authorised).with_role(Role::mass_organization);
  const Refusal ended = refuse(RefusalCode::not_allowed_from_stage)
                            .with_command(CommandKind::register_)
                            .with_stage(Stage::rejected);

  EXPECT_EQ(organisation.message(Lang::vi), "Tổ chức đoàn thể không có thẩm quyền thực hiện bước này.");
  EXPECT_NE(ended.message(Lang::vi).find("trạng thái «bị loại»"), std::string::npos) << ended.message(Lang::vi);
  EXPECT_EQ(ended.message(Lang::vi).find("giai đoạn"), std::string::npos);
  EXPECT_EQ(label(CommandKind::disqualify, Lang::vi), "đưa ra khỏi danh sách");
  EXPECT_EQ(label(CommandKind::withdraw, Lang::vi), "rút tên khỏi danh sách");
  EXPECT_EQ(label(MilestoneState::waived, Lang::vi), "được Thủ trưởng cơ quan cho phép thực hiện sau thời hạn");
}

TEST(Refusal, DatesReadAsPeopleWriteThem) {
  EXPECT_EQ(format_date(bg::date{2024, 2, 29}, Lang::vi), "29/02/2024");
  EXPECT_EQ(format_date(bg::date{2024, 2, 29}, Lang::en), "2024-02-29");
  EXPECT_EQ(format_date(bg::date{bg::not_a_date_time}, Lang::en), "not a date");
}

TEST(Refusal, RefusalsCompareByCodeAndFacts) {
  const Refusal a = refuse(RefusalCode::no_quorum).with_subject("council attendance");
  Refusal b = a;

  EXPECT_EQ(a, b);
  b.date = bg::date{2022, 1, 1};
  EXPECT_NE(a, b);
}

}  // namespace
}  // namespace exemplar
