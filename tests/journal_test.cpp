#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <string>
#include <vector>

#include <exemplar/binary.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/lifecycle.hpp>
#ifdef EXEMPLAR_HAS_JSON
#include <exemplar/json/journal.hpp>
#endif

#include "support/journal_fixture.hpp"

namespace {

using namespace exemplar;
using exemplar::fixture::agency_head;
using exemplar::fixture::every_kind_journal;
using exemplar::fixture::head_of_unit_7;
namespace bg = boost::gregorian;

std::vector<std::uint8_t> bytes_of(std::string_view text) { return {text.begin(), text.end()}; }

/// A record re-sealed after a change, as someone who knows the format (but not a key) would do.
Record resealed(Record record) {
  record.hash = record_hash(record);
  return record;
}

/// A hasher that mixes a secret into SHA-256, standing in for a host's HMAC.
class KeyedHasher final : public Hasher {
 public:
  Digest sha256(ByteView bytes) const override {
    std::vector<std::uint8_t> keyed{'k', 'e', 'y'};
    keyed.insert(keyed.end(), bytes.begin(), bytes.end());
    return default_hasher().sha256(keyed);
  }
};

/// The default SHA-256, counting its calls: a host's hasher that overrides only sha256().
class CountingHasher final : public Hasher {
 public:
  Digest sha256(ByteView bytes) const override {
    ++calls_;
    return default_hasher().sha256(bytes);
  }
  [[nodiscard]] std::size_t calls() const { return calls_.load(); }

 private:
  mutable std::atomic<std::size_t> calls_{0};
};

TEST(Journal, DefaultHasherComputesTheStandardSha256) {
  const auto abc = bytes_of("abc");

  const Digest digest = default_hasher().sha256(abc);

  EXPECT_EQ(to_hex(digest), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Journal, AHashSessionGivesTheSameDigestsAsItsHasher) {
  // One and two SHA-256 blocks, the padding's edges, a record's size and a long text.
  const auto session = default_hasher().session();
  std::vector<std::uint8_t> bytes;

  for (std::size_t size : {0, 3, 55, 56, 63, 64, 65, 98, 119, 4200}) {
    bytes.assign(size, static_cast<std::uint8_t>(size));

    EXPECT_EQ(session->sha256(bytes), default_hasher().sha256(bytes)) << size << " bytes";
  }
  EXPECT_EQ(to_hex(session->sha256(bytes_of("abc"))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Journal, AHostsHasherWithoutASessionOfItsOwnHashesEveryRecord) {
  const Workflow flow;
  const CountingHasher counting;
  Journal journal{flow, counting};
  const auto plain = every_kind_journal(flow);

  std::vector<Record> records;
  for (const auto& record : plain) records.push_back(*journal.append(record.event));
  const std::size_t after_append = counting.calls();
  const auto replayed = replay(records, flow, counting);

  EXPECT_EQ(after_append, plain.size());
  ASSERT_TRUE(replayed);
  EXPECT_EQ(counting.calls(), 2 * plain.size());
  EXPECT_EQ(*replayed, journal.snapshot());
  EXPECT_EQ(records, plain);
}

TEST(Journal, ACopiedJournalGoesOnFromTheSameStateWithItsOwnHashing) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal original{flow};
  for (std::size_t i = 0; i < 12; ++i) ASSERT_TRUE(original.replay(records[i]));

  Journal copy{original};
  Journal assigned{flow};
  assigned = original;
  for (std::size_t i = 12; i < records.size(); ++i) {
    ASSERT_TRUE(copy.replay(records[i])) << "record " << i + 1;
    ASSERT_TRUE(assigned.replay(records[i])) << "record " << i + 1;
  }

  EXPECT_EQ(original.sequence(), 12U);
  EXPECT_EQ(copy.snapshot(), *replay(records, flow));
  EXPECT_EQ(assigned.snapshot(), copy.snapshot());
}

TEST(Journal, ReleasingAJournalHandsOverItsState) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  for (const auto& record : records) ASSERT_TRUE(journal.replay(record));

  const Snapshot released = std::move(journal).release();

  EXPECT_EQ(released, *replay(records, flow));
  EXPECT_EQ(released.sequence, records.size());
}

TEST(Journal, CandidatesNumberedFarApartAreKeptAsWellAsDenseOnes) {
  // Hosts number candidates as they like: small dense ids, ids near the top of the range, and
  // thousands of database keys scattered over the whole range (enough to outgrow the index twice).
  const Workflow flow;
  const bg::date day{2022, 2, 10};
  Journal journal{flow};
  std::vector<Record> records;
  std::vector<CandidateId> ids{CandidateId{1}, CandidateId{2}, CandidateId{70'000}, CandidateId{4'000'000'000U},
                               CandidateId{3}};
  for (std::uint32_t i = 1; i <= 3000; ++i) ids.push_back(CandidateId{i * 1'299'721U + 11U});
  for (const CandidateId id : ids) {
    const auto event = flow.decide(Candidate{}, commands::Discover{id, {Subject::individual, UnitId{7}, Position::staff,
                                                                        Field::inspection, Level::agency, "Sáng kiến"}},
                                   head_of_unit_7, day);
    ASSERT_TRUE(event);
    records.push_back(*journal.append(*event));
  }
  for (const CandidateId id : ids) {
    const auto event = flow.decide(*journal.find(id), commands::Foster{ActorId{9}}, head_of_unit_7, day + bg::days(1));
    ASSERT_TRUE(event);
    records.push_back(*journal.append(*event));
  }

  const auto replayed = replay(records, flow);

  ASSERT_TRUE(replayed);
  EXPECT_EQ(*replayed, journal.snapshot());
  ASSERT_EQ(replayed->candidates.size(), ids.size());
  for (const CandidateId id : ids) {
    ASSERT_NE(journal.find(id), nullptr);
    EXPECT_EQ(journal.find(id)->stage, Stage::fostered);
    EXPECT_EQ(replayed->candidates.at(id).candidate_sequence, 2U);
  }
}

TEST(Journal, DigestsReadBackFromHexAndRefuseAnythingElse) {
  const Digest digest = default_hasher().sha256(bytes_of("exemplar"));

  const auto back = parse_digest(to_hex(digest));

  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, digest);
  EXPECT_FALSE(parse_digest("abc").has_value());
  EXPECT_FALSE(parse_digest(std::string(63, '0') + "g").has_value());
}

TEST(Journal, AppendNumbersEveryRecordOverallAndPerCandidate) {
  const Workflow flow;

  const auto records = every_kind_journal(flow);

  std::map<CandidateId, std::uint32_t> per_candidate;
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].sequence, i + 1);
    EXPECT_EQ(records[i].candidate_sequence, ++per_candidate[records[i].event.candidate]);
    EXPECT_EQ(records[i].version, journal_format_version);
  }
}

