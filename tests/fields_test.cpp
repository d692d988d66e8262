// The field descriptions (fields.hpp) that equality, the journal's checks and the binary and JSON
// forms all read: every described field counts, a field added in format 2 stays out of a format-1
// record (whose hash still covers exactly its format-1 bytes), and every event kind goes through
// both stored forms field by field.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <exemplar/binary.hpp>
#include <exemplar/fields.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/lifecycle.hpp>
#ifdef EXEMPLAR_HAS_JSON
#include <exemplar/json/journal.hpp>
#endif

#include "detail/examine.hpp"
#include "support/journal_fixture.hpp"

namespace {

using namespace exemplar;
using exemplar::fixture::every_kind_journal;
namespace bg = boost::gregorian;
using Blob = std::vector<std::uint8_t>;

template <class T>
struct is_per_kind : std::false_type {};
template <class E, class T, std::size_t N>
struct is_per_kind<PerKind<E, T, N>> : std::true_type {};

/// Another value of the same type: what changing one field looks like.
template <class V>
V changed(const V& value) {
  if constexpr (std::is_enum_v<V>) {
    return static_cast<V>((static_cast<std::size_t>(value) + 1) % all_values<V>().size());
  } else if constexpr (detail::is_enum_set<V>::value) {
    return V::from_bits(static_cast<typename V::bits_type>(value.bits() ^ 1U));
  } else if constexpr (detail::is_strong_id<V>::value) {
    return V{value.value() + 1};
  } else if constexpr (std::is_same_v<V, bool>) {
    return !value;
  } else if constexpr (std::is_same_v<V, std::uint16_t>) {
    return static_cast<std::uint16_t>(value + 1);
  } else if constexpr (std::is_same_v<V, std::string>) {
    return value + "x";
  } else if constexpr (std::is_same_v<V, DecisionNumber>) {
    return *DecisionNumber::parse(value.view() == "45/QĐ-TTr" ? "46/QĐ-TTr" : "45/QĐ-TTr");
  } else if constexpr (std::is_same_v<V, bg::date>) {
    return value.is_special() ? bg::date{2022, 1, 1} : value + bg::days(1);
  } else {
    static_assert(is_per_kind<V>::value, "a described field of a type this test does not know");
    V other = value;
    ++other[0];
    return other;
  }
}

/// The described fields in which `sample` differs from a default-constructed T: a sample that is to
/// exercise every field must differ in all of them.
template <class T>
std::vector<std::string_view> default_fields(const T& sample) {
  const T defaults{};
  std::vector<std::string_view> same;
  std::size_t i = 0;
  for_each_field(sample, [&](const auto& f, const auto& value) {
    std::size_t j = 0;
    for_each_field(defaults, [&](const auto&, const auto& default_value) {
      if constexpr (std::is_same_v<decltype(value), decltype(default_value)>) {
        if (j == i && value == default_value) same.push_back(f.label.id);
      }
      ++j;
    });
    ++i;
  });
  return same;
}

/// Changes each described field of `sample` in turn: every change makes the copy unequal, by its
/// operators and by same_fields.
template <class T>
void expect_every_field_counts(const T& sample) {
  EXPECT_TRUE(sample == T{sample});
  EXPECT_TRUE(same_fields(sample, T{sample}));
  for (std::size_t k = 0; k < field_count_v<T>; ++k) {
    T other = sample;
    std::size_t i = 0;
    std::string_view name;
    for_each_field(other, [&](const auto& f, auto& value) {
      if (i++ != k) return;
      value = changed(value);
      name = f.label.id;
    });

    EXPECT_FALSE(other == sample) << name;
    EXPECT_TRUE(other != sample) << name;
    EXPECT_FALSE(same_fields(other, sample)) << name;
  }
}

const bg::date day{2022, 6, 27};

/// One event of every kind, each with every field of its data and of its header unlike a
/// default-constructed one (whether the lifecycle would accept it does not matter here).
std::vector<Event> every_kind_sample() {
  const std::vector<EventData> data{
      events::Discovered{Subject::collective, UnitId{7}, Position::unit_leader, Field::digital_transformation,
                         Level::province, "Số hoá hồ sơ thanh tra"},
      events::Fostered{ActorId{9}},
      events::Registered{{"Hồ sơ đăng ký điển hình"}, 2022},
      events::Reviewed{{9, 8, 7, 1}, true},
      events::Recognized{"45/QĐ-TTr", bg::date{2022, 6, 25}},
      events::Commended{Award::prime_minister_certificate},
      events::Replicated{Replication::writing_contest, "Cuộc thi viết"},
      events::Withdrawn{"Đơn vị sáp nhập"},
      events::Rejected{"Không đủ thành tích"},
      events::Disqualified{"Bị kỷ luật khiển trách"},
      events::Nominated{Level::province, Level::nation},
      events::Revoked{"Phát hiện gian dối hồ sơ"},
      events::Proposed{Award::ministry_certificate, "25/TTr-TTr"},
  };
  std::vector<Event> events;
  for (const EventData& each : data) {
    events.push_back(Event{CandidateId{5}, ActorId{30}, UnitId{7}, Role::council, day,
                           StepFlags{StepFlag::late, StepFlag::waived}, each});
  }
  return events;
}

/// A record of `event` in format `version`, sealed with its hash.
Record sealed(const Event& event, std::uint16_t version) {
  Record record;
  record.version = version;
  record.sequence = 41;
  record.candidate_sequence = 6;
  record.previous = default_hasher().sha256(Blob{'p', 'r', 'e', 'v'});
  record.event = event;
  record.hash = record_hash(record);
  return record;
}

/// A candidate whose every field differs from a default-constructed one.
Candidate full_candidate() {
  Candidate c;
  c.id = CandidateId{42};
  c.unit = UnitId{7};
  c.mentor = ActorId{9};
  c.last_step = bg::date{2023, 1, 5};
  c.decision_date = bg::date{2022, 6, 25};
  c.decision = *DecisionNumber::parse("45/QĐ-TTr");
  c.round_year = 2022;
  c.votes_for = 7;
  c.votes_against = 1;
  c.council_members = 9;
  c.replications[static_cast<std::size_t>(Replication::meeting)] = 1;
  c.stage = Stage::replicated;
  c.subject = Subject::collective;
  c.position = Position::agency_leader;
  c.level = Level::province;
  c.field = Field::anti_corruption;
  c.award = Award::provincial_certificate;
  c.council_proposed = true;
  c.proposed_awards = AwardSet{Award::ministry_certificate};
  return c;
}

/// The every-kind journal written again in format `version`, without the kinds format 1 did not
/// have (propose), renumbered and chained: what a library of that format would have stored. In
/// format 1 the events carry no actor's unit.
/// `event` as a record of `version` would hold it: every field added by a later format left empty.
void as_of(Event& event, std::uint16_t version) {
  const auto clear_newer = [version](const auto& f, auto& value) {
    if (f.rules.since > version) value = std::decay_t<decltype(value)>{};
  };
  for_each_field(event, clear_newer);
  std::visit([&](auto& data) { for_each_field(data, clear_newer); }, event.data);
}

std::vector<Record> rewritten(const std::vector<Record>& records, std::uint16_t version, bool keep_proposals = false) {
  std::vector<Record> out;
  std::map<CandidateId, std::uint32_t> per_candidate;
  for (const Record& each : records) {
    if (each.event.kind() == CommandKind::propose && !keep_proposals) continue;
    Record record = each;
    record.version = version;
    as_of(record.event, version);
    record.sequence = out.size() + 1;
    record.candidate_sequence = ++per_candidate[record.event.candidate];
    record.previous = out.empty() ? Digest{} : out.back().hash;
    record.hash = record_hash(record);
    out.push_back(record);
  }
  return out;
}

TEST(Fields, EqualityReadsEveryDescribedField) {
  const auto samples = every_kind_sample();
  const Candidate candidate = full_candidate();

  expect_every_field_counts(candidate);
  expect_every_field_counts(samples.front());
  for (const Event& event : samples) {
    std::visit([](const auto& data) { expect_every_field_counts(data); }, event.data);
  }
}

TEST(Fields, AnEventsDataCountsInItsEquality) {
  const auto samples = every_kind_sample();
  Event commend = samples[static_cast<std::size_t>(CommandKind::commend)];
  Event other_kind = commend;
  other_kind.data = events::Proposed{Award::prime_minister_certificate};

  std::get<events::Commended>(commend.data).award = Award::agency_certificate;

  EXPECT_NE(commend, samples[static_cast<std::size_t>(CommandKind::commend)]);
  EXPECT_NE(other_kind, samples[static_cast<std::size_t>(CommandKind::commend)]);
}

TEST(Fields, TheSamplesSetEveryDescribedField) {
  const auto samples = every_kind_sample();

  ASSERT_EQ(samples.size(), command_count);
  for (const Event& event : samples) {
    EXPECT_EQ(default_fields(event), std::vector<std::string_view>{}) << identifier(event.kind());
    std::visit([&](const auto& data) {
      EXPECT_EQ(default_fields(data), std::vector<std::string_view>{}) << identifier(event.kind());
    }, event.data);
  }
  EXPECT_EQ(default_fields(full_candidate()), std::vector<std::string_view>{});
}

TEST(Fields, EachFieldSaysTheFormatThatAddedIt) {
  const Event event;
  const Candidate candidate;
  std::vector<std::string_view> event_fields_of_two;
  std::vector<std::string_view> candidate_fields_of_two;

  for_each_field(event, [&](const auto& f, const auto&) {
    if (f.rules.since == 2) event_fields_of_two.push_back(f.label.id);
    EXPECT_LE(f.rules.since, journal_format_version) << f.label.id;
  });
  for_each_field(candidate, [&](const auto& f, const auto&) {
    if (f.rules.since == 2) candidate_fields_of_two.push_back(f.label.id);
    EXPECT_LE(f.rules.since, journal_format_version) << f.label.id;
  });

  EXPECT_EQ(event_fields_of_two, std::vector<std::string_view>{"actor_unit"});
  EXPECT_EQ(candidate_fields_of_two, std::vector<std::string_view>{"proposed_awards"});
}

TEST(Fields, EveryEventRoundTripsThroughBinaryAndJsonFromItsDescription) {
  for (std::uint16_t version = 1; version <= journal_format_version; ++version) {
    for (Event event : every_kind_sample()) {
      // Format 1 has no place for the actor's unit, nor for the kinds added since.
      if (introduced_in(event.kind()) > version) continue;
      as_of(event, version);
      const Record record = sealed(event, version);

      const auto from_binary = record_from_binary(to_binary(record));

      ASSERT_TRUE(from_binary) << identifier(event.kind()) << " v" << version << ": " << from_binary.error().message();
      EXPECT_EQ(*from_binary, record) << identifier(event.kind()) << " v" << version;
#ifdef EXEMPLAR_HAS_JSON
      const json::Json document = json::to_json(record);
      const auto from_json = json::record_from_json(*json::parse(document.dump()));

      ASSERT_TRUE(from_json) << identifier(event.kind()) << " v" << version << ": " << from_json.error().message();
      EXPECT_EQ(*from_json, record) << identifier(event.kind()) << " v" << version;
      // The document holds the fields the format carries, by their ids, and nothing else.
      std::size_t header = 0;
      for_each_field(event, [&](const auto& f, const auto&) {
        if (f.rules.since > version) return;
        ++header;
        EXPECT_TRUE(document["event"].contains(std::string(f.label.id))) << f.label.id;
      });
      EXPECT_EQ(document["event"].size(), header + 2) << "the header's fields, kind and data";
      std::visit([&](const auto& data) {
        std::size_t carried = 0;
        for_each_field(data, [&](const auto& f, const auto&) {
          if (f.rules.since > version) return;
          ++carried;
          EXPECT_TRUE(document["event"]["data"].contains(std::string(f.label.id))) << f.label.id;
        });
        EXPECT_EQ(document["event"]["data"].size(), carried);
      }, event.data);
#endif
    }
  }
}

TEST(Fields, EveryCandidateFieldRoundTripsThroughBinaryAndJson) {
  const Candidate candidate = full_candidate();

  const auto from_binary = candidate_from_binary(to_binary(candidate));

  ASSERT_TRUE(from_binary) << from_binary.error().message();
  EXPECT_EQ(*from_binary, candidate);
#ifdef EXEMPLAR_HAS_JSON
  const json::Json document = json::to_json(candidate);
  const auto from_json = json::candidate_from_json(*json::parse(document.dump()));

  ASSERT_TRUE(from_json) << from_json.error().message();
  EXPECT_EQ(*from_json, candidate);
  EXPECT_EQ(document.size(), field_count_v<Candidate> + 1) << "the fields and the version";
  EXPECT_EQ(document["proposed_awards"], json::Json::array({"ministry_certificate"}));
#endif
}

TEST(Fields, AnEventKindAddedInFormatTwoIsNotInAFormatOneRecord) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  std::vector<Record> old = rewritten(records, 1);
  old.resize(19);  // up to the walker's commendation
  Event propose = every_kind_sample()[static_cast<std::size_t>(CommandKind::propose)];
  propose.candidate = CandidateId{1};
  propose.actor_unit = UnitId{};
  Record proposal = sealed(propose, 1);
  proposal.sequence = 20;
  proposal.candidate_sequence = 7;
  proposal.previous = old.back().hash;
  proposal.hash = record_hash(proposal);
  std::vector<Record> journal = old;
  journal.push_back(proposal);

