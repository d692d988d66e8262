// Shared arrangements for the lifecycle tests: the people of one agency and a candidate walked to
// any stage along the plans' happy path (001 II.1-3).
#pragma once

#include <boost/date_time/gregorian/gregorian.hpp>
#include <gtest/gtest.h>

#include <exemplar/exemplar.hpp>

namespace exemplar::testing {

namespace bg = boost::gregorian;

inline const UnitId division{7};
inline const UnitId other_division{8};
inline const Actor unit_head{ActorId{3}, Role::unit_head, division};
inline const Actor other_unit_head{ActorId{4}, Role::unit_head, other_division};
inline const Actor union_rep{ActorId{5}, Role::mass_organization, division};
inline const Actor council{ActorId{20}, Role::council, UnitId{1}};
inline const Actor secretariat{ActorId{30}, Role::secretariat, UnitId{1}};
inline const Actor chief{ActorId{1}, Role::agency_head, UnitId{1}};
inline const Actor board{ActorId{90}, Role::provincial_board, UnitId{100}};

inline const CandidateId nguyen{42};

inline commands::Discover discover_nguyen(Level level = Level::agency) {
  return commands::Discover{nguyen, Subject::individual, division, Position::staff, Field::inspection, level,
                            "Thanh tra viên có 3 sáng kiến được áp dụng"};
}

/// A workflow of `procedure`; a procedure the test meant to be valid that is not fails the test.
inline Workflow workflow_of(Procedure procedure) {
  auto made = Workflow::make(std::move(procedure));
  EXPECT_TRUE(made) << (made ? std::string() : made.error().message());
  return made ? std::move(*made) : Workflow{};
}

/// The default procedure with `grants` as its only rights.
inline Workflow workflow_granting(std::vector<Grant> grants) {
  Procedure procedure = default_procedure();
  procedure.grants = std::move(grants);
  procedure.steps = CommandSet{};
  for (const Grant& grant : procedure.grants) procedure.steps = procedure.steps.with(grant.command);
  procedure.steps = procedure.steps.with(CommandKind::discover);
  return workflow_of(std::move(procedure));
}

/// A council review of 9 members, 8 present, that proposes recognition.
inline commands::Review proposing_review() { return commands::Review{9, 8, 7, 1}; }

/// The step that the happy path takes from the candidate's stage, by the role that takes it by default.
struct PathStep {
  Command command;
  Actor actor;
};

inline PathStep next_step(const Candidate& candidate) {
  const bool province = candidate.level == Level::province;
  const Actor& head = province ? board : chief;
  switch (candidate.stage) {
    case Stage::initial: return {discover_nguyen(), unit_head};
    case Stage::discovered: return {commands::Foster{ActorId{9}}, unit_head};
    case Stage::fostered: return {commands::Register{"Mô hình thanh tra chuyên đề"}, unit_head};
    case Stage::registered: return {proposing_review(), province ? board : council};
    case Stage::reviewed: return {commands::Recognize{"45/QĐ-TTr", bg::date{2022, 1, 1}}, head};
    case Stage::recognized: return {commands::Commend{Award::agency_certificate}, head};
    case Stage::commended: return {commands::Replicate{Replication::meeting, ""}, secretariat};
    default: break;
  }
  ADD_FAILURE() << "no happy-path step from " << identifier(candidate.stage);
  return {commands::Nominate{}, chief};
}

/// Walks a new agency-level candidate to `target`, one step a day from 2022-01-01.
struct Walked {
  Candidate candidate;
  std::vector<Event> events;
  bg::date next_day;
};

inline Walked walk_to(const Workflow& flow, Stage target) {
  Walked walked{Candidate{}, {}, bg::date{2022, 1, 1}};
  while (walked.candidate.stage != target) {
    // The recognition decision is dated on the day it is recorded.
    PathStep step = next_step(walked.candidate);
    if (auto* recognize = std::get_if<commands::Recognize>(&step.command)) recognize->decision_date = walked.next_day;
    auto event = flow.decide(walked.candidate, step.command, step.actor, walked.next_day);
    if (!event) {
      ADD_FAILURE() << "walking to " << identifier(target) << ": " << event.error().message();
      break;
    }
    walked.candidate = flow.evolve(walked.candidate, *event);
    walked.events.push_back(*event);
    walked.next_day += bg::days(1);
  }
  return walked;
}

}  // namespace exemplar::testing