TEST(Journal, EachRecordCarriesThePreviousHashAndItsOwn) {
  const Workflow flow;

  const auto records = every_kind_journal(flow);

  EXPECT_EQ(records.front().previous, Digest{});
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].hash, record_hash(records[i]));
    if (i > 0) {
      EXPECT_EQ(records[i].previous, records[i - 1].hash);
    }
  }
}

TEST(Journal, PrepareChangesNothingUntilTheRecordIsCommitted) {
  const Workflow flow;
  Journal journal{flow};
  const auto event = flow.decide(Candidate{}, commands::Discover{CandidateId{1}, {Subject::individual, UnitId{7},
                                                                   Position::staff, Field::general, Level::agency, "Mô hình"}},
                                 head_of_unit_7, bg::date{2022, 2, 10});
  ASSERT_TRUE(event);

  const auto record = journal.prepare(*event);

  ASSERT_TRUE(record);
  EXPECT_EQ(journal.sequence(), 0U);
  EXPECT_EQ(journal.find(CandidateId{1}), nullptr);
  ASSERT_TRUE(journal.commit(*record));
  EXPECT_EQ(journal.sequence(), 1U);
  EXPECT_EQ(journal.head(), record->hash);
  ASSERT_NE(journal.find(CandidateId{1}), nullptr);
  EXPECT_EQ(journal.find(CandidateId{1})->stage, Stage::discovered);
}