  const auto replayed = replay(journal, flow);
  const auto from_binary = record_from_binary(to_binary(proposal));

  ASSERT_EQ(introduced_in(CommandKind::propose), 2U);
  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_unknown_kind);
  EXPECT_EQ(replayed.error().record, 20U);
  ASSERT_FALSE(from_binary);
  EXPECT_EQ(from_binary.error().code, RefusalCode::record_unknown_kind);
  EXPECT_EQ(from_binary.error().subject, "event.kind");
#ifdef EXEMPLAR_HAS_JSON
  const auto from_json = json::record_from_json(json::to_json(proposal));
  ASSERT_FALSE(from_json);
  EXPECT_EQ(from_json.error().code, RefusalCode::record_unknown_kind);
  EXPECT_EQ(from_json.error().subject, "/event/kind");
#endif
}

TEST(Fields, AFieldAddedInFormatTwoIsNotInAFormatOneRecord) {
  const Workflow flow;
  const Record current = every_kind_journal(flow).at(0);
  Record old = current;
  old.version = 1;
  old.event.actor_unit = UnitId{};
  old.hash = record_hash(old);
  // The format-2 bytes without the actor's unit (4 bytes after the tag, version, sequence,
  // candidate_sequence, previous hash, candidate and actor) and with version 1.
  Blob expected = canonical_bytes(current);
  expected.erase(expected.begin() + 55, expected.begin() + 59);
  expected[1] = 1;

  const Blob bytes = canonical_bytes(old);
  const auto replayed = replay(std::vector<Record>{old}, flow);

  ASSERT_NE(current.event.actor_unit, UnitId{});
  EXPECT_EQ(bytes, expected);
  EXPECT_EQ(to_binary(old).size(), to_binary(current).size() - 4);
  EXPECT_EQ(old.hash, default_hasher().sha256(bytes));
  ASSERT_TRUE(replayed) << replayed.error().message();
  EXPECT_EQ(replayed->hash, old.hash);
#ifdef EXEMPLAR_HAS_JSON
  EXPECT_FALSE(json::to_json(old)["event"].contains("actor_unit"));
  EXPECT_TRUE(json::to_json(current)["event"].contains("actor_unit"));
#endif
}

