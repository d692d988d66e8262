// lifecycle_walk: three candidates of the Hà Tĩnh provincial Inspectorate (seed 000) walk the
// lifecycle under the default policy, and every step, accepted or refused, is printed.
//
//   discovered → fostered → registered → reviewed → recognized → commended → replicated → (province)
//
// Prints, for example:
//   2022-02-10 candidate 1: discover by head of unit (individual, unit 7, inspection, agency level)
//   ...
//   refused: A head of unit may not recognise a candidate that is reviewed by the council (agency level).
//
// It checks itself: it exits 1 if a step that should be accepted is refused, a step that should be
// refused is accepted, or replaying the stored events does not give back the same candidates.
//
// Usage: lifecycle_walk [--lang en|vi]
#include <cstdio>
#include <cstring>
#include <map>
#include <vector>

#include <exemplar/exemplar.hpp>

namespace bg = boost::gregorian;
using namespace exemplar;

namespace {

struct Walk {
  const Workflow& flow;
  Lang lang;
  std::map<CandidateId, Candidate> candidates;
  std::vector<Event> journal;
  int failures = 0;

  // Gives a command that should be accepted; stores and applies its event.
  void accept(CandidateId id, const Command& command, const Actor& actor, bg::date date) {
    const Candidate& before = candidates[id];
    auto event = flow.decide(before, command, actor, date);
    if (!event) {
      ++failures;
      fmt::print("UNEXPECTED refusal: {}\n", lang == Lang::vi ? fmt::format("{:vi}", event.error()) : fmt::format("{}", event.error()));
      return;
    }
    candidates[id] = flow.evolve(before, *event);
    journal.push_back(*event);
    fmt::print("{}\n", lang == Lang::vi ? fmt::format("{:vi}", *event) : fmt::format("{}", *event));
  }

  // Gives a command that should be refused, and shows why.
  void expect_refusal(CandidateId id, const Command& command, const Actor& actor, bg::date date) {
    auto event = flow.decide(candidates[id], command, actor, date);
    if (event) {
      ++failures;
      fmt::print("UNEXPECTED acceptance: {}\n", *event);
      return;
    }
    fmt::print("  {} {}\n", lang == Lang::vi ? "bị từ chối:" : "refused:",
               lang == Lang::vi ? fmt::format("{:vi}", event.error()) : fmt::format("{}", event.error()));
  }
};

}  // namespace