TEST(Journal, AppendRefusesAnEventTheCandidatesStageDoesNotAllowAndChangesNothing) {
  const Workflow flow;
  fixture::Script script{flow};
  script.step(CandidateId{1}, commands::Discover{CandidateId{1}, {Subject::individual, UnitId{7}, Position::staff,
                                                                  Field::general, Level::agency, "Mô hình"}},
              head_of_unit_7, bg::date{2022, 2, 10});
  Journal& journal = script.journal();
  const Snapshot before = journal.snapshot();
  const Event commend{CandidateId{1}, agency_head.id, agency_head.unit, Role::agency_head, bg::date{2022, 3, 1},
                      StepFlags{}, events::Commended{Award::agency_certificate}};

  const auto record = journal.append(commend);

  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().code, RefusalCode::not_allowed_from_stage);
  EXPECT_EQ(journal.snapshot(), before);
}

TEST(Journal, AppendRefusesTextThatAStoredRecordCouldNotCarry) {
  const Workflow flow;
  Journal journal{flow};
  Event discover{CandidateId{1}, head_of_unit_7.id, head_of_unit_7.unit, Role::unit_head, bg::date{2022, 2, 10},
                 StepFlags{},
                 events::Discovered{Subject::individual, UnitId{7}, Position::staff, Field::general, Level::agency,
                                    std::string("\xC3\x28", 2)}};

  Event too_long = discover;
  std::get<events::Discovered>(too_long.data).description = std::string(4097, 'a');

  const auto record = journal.append(discover);
  const auto long_record = journal.append(too_long);

  ASSERT_FALSE(record);
  EXPECT_EQ(record.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(record.error().subject, "description");
  ASSERT_FALSE(long_record);
  EXPECT_EQ(long_record.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(long_record.error().subject, "description");
  EXPECT_EQ(journal.sequence(), 0U);
}

TEST(Journal, AppendRefusesAnUnknownFlagOrRole) {
  const Workflow flow;
  Journal journal{flow};
  Event discover{CandidateId{1}, head_of_unit_7.id, head_of_unit_7.unit, Role::unit_head, bg::date{2022, 2, 10},
                 StepFlags{},
                 events::Discovered{Subject::individual, UnitId{7}, Position::staff, Field::general, Level::agency, "x"}};
  Event flagged = discover;
  flagged.flags = StepFlags::from_bits(0x80);
  Event odd_role = discover;
  odd_role.role = static_cast<Role>(42);

  const auto with_flag = journal.append(flagged);
  const auto with_role = journal.append(odd_role);

  ASSERT_FALSE(with_flag);
  EXPECT_EQ(with_flag.error().subject, "flags");
  ASSERT_FALSE(with_role);
  EXPECT_EQ(with_role.error().subject, "role");
}

TEST(Journal, ReplayRebuildsTheStateTheJournalWasWrittenWith) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal written{flow};
  for (const auto& record : records) ASSERT_TRUE(written.replay(record));

  const auto replayed = replay(records, flow);

  ASSERT_TRUE(replayed) << replayed.error().message();
  EXPECT_EQ(*replayed, written.snapshot());
  EXPECT_EQ(replayed->sequence, records.size());
  EXPECT_EQ(replayed->hash, records.back().hash);
  EXPECT_EQ(replayed->find(CandidateId{1})->stage, Stage::rejected);
  EXPECT_EQ(replayed->find(CandidateId{5})->stage, Stage::revoked);
}

TEST(Journal, ReplayStopsAtADeletedRecordAsAGap) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records.erase(records.begin() + 6);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_gap);
  EXPECT_EQ(replayed.error().record, 7U);
  EXPECT_EQ(replayed.error().detail.en, "record 8 comes where record 7 should be");
}

TEST(Journal, ReplayStopsAtARepeatedRecordAsADuplicate) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records.insert(records.begin() + 5, records[4]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_duplicate);
  EXPECT_EQ(replayed.error().record, 6U);
  EXPECT_EQ(replayed.error().detail.en, "record 5 appears again");
}

TEST(Journal, ReplayStopsAtTwoSwappedRecordsAsOutOfOrder) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  std::swap(records[9], records[10]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_out_of_order);
  EXPECT_EQ(replayed.error().record, 10U);
  EXPECT_EQ(replayed.error().detail.en, "record 11 comes before record 10");
}