TEST(Fields, AVersionOneJournalStillReplays) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  const std::vector<Record> old = rewritten(records, 1);
  const std::vector<Record> current = rewritten(records, 2);

  const auto from_old = replay(old, flow);
  const auto from_current = replay(current, flow);

  ASSERT_TRUE(from_old) << from_old.error().message();
  ASSERT_TRUE(from_current) << from_current.error().message();
  EXPECT_EQ(from_old->candidates, from_current->candidates);
  EXPECT_EQ(from_old->sequence, old.size());
  EXPECT_EQ(from_old->hash, old.back().hash);
  EXPECT_NE(old.back().hash, current.back().hash);
}

TEST(Fields, AVersionOneJournalStillReplaysFromItsStoredForms) {
  const Workflow flow;
  const std::vector<Record> old = rewritten(every_kind_journal(flow), 1);
  std::vector<Blob> stored;
  for (const Record& record : old) stored.push_back(to_binary(record));
  const auto expected = replay(old, flow);
  ASSERT_TRUE(expected);

  const auto from_binary = replay_binary(stored, flow);

  ASSERT_TRUE(from_binary) << from_binary.error().message();
  EXPECT_EQ(*from_binary, *expected);
#ifdef EXEMPLAR_HAS_JSON
  const auto records = json::journal_from_json(*json::parse(json::to_json(old).dump()));
  ASSERT_TRUE(records) << records.error().message();
  EXPECT_EQ(*records, old);
  const auto from_json = replay(*records, flow);
  ASSERT_TRUE(from_json) << from_json.error().message();
  EXPECT_EQ(*from_json, *expected);
#endif
}

