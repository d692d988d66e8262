// The SCXML export runs in a standard engine exactly as the table does (issue 15, item 6): the
// lifecycle is exported with to_scxml, written to a file, loaded at run time by Qt's QtScxml
// (QScxmlStateMachine::fromFile, the ECMAScript data model), and walked along the happy path and
// every off-ramp. Each step is decided by the library; its guards, evaluated on the step as the
// table evaluates them, go to the engine with the event (or are set by the host in the data model
// beforehand), and after every step the engine's one active state must be the candidate's stage.
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <QCoreApplication>
#include <QScxmlDataModel>
#include <QScxmlStateMachine>
#include <QVariantMap>
#include <gtest/gtest.h>

#include <exemplar/exemplar.hpp>
#include <exemplar/json/plan.hpp>

#include "../support/lifecycle_fixture.hpp"

namespace exemplar {
namespace {

namespace bg = boost::gregorian;

// The agency's people are the lifecycle tests' own.
using testing::board;
using testing::chief;
using testing::council;
using testing::division;
using testing::secretariat;
using testing::unit_head;

struct Step {
  Command command;
  Actor actor;
};

Step discover() {
  return {commands::Discover{CandidateId{42}, {Subject::individual, division, Position::staff, Field::inspection, Level::agency,
                                               "Thanh tra viên có 3 sáng kiến được áp dụng"}},
          unit_head};
}
Step foster() { return {commands::Foster{ActorId{9}}, unit_head}; }
Step register_() { return {commands::Register{"Mô hình thanh tra chuyên đề"}, unit_head}; }
Step review(bool proposing, const Actor& by = council) {
  return {proposing ? commands::Review{9, 8, 7, 1} : commands::Review{9, 8, 2, 6}, by};
}
Step recognize(const Actor& by = chief) { return {commands::Recognize{"45/QĐ-TTr", bg::date{2022, 1, 1}}, by}; }
Step commend(const Actor& by = chief, Award award = Award::agency_certificate) { return {commands::Commend{award}, by}; }
Step replicate() { return {commands::Replicate{Replication::meeting, ""}, secretariat}; }
Step nominate() { return {commands::Nominate{}, chief}; }
Step propose() { return {commands::Propose{Award::provincial_certificate}, chief}; }
Step withdraw() { return {commands::Withdraw{"chuyển công tác"}, unit_head}; }
Step reject(const Actor& by) { return {commands::Reject{"không đủ tiêu chuẩn"}, by}; }
Step disqualify() { return {commands::Disqualify{"bị kỷ luật"}, chief}; }
Step revoke() { return {commands::Revoke{"phát hiện gian dối"}, chief}; }

/// How the guards reach the engine.
enum class Guards { with_the_event, set_by_the_host };

std::string write_scxml(const LifecycleTable& table, const std::string& name) {
  const std::string path = std::string(EXEMPLAR_SCXML_WORK_DIR) + "/" + name + ".scxml";
  std::ofstream(path, std::ios::binary) << to_scxml(table, name);
  return path;
}

/// Lets the engine process what was submitted.
void settle(QScxmlStateMachine& machine) {
  for (int i = 0; i < 20; ++i) QCoreApplication::processEvents(QEventLoop::AllEvents);
  (void)machine;
}

std::string active_state(QScxmlStateMachine& machine) {
  const QStringList active = machine.activeStateNames(false);
  return active.size() == 1 ? active.front().toStdString() : "(" + std::to_string(active.size()) + " active states)";
}

/// Walks `steps` through the workflow and the engine side by side, comparing every stage.
void walk(const Workflow& flow, const std::string& scxml_file, const std::vector<Step>& steps, Guards how) {
  QScxmlStateMachine* machine = QScxmlStateMachine::fromFile(QString::fromStdString(scxml_file));
  ASSERT_NE(machine, nullptr);
  for (const QScxmlError& error : machine->parseErrors()) ADD_FAILURE() << error.toString().toStdString();
  ASSERT_TRUE(machine->parseErrors().isEmpty());
  machine->start();
  settle(*machine);
  ASSERT_EQ(active_state(*machine), "initial");

  Candidate candidate;
  bg::date day{2022, 1, 3};
  for (Step step : steps) {
    // The recognition decision is dated on the day it is recorded.
    if (auto* recognize = std::get_if<commands::Recognize>(&step.command)) recognize->decision_date = day;
    auto event = flow.decide(candidate, step.command, step.actor, day);
    ASSERT_TRUE(event) << event.error().message();
    // The table's guards on this very step, by name: what the host knows when it sends the event.
    QVariantMap data;
    const Transit transit{candidate, event->data};
    for (const NamedGuard& guard : named_guards()) data.insert(QString::fromUtf8(guard.name.data(), static_cast<int>(guard.name.size())), guard.guard(transit));
    const QString name = QString::fromUtf8(identifier(event->kind()).data());
    if (how == Guards::with_the_event) {
      machine->submitEvent(name, data);
    } else {
      for (auto it = data.cbegin(); it != data.cend(); ++it) ASSERT_TRUE(machine->dataModel()->setScxmlProperty(it.key(), it.value(), QString()));
      machine->submitEvent(name);
    }
    settle(*machine);
    candidate = flow.evolve(candidate, *event);
    EXPECT_EQ(active_state(*machine), std::string(identifier(candidate.stage)))
        << "after " << name.toStdString() << " on " << format_date(day);
    day += bg::days(1);
  }
  delete machine;
}

const std::vector<std::vector<Step>>& walks() {
  static const std::vector<std::vector<Step>> all{
      // 001 II.1-3: discovered, fostered, registered, reviewed with the council's proposal,
      // recognised, commended, replicated, a higher award proposed, nominated one level up.
      {discover(), foster(), register_(), review(true), recognize(), propose(), commend(), replicate(), replicate(), nominate(),
       review(true, board), recognize(board), commend(board, Award::provincial_certificate)},
      // Off-ramps: the council does not propose (the guarded row to rejected), withdrawal, rejection
      // by the agency head, disqualification, revocation.
      {discover(), foster(), register_(), review(false)},
      {discover(), foster(), withdraw()},
      {discover(), withdraw()},
      {discover(), foster(), register_(), review(true), reject(chief)},
      {discover(), foster(), register_(), disqualify()},
      {discover(), foster(), register_(), review(true), recognize(), commend(), revoke()},
      {discover(), foster(), register_(), review(true), recognize(), commend(), replicate(), disqualify()},
  };
  return all;
}

TEST(ScxmlEngine, TheExportedLifecycleRunsInQtScxmlAsTheTableWithGuardsSentWithEachEvent) {
  const Workflow flow;
  const std::string file = write_scxml(flow.table(), "lifecycle");
  for (const auto& steps : walks()) walk(flow, file, steps, Guards::with_the_event);
}

TEST(ScxmlEngine, TheExportedLifecycleRunsInQtScxmlAsTheTableWithGuardsSetByTheHost) {
  const Workflow flow;
  const std::string file = write_scxml(flow.table(), "lifecycle-host-set");
  for (const auto& steps : walks()) walk(flow, file, steps, Guards::set_by_the_host);
}

TEST(ScxmlEngine, AGuardThatDoesNotHoldLeavesTheEngineWhereTheTableStays) {
  // A recognition without the council's proposal: the table has no row to take, the engine neither.
  const Workflow flow;
  const std::string file = write_scxml(flow.table(), "lifecycle-blocked");
  QScxmlStateMachine* machine = QScxmlStateMachine::fromFile(QString::fromStdString(file));
  ASSERT_NE(machine, nullptr);
  machine->start();
  settle(*machine);
  for (const char* event : {"discover", "foster", "register"}) machine->submitEvent(event);
  QVariantMap not_proposed{{"council_proposed", false}, {"council_did_not_propose", false}};
  machine->submitEvent("review", not_proposed);
  settle(*machine);
  EXPECT_EQ(active_state(*machine), "registered");
  delete machine;
}

// Seed 003's procedure adds an arrow (reviewed --nominate--> registered, guarded by
// has_higher_level): a plan's own lifecycle exports and runs the same way.
TEST(ScxmlEngine, APlansOwnLifecycleWithItsExtraArrowRunsInQtScxml) {
  auto plan = plans::find("hatinh-industry-trade-2021-2025");
  ASSERT_TRUE(plan);
  auto flow = Workflow::make(plan->procedure);
  ASSERT_TRUE(flow) << flow.error().message();
  const std::string file = write_scxml(flow->table(), "lifecycle-003");
  const std::string text = to_scxml(flow->table(), "lifecycle-003");
  ASSERT_NE(text.find("<transition event=\"nominate\""), std::string::npos);
  QScxmlStateMachine* machine = QScxmlStateMachine::fromFile(QString::fromStdString(file));
  ASSERT_NE(machine, nullptr);
  ASSERT_TRUE(machine->parseErrors().isEmpty());
  machine->start();
  settle(*machine);
  for (const char* event : {"discover", "foster", "register"}) machine->submitEvent(event);
  machine->submitEvent("review", QVariantMap{{"council_proposed", true}});
  machine->submitEvent("nominate", QVariantMap{{"has_higher_level", true}});
  settle(*machine);
  EXPECT_EQ(active_state(*machine), "registered");
  delete machine;
}

}  // namespace
}  // namespace exemplar

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