TEST(Journal, ReplayStopsAtARecordWithAnEarlierNumberAsOutOfOrder) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records.insert(records.begin() + 8, records[2]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_out_of_order);
  EXPECT_EQ(replayed.error().record, 9U);
  EXPECT_EQ(replayed.error().detail.en, "record 3 comes after record 8");
}

TEST(Journal, ReplayStopsAtAnEditedRecord) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  std::get<events::Commended>(records[18].event.data).award = Award::prime_minister_certificate;

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_edited);
  EXPECT_EQ(replayed.error().record, 19U);
}

TEST(Journal, ReplayStopsWhereAResealedEditBreaksTheChain) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records[18].event.date = bg::date{2022, 12, 21};
  records[18] = resealed(records[18]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_chain_broken);
  EXPECT_EQ(replayed.error().record, 20U);
}

TEST(Journal, ReplayStopsAtAWrongNumberAmongTheCandidatesRecords) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records[5].candidate_sequence = 3;
  records[5] = resealed(records[5]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_candidate_sequence);
  EXPECT_EQ(replayed.error().record, 6U);
}

TEST(Journal, ReplayStopsAtAnEventTheCandidatesStageDoesNotAllow) {
  // seed 001 II.2-3: commendation follows the recognition decision, never discovery directly.
  const Workflow flow;
  auto records = every_kind_journal(flow);
  Record commend = records[5];
  commend.event = Event{CandidateId{1}, agency_head.id, agency_head.unit, Role::agency_head, bg::date{2022, 2, 14},
                        StepFlags{}, events::Commended{Award::agency_certificate}};
  records[5] = resealed(commend);

  const auto replayed = replay(std::vector<Record>(records.begin(), records.begin() + 6), flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::not_allowed_from_stage);
  EXPECT_EQ(replayed.error().record, 6U);
  EXPECT_EQ(replayed.error().stage, Stage::discovered);
}

TEST(Journal, ReplayRefusesARecordWhoseTextNoStoredFormCouldCarryBeforeEncodingIt) {
  // Encoding it would be a broken precondition (binary.hpp): replay checks the values first.
  const Workflow flow;
  auto records = every_kind_journal(flow);
  std::get<events::Discovered>(records[0].event.data).description = std::string(4097, 'a');

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::invalid_argument);
  EXPECT_EQ(replayed.error().subject, "description");
  EXPECT_EQ(replayed.error().record, 1U);
}

TEST(Journal, ReplayChecksTheAuthorityOfTheActorsUnitAgain) {
  // 000 IV.1: a unit head fosters candidates of their own unit only; record 6 is the head of unit 7
  // fostering a candidate of unit 7, re-sealed as if the head of unit 8 had done it.
  const Workflow flow;
  auto records = every_kind_journal(flow);
  ASSERT_EQ(records[5].event.kind(), CommandKind::foster);
  records[5].event.actor_unit = UnitId{8};
  records[5] = resealed(records[5]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::outside_actor_unit);
  EXPECT_EQ(replayed.error().record, 6U);
  EXPECT_EQ(replayed.error().actor_unit, UnitId{8});
  EXPECT_EQ(replayed.error().candidate_unit, UnitId{7});
}

TEST(Journal, ReplayRefusesARecordOfANewerFormat) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records[0].version = journal_format_version + 1;
  records[0] = resealed(records[0]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_unknown_version);
  EXPECT_EQ(replayed.error().record, 1U);
}

TEST(Journal, ReplayRefusesARecordOfFormatZero) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records[0].version = 0;
  records[0] = resealed(records[0]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_unknown_version);
  EXPECT_EQ(replayed.error().record, 1U);
}

TEST(Journal, ReplayRefusesARecordNumberedZero) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records[0].sequence = 0;
  records[0] = resealed(records[0]);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(replayed.error().record, 1U);
}

TEST(Journal, AFailedReplayLeavesTheJournalAsItWas) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  Journal journal{flow};
  for (std::size_t i = 0; i < 10; ++i) ASSERT_TRUE(journal.replay(records[i]));
  const Snapshot before = journal.snapshot();
  Record edited = records[10];
  edited.event.actor = ActorId{99};

  const auto applied = journal.replay(edited);

  ASSERT_FALSE(applied);
  EXPECT_EQ(journal.snapshot(), before);
  EXPECT_TRUE(journal.replay(records[10]));
}