TEST(Fields, AVersionOneJournalGoesOnInTheCurrentFormat) {
  // The old journal up to the walker's commendation (its 19th record); the agency head then
  // proposes a higher award for them, in the current format.
  const Workflow flow;
  const std::vector<Record> whole = rewritten(every_kind_journal(flow), 1);
  const std::vector<Record> old(whole.begin(), whole.begin() + 19);
  Journal journal{flow};
  for (const Record& record : old) ASSERT_TRUE(journal.replay(record));
  ASSERT_EQ(journal.find(CandidateId{1})->stage, Stage::commended);
  const auto event = flow.decide(*journal.find(CandidateId{1}), commands::Propose{Award::provincial_certificate},
                                 fixture::agency_head, bg::date{2022, 12, 28});
  ASSERT_TRUE(event) << event.error().message();

  const auto appended = journal.append(*event);

  ASSERT_TRUE(appended) << appended.error().message();
  EXPECT_EQ(appended->version, journal_format_version);
  EXPECT_EQ(appended->previous, old.back().hash);
  std::vector<Record> mixed = old;
  mixed.push_back(*appended);
  const auto replayed = replay(mixed, flow);
  ASSERT_TRUE(replayed) << replayed.error().message();
  EXPECT_EQ(*replayed, journal.snapshot());
}