int main(int argc, char** argv) {
  Lang lang = Lang::en;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--lang") == 0 && i + 1 < argc) {
      const auto parsed = from_identifier<Lang>(argv[++i]);
      if (!parsed) {
        std::fprintf(stderr, "lifecycle_walk: --lang takes en or vi\n");
        return 2;
      }
      lang = *parsed;
    } else {
      std::fprintf(stderr, "usage: lifecycle_walk [--lang en|vi]\n");
      return 2;
    }
  }

  const Workflow flow;
  Walk walk{flow, lang, {}, {}, 0};
  const UnitId division{7};
  const Actor unit_head{ActorId{3}, Role::unit_head, division};
  const Actor other_head{ActorId{4}, Role::unit_head, UnitId{8}};
  const Actor council{ActorId{20}, Role::council, UnitId{1}};
  const Actor chief{ActorId{1}, Role::agency_head, UnitId{1}};
  const Actor office{ActorId{30}, Role::secretariat, UnitId{1}};
  const Actor board{ActorId{90}, Role::provincial_board, UnitId{100}};

  const CandidateId nguyen{1};
  const CandidateId team{2};
  const CandidateId tran{3};

  // An inspector found in 2022 walks all the way and is sent up to the province.
  walk.accept(nguyen, commands::Discover{nguyen, {Subject::individual, division, Position::staff, Field::inspection,
                                                  Level::agency, "Thanh tra viên có 3 sáng kiến được áp dụng"}},
              unit_head, bg::date{2022, 2, 10});
  walk.expect_refusal(nguyen, commands::Foster{ActorId{9}}, other_head, bg::date{2022, 2, 11});
  walk.accept(nguyen, commands::Foster{ActorId{9}}, unit_head, bg::date{2022, 2, 11});
  walk.accept(nguyen, commands::Register{"Mô hình thanh tra chuyên đề"}, unit_head, bg::date{2022, 3, 20});
  walk.expect_refusal(nguyen, commands::Review{9, 8, 7, 1}, council, bg::date{2022, 3, 1});
  walk.accept(nguyen, commands::Review{9, 8, 7, 1}, council, bg::date{2022, 4, 5});
  walk.expect_refusal(nguyen, commands::Recognize{"45/QĐ-TTr", bg::date{2022, 4, 10}}, unit_head, bg::date{2022, 4, 10});
  walk.accept(nguyen, commands::Recognize{"45/QĐ-TTr", bg::date{2022, 4, 10}}, chief, bg::date{2022, 4, 10});
  walk.accept(nguyen, commands::Commend{Award::agency_certificate}, chief, bg::date{2022, 12, 20});
  walk.accept(nguyen, commands::Replicate{Replication::web_publication, "Cổng thông tin điện tử"}, office, bg::date{2023, 1, 5});
  walk.accept(nguyen, commands::Nominate{}, chief, bg::date{2023, 3, 1});
  walk.accept(nguyen, commands::Review{15, 12, 10, 2}, board, bg::date{2023, 5, 1});

  // A division the council does not propose is rejected by the vote itself.
  walk.accept(team, commands::Discover{team, {Subject::collective, division, Position::none, Field::administrative_reform,
                                              Level::agency, "Phòng cải cách hành chính"}},
              unit_head, bg::date{2022, 1, 15});
  walk.accept(team, commands::Foster{ActorId{5}}, unit_head, bg::date{2022, 1, 20});
  walk.accept(team, commands::Register{"Một cửa liên thông"}, unit_head, bg::date{2022, 3, 10});
  walk.expect_refusal(team, commands::Review{9, 8, 7, 3}, council, bg::date{2022, 4, 5});
  walk.accept(team, commands::Review{9, 8, 4, 4}, council, bg::date{2022, 4, 5});

  // A candidate disqualified by a disciplinary sanction accepts nothing more.
  walk.accept(tran, commands::Discover{tran, {Subject::individual, division, Position::unit_leader, Field::anti_corruption,
                                              Level::agency, "Trưởng phòng phòng, chống tham nhũng"}},
              unit_head, bg::date{2022, 2, 1});
  walk.accept(tran, commands::Disqualify{"Bị kỷ luật khiển trách năm 2022"}, chief, bg::date{2022, 6, 1});
  walk.expect_refusal(tran, commands::Foster{ActorId{9}}, unit_head, bg::date{2022, 6, 2});

  // Replaying the journal from nothing gives back the same candidates.
  std::map<CandidateId, Candidate> replayed;
  for (const Event& event : walk.journal) replayed[event.candidate] = flow.evolve(replayed[event.candidate], event);
  for (const auto& [id, candidate] : walk.candidates) {
    if (replayed[id] != candidate) {
      ++walk.failures;
      fmt::print("UNEXPECTED: replay of candidate {} differs\n", id);
    }
  }
  for (const auto& [id, candidate] : walk.candidates) {
    fmt::print("{}\n", lang == Lang::vi ? fmt::format("{:vi}", candidate) : fmt::format("{}", candidate));
  }
  if (walk.candidates[nguyen].stage != Stage::reviewed || walk.candidates[nguyen].level != Level::province ||
      walk.candidates[team].stage != Stage::rejected || walk.candidates[tran].stage != Stage::disqualified) {
    ++walk.failures;
    fmt::print("UNEXPECTED: final stages differ from what the walk shows\n");
  }
  return walk.failures == 0 ? 0 : 1;
}