TEST(Journal, ReplayFromAnySnapshotGivesTheSameStateAsFromTheStart) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  const auto whole = replay(records, flow);
  ASSERT_TRUE(whole);

  for (std::size_t k = 0; k <= records.size(); ++k) {
    const auto head = replay(std::vector<Record>(records.begin(), records.begin() + static_cast<long>(k)), flow);
    ASSERT_TRUE(head);
    const auto rest = replay(*head, std::vector<Record>(records.begin() + static_cast<long>(k), records.end()), flow);

    ASSERT_TRUE(rest) << "from the snapshot after record " << k;
    EXPECT_EQ(*rest, *whole) << "from the snapshot after record " << k;
  }
}

TEST(Journal, ASnapshotDoesNotAcceptRecordsFromAnotherJournal) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  auto other = records;
  other[0].event.date = bg::date{2022, 2, 9};
  for (std::size_t i = 0; i < other.size(); ++i) {
    if (i > 0) other[i].previous = other[i - 1].hash;
    other[i] = resealed(other[i]);
  }
  const auto snapshot = replay(std::vector<Record>(records.begin(), records.begin() + 5), flow);
  ASSERT_TRUE(snapshot);

  const auto replayed = replay(*snapshot, std::vector<Record>(other.begin() + 5, other.end()), flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().code, RefusalCode::record_chain_broken);
  EXPECT_EQ(replayed.error().record, 6U);
}

TEST(Journal, AHostsOwnHasherSealsRecordsTheDefaultCannotVerify) {
  const Workflow flow;
  const KeyedHasher keyed;
  Journal journal{flow, keyed};
  const auto plain = every_kind_journal(flow);
  std::vector<Record> records;
  for (const auto& record : plain) {
    auto sealed = journal.append(record.event);
    ASSERT_TRUE(sealed);
    records.push_back(*sealed);
  }

  const auto with_key = replay(records, flow, keyed);
  const auto without_key = replay(records, flow);

  ASSERT_TRUE(with_key);
  EXPECT_EQ(*with_key, journal.snapshot());
  ASSERT_FALSE(without_key);
  EXPECT_EQ(without_key.error().code, RefusalCode::record_edited);
  EXPECT_EQ(without_key.error().record, 1U);
}

TEST(Journal, AnErrorSaysWhichRecordAndWhyInBothLanguages) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  records.erase(records.begin() + 4);

  const auto replayed = replay(records, flow);

  ASSERT_FALSE(replayed);
  EXPECT_EQ(replayed.error().message(Lang::en),
            "Journal record 5: A record is missing: record 6 comes where record 5 should be.");
  EXPECT_EQ(replayed.error().message(Lang::vi),
            "Bản ghi nhật ký số 5: Thiếu bản ghi: bản ghi số 6 nằm ở vị trí của bản ghi số 5.");
}

TEST(Journal, EveryProblemHasAStableIdentifierAndLabels) {
  std::vector<RefusalCode> problems;

  for (RefusalCode code : all_values<RefusalCode>()) {
    if (is_journal_problem(code)) problems.push_back(code);
  }

  ASSERT_EQ(problems.size(), 9U);
  for (RefusalCode problem : problems) {
    EXPECT_EQ(identifier(problem).substr(0, 7), "record_") << identifier(problem);
    EXPECT_EQ(from_identifier<RefusalCode>(identifier(problem)), problem);
    EXPECT_FALSE(label(problem, Lang::en).empty());
    EXPECT_FALSE(label(problem, Lang::vi).empty());
  }
  EXPECT_EQ(identifier(RefusalCode::record_chain_broken), "record_chain_broken");
  EXPECT_FALSE(is_journal_problem(RefusalCode::journal_busy));
  EXPECT_FALSE(is_journal_problem(RefusalCode::not_allowed_from_stage));
}

/// One long simulated run, shared by the tests below.
const fixture::Simulation& long_run() {
  static const fixture::Simulation run =
      fixture::simulate(Workflow{}, 100'000, 20210104, {1, 25'000, 50'000, 75'000, 99'999, 100'000});
  return run;
}