TEST(Fields, AVersionOneRecordThatHoldsAFieldOfVersionTwoIsRefused) {
  // Its hash cannot cover the actor's unit, so the value would reach the checks and the observers
  // unverified.
  const Workflow flow;
  Record old = rewritten(every_kind_journal(flow), 1).at(0);
  old.event.actor_unit = UnitId{7};
  old.hash = record_hash(old);

  const auto replayed = replay(std::vector<Record>{old}, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(replayed.error().record, 1U);
  EXPECT_EQ(replayed.error().subject, "event.actor_unit");
}

TEST(Fields, AJournalReadsAVersionOneBlobAfterAVersionTwoBlobWithoutTheNewerField) {
  // Journal::replay_binary reuses one decoded record from blob to blob: a field the older format
  // does not carry must not keep the value of the blob before.
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Record second = records.at(1);
  second.version = 1;
  second.event.actor_unit = UnitId{};
  second.hash = record_hash(second);
  const std::vector<Blob> stored{to_binary(records.at(0)), to_binary(second)};
  Journal journal{flow};
  std::vector<Record> heard;
  FunctionObserver listener{[&](const Change& change) { heard.push_back(change.record); }};
  ASSERT_TRUE(journal.subscribe(listener));

  for (const Blob& blob : stored) ASSERT_TRUE(journal.replay_binary(blob));

  ASSERT_EQ(heard.size(), 2U);
  EXPECT_EQ(heard[0], records.at(0));
  EXPECT_EQ(heard[1], second);
  EXPECT_EQ(heard[1].event.actor_unit, UnitId{});
}

TEST(Fields, AVersionOneCandidateReadsWithoutTheFieldOfVersionTwo) {
  // Format 2 appended the awards proposed upward (one byte) to the candidate's form.
  Candidate candidate = full_candidate();
  candidate.proposed_awards = AwardSet{};
  Blob old = to_binary(candidate);
  old[1] = 1;
  old.pop_back();

  const auto from_binary = candidate_from_binary(old);

  ASSERT_TRUE(from_binary) << from_binary.error().message();
  EXPECT_EQ(*from_binary, candidate);
#ifdef EXEMPLAR_HAS_JSON
  json::Json document = json::to_json(candidate);
  document["version"] = 1;
  document.erase("proposed_awards");
  const auto from_json = json::candidate_from_json(document);
  ASSERT_TRUE(from_json) << from_json.error().message();
  EXPECT_EQ(*from_json, candidate);
  document["proposed_awards"] = json::Json::array();
  const auto named = json::candidate_from_json(document);
  ASSERT_FALSE(named);
  EXPECT_EQ(named.error().subject, "/proposed_awards");
#endif
}

#ifdef EXEMPLAR_HAS_JSON
TEST(Fields, AVersionOneDocumentThatNamesAFieldOfVersionTwoIsRefused) {
  const Workflow flow;
  const Record old = rewritten(every_kind_journal(flow), 1).at(0);
  json::Json document = json::to_json(old);
  document["event"]["actor_unit"] = 7;

  const auto back = json::record_from_json(document);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(back.error().subject, "/event/actor_unit");
}
#endif


// Format 3 added the number of the submission (tờ trình) that carries a proposal upward: the only
// change in the library was the field's line in Propose::fields() and the format version. These
// tests show every form (equality, hash, binary, JSON, replay) picking it up from that line.
TEST(Fields, AProposalCarriesItsSubmissionNumberThroughEveryForm) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  const auto proposal = std::find_if(records.begin(), records.end(),
                                     [](const Record& r) { return r.event.kind() == CommandKind::propose; });
  ASSERT_NE(proposal, records.end());
  ASSERT_EQ(std::get<events::Proposed>(proposal->event.data).submission, "25/TTr-TTr");
  Record other = *proposal;
  std::get<events::Proposed>(other.event.data).submission = "26/TTr-TTr";

  const auto from_binary = record_from_binary(to_binary(*proposal));

  ASSERT_TRUE(from_binary) << from_binary.error().message();
  EXPECT_EQ(*from_binary, *proposal);
  EXPECT_NE(other, *proposal);
  EXPECT_NE(record_hash(other), proposal->hash);
#ifdef EXEMPLAR_HAS_JSON
  const json::Json document = json::to_json(*proposal);
  EXPECT_EQ(document["event"]["data"]["submission"], "25/TTr-TTr");
  const auto from_json = json::record_from_json(document);
  ASSERT_TRUE(from_json) << from_json.error().message();
  EXPECT_EQ(*from_json, *proposal);
#endif
}

