#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

#include <exemplar/binary.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/lifecycle.hpp>

#include "support/journal_fixture.hpp"

namespace {

using namespace exemplar;
using exemplar::fixture::every_kind_journal;
namespace bg = boost::gregorian;

/// What an observer was told, copied out of the call.
struct Heard {
  std::uint64_t sequence;
  Stage before;
  Stage after;
  Origin origin;
  std::uint64_t journal_sequence;  ///< the journal's own sequence at the time of the call
};

/// Appends the events of `records` to `journal`, returning the records it produced.
std::vector<Record> append_all(Journal& journal, const std::vector<Record>& records) {
  std::vector<Record> appended;
  for (const auto& record : records) {
    auto next = journal.append(record.event);
    if (next) appended.push_back(*next);
  }
  return appended;
}

TEST(Observer, HearsEveryAppendedRecordAfterTheJournalAlreadyIncludesIt) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  std::vector<Heard> heard;
  FunctionObserver listener{[&](const Change& change) {
    heard.push_back({change.record.sequence, change.before.stage, change.after.stage, change.origin, journal.sequence()});
  }};
  ASSERT_TRUE(journal.subscribe(listener));

  const auto appended = append_all(journal, records);

  ASSERT_EQ(heard.size(), records.size());
  for (std::size_t i = 0; i < heard.size(); ++i) {
    EXPECT_EQ(heard[i].sequence, i + 1);
    EXPECT_EQ(heard[i].journal_sequence, i + 1);
    EXPECT_EQ(heard[i].origin, Origin::appended);
  }
  EXPECT_EQ(heard.front().before, Stage::initial);
  EXPECT_EQ(heard.front().after, Stage::discovered);
  EXPECT_EQ(heard.back().before, Stage::registered);
  EXPECT_EQ(heard.back().after, Stage::rejected);
}

TEST(Observer, HearsReplayedRecordsAsReplayedAndCommittedOnesAsAppended) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  std::vector<Origin> origins;
  FunctionObserver listener{[&](const Change& change) { origins.push_back(change.origin); }};
  ASSERT_TRUE(journal.subscribe(listener));

  ASSERT_TRUE(journal.replay(records[0]));
  const auto prepared = journal.prepare(records[1].event);
  ASSERT_TRUE(prepared);
  ASSERT_TRUE(journal.commit(*prepared));

  EXPECT_EQ(origins, (std::vector<Origin>{Origin::replayed, Origin::appended}));
}

TEST(Observer, AThrowingObserverChangesNeitherTheStateNorTheRecords) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal quiet{flow};
  Journal noisy{flow};
  FunctionObserver thrower{[](const Change&) { throw std::runtime_error("mail server down"); }};
  ASSERT_TRUE(noisy.subscribe(thrower));

  const auto from_quiet = append_all(quiet, records);
  const auto from_noisy = append_all(noisy, records);

  EXPECT_EQ(from_noisy, from_quiet);
  EXPECT_EQ(noisy.snapshot(), quiet.snapshot());
  EXPECT_EQ(noisy.snapshot(), *replay(records, flow));
}

TEST(Observer, AThrowingObserverIsReportedNotPropagated) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  FunctionObserver thrower{[](const Change& change) {
    if (change.record.sequence == 3) throw std::runtime_error("mail server down");
  }};
  ASSERT_TRUE(journal.subscribe(thrower));

  const auto appended = append_all(journal, records);
  const auto failures = journal.take_observer_failures();

  EXPECT_EQ(appended.size(), records.size());
  ASSERT_EQ(failures.size(), 1U);
  EXPECT_EQ(failures[0].sequence, 3U);
  EXPECT_EQ(failures[0].observer, &thrower);
  EXPECT_EQ(failures[0].what, "mail server down");
  EXPECT_TRUE(journal.take_observer_failures().empty());
}

TEST(Observer, OtherObserversAreStillToldWhenOneThrows) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  FunctionObserver thrower{[](const Change&) { throw 42; }};
  std::size_t told = 0;
  FunctionObserver counter{[&](const Change&) { ++told; }};
  ASSERT_TRUE(journal.subscribe(thrower));
  ASSERT_TRUE(journal.subscribe(counter));

  append_all(journal, records);
  const auto failures = journal.take_observer_failures();

  EXPECT_EQ(told, records.size());
  ASSERT_EQ(failures.size(), records.size());
  EXPECT_EQ(failures[0].what, "unknown exception");
}

TEST(Observer, AnObserverThatChangesTheJournalIsRefusedAsBusyAndChangesNothing) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  FunctionObserver bystander{[](const Change&) {}};
  std::vector<tl::expected<void, Refusal>> attempts;
  FunctionObserver meddler{[&](const Change&) {
    const auto appended = journal.append(records[1].event);
    attempts.push_back(appended ? tl::expected<void, Refusal>{} : tl::make_unexpected(appended.error()));
    attempts.push_back(journal.commit(records[1]));
    attempts.push_back(journal.replay(records[1]));
    attempts.push_back(journal.replay_binary(to_binary(records[1])));
    attempts.push_back(journal.subscribe(bystander));
    attempts.push_back(journal.unsubscribe(bystander));
  }};
  ASSERT_TRUE(journal.subscribe(meddler));

  ASSERT_TRUE(journal.append(records[0].event));

  EXPECT_EQ(journal.sequence(), 1U);
  EXPECT_EQ(journal.head(), records[0].hash);
  ASSERT_EQ(attempts.size(), 6U);
  for (const auto& attempt : attempts) {
    ASSERT_FALSE(attempt);
    EXPECT_EQ(attempt.error().code, RefusalCode::journal_busy);
    EXPECT_EQ(attempt.error().record, 1U);
  }
  EXPECT_TRUE(journal.take_observer_failures().empty());
  ASSERT_TRUE(journal.unsubscribe(meddler));
  EXPECT_TRUE(journal.replay(records[1]));
}

TEST(Observer, ARefusedOrBrokenRecordIsNotAnnounced) {
  const Workflow flow;
  auto records = every_kind_journal(flow);
  Journal journal{flow};
  std::size_t told = 0;
  FunctionObserver counter{[&](const Change&) { ++told; }};
  ASSERT_TRUE(journal.subscribe(counter));
  const Event commend{CandidateId{1}, ActorId{30}, UnitId{1}, Role::agency_head, bg::date{2022, 3, 1}, StepFlags{},
                      events::Commended{Award::agency_certificate}};
  records[0].event.actor = ActorId{99};

  const auto refused = journal.append(commend);
  const auto broken = journal.replay(records[0]);

  EXPECT_FALSE(refused);
  EXPECT_FALSE(broken);
  EXPECT_EQ(told, 0U);
}

TEST(Observer, AnUnsubscribedObserverHearsNothingMore) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  Journal journal{flow};
  std::size_t told = 0;
  FunctionObserver counter{[&](const Change&) { ++told; }};
  ASSERT_TRUE(journal.subscribe(counter));
  ASSERT_TRUE(journal.replay(records[0]));

  ASSERT_TRUE(journal.unsubscribe(counter));
  ASSERT_TRUE(journal.replay(records[1]));

  EXPECT_EQ(told, 1U);
}

}  // namespace