void expect_states(const Snapshot& snapshot, const fixture::Simulation& run) {
  ASSERT_EQ(snapshot.candidates.size(), run.states.size());
  for (const auto& [id, state] : run.states) {
    const Candidate* found = snapshot.find(id);
    ASSERT_NE(found, nullptr) << "candidate " << id.value();
    ASSERT_EQ(*found, state) << "candidate " << id.value();
  }
}

TEST(Journal, AHundredThousandRecordsReplayToExactlyTheStatesTheyWereMadeFrom) {
  const Workflow flow;
  const auto& run = long_run();

  const auto replayed = replay(run.records, flow);

  ASSERT_TRUE(replayed) << replayed.error().message();
  expect_states(*replayed, run);
  EXPECT_EQ(*replayed, run.snapshots.at(100'000));
}

TEST(Journal, AHundredThousandRecordsReplayFromSnapshotsInBetween) {
  const Workflow flow;
  const auto& run = long_run();

  for (const auto& [at, snapshot] : run.snapshots) {
    const std::vector<Record> later(run.records.begin() + static_cast<long>(at), run.records.end());
    const auto replayed = replay(snapshot, later, flow);

    ASSERT_TRUE(replayed) << "from the snapshot after record " << at;
    expect_states(*replayed, run);
  }
}

TEST(Journal, AHundredThousandRecordsReplayFromTheirBinaryForm) {
  const Workflow flow;
  const auto& run = long_run();
  std::vector<std::vector<std::uint8_t>> stored;
  stored.reserve(run.records.size());
  for (const auto& record : run.records) stored.push_back(to_binary(record));

  const auto replayed = replay_binary(stored, flow);
  const auto from_snapshot =
      replay_binary(std::vector<std::vector<std::uint8_t>>(stored.begin() + 50'000, stored.end()), flow,
                    *snapshot_from_binary(to_binary(run.snapshots.at(50'000))));

  ASSERT_TRUE(replayed) << replayed.error().message();
  expect_states(*replayed, run);
  ASSERT_TRUE(from_snapshot) << from_snapshot.error().message();
  EXPECT_EQ(*from_snapshot, *replayed);
}

#ifdef EXEMPLAR_HAS_JSON
/// Stores records (first, last] and the snapshot before them as JSON text, reads both back and
/// replays: the run's snapshot after `last` must come out. Four quarters cover the whole run and
/// keep each test short in a Debug build, where nlohmann's parser is slow.
void expect_json_quarter_replays(std::uint64_t first, std::uint64_t last) {
  const Workflow flow;
  const auto& run = long_run();
  const std::vector<Record> quarter(run.records.begin() + static_cast<long>(first),
                                    run.records.begin() + static_cast<long>(last));
  const Snapshot start = first == 0 ? Snapshot{} : run.snapshots.at(first);
  const std::string records_text = json::to_json(quarter).dump();
  const std::string snapshot_text = json::to_json(start).dump();

  const auto records_document = json::parse(records_text);
  const auto snapshot_document = json::parse(snapshot_text);
  ASSERT_TRUE(records_document && snapshot_document);
  const auto records = json::journal_from_json(*records_document);
  const auto snapshot = json::snapshot_from_json(*snapshot_document);
  ASSERT_TRUE(records) << records.error().message();
  ASSERT_TRUE(snapshot) << snapshot.error().message();
  const auto replayed = replay(*snapshot, *records, flow);

  EXPECT_EQ(*records, quarter);
  EXPECT_EQ(*snapshot, start);
  ASSERT_TRUE(replayed) << replayed.error().message();
  EXPECT_EQ(*replayed, run.snapshots.at(last));
  if (last == run.records.size()) expect_states(*replayed, run);
}

TEST(Journal, AHundredThousandRecordsReplayFromJsonFirstQuarterFromTheStart) { expect_json_quarter_replays(0, 25'000); }

TEST(Journal, AHundredThousandRecordsReplayFromJsonSecondQuarterFromAJsonSnapshot) {
  expect_json_quarter_replays(25'000, 50'000);
}

TEST(Journal, AHundredThousandRecordsReplayFromJsonThirdQuarterFromAJsonSnapshot) {
  expect_json_quarter_replays(50'000, 75'000);
}

TEST(Journal, AHundredThousandRecordsReplayFromJsonLastQuarterToTheStatesTheyWereMadeFrom) {
  expect_json_quarter_replays(75'000, 100'000);
}
#endif

}  // namespace