TEST(Fields, AVersionTwoJournalWithProposalsStillReplaysWithoutSubmissionNumbers) {
  const Workflow flow;
  const std::vector<Record> old = rewritten(every_kind_journal(flow), 2, true);
  ASSERT_TRUE(std::any_of(old.begin(), old.end(), [](const Record& r) { return r.event.kind() == CommandKind::propose; }));

  const auto replayed = replay(old, flow);

  ASSERT_TRUE(replayed) << replayed.error().message();
  for (const Record& record : old) {
    const auto back = record_from_binary(to_binary(record));
    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(*back, record);
  }
}

TEST(Fields, AVersionTwoProposalThatHoldsASubmissionNumberIsRefused) {
  // Its hash cannot cover a field its format does not have.
  const Workflow flow;
  std::vector<Record> old = rewritten(every_kind_journal(flow), 2, true);
  const auto proposal = std::find_if(old.begin(), old.end(),
                                     [](const Record& r) { return r.event.kind() == CommandKind::propose; });
  ASSERT_NE(proposal, old.end());
  std::get<events::Proposed>(proposal->event.data).submission = "25/TTr-TTr";
  proposal->hash = record_hash(*proposal);
  old.erase(proposal + 1, old.end());

  const auto replayed = replay(old, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(replayed.error().record, old.size());
  EXPECT_EQ(replayed.error().subject, "event.propose.submission");
}

}  // namespace
