// load.cpp: serve-load (load.hpp).
#include "load.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace pg_host {

namespace {

namespace bg = boost::gregorian;
using Clock = std::chrono::steady_clock;

// Two officers of a pair meet here before colliding; a failed run releases everyone.
class Barrier {
 public:
  void arrive_and_wait(const std::atomic<bool>& failed) {
    std::unique_lock<std::mutex> lock(mutex_);
    const std::uint64_t generation = generation_;
    if (++arrived_ == 2) {
      arrived_ = 0;
      ++generation_;
      wake_.notify_all();
      return;
    }
    while (generation == generation_ && !failed.load()) wake_.wait_for(lock, std::chrono::milliseconds(50));
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  int arrived_ = 0;
  std::uint64_t generation_ = 0;
};

// One step of a walk: who does what on which day.
struct Step {
  Command command;
  Actor actor;
  bg::date date;
};

Actor as(Role role, std::uint32_t person, std::uint32_t unit) { return Actor{ActorId{person}, role, UnitId{unit}}; }

// The walk of one individual of unit 7 through seed 000's lifecycle, up to being sent to the
// province (Kế hoạch 10/KH-TT ngày 28/5/2021 của Thanh tra tỉnh Hà Tĩnh: discovery in the divisions,
// the council's review, the Chief Inspector's recognition and commendation, replication, send-up).
std::vector<Step> walk(CandidateId id, std::uint32_t officer) {
  const Actor unit_head = as(Role::unit_head, officer, 7);
  return {
      {commands::Discover{id, {Subject::individual, UnitId{7}, Position::staff, Field::inspection, Level::agency,
                                "Thanh tra viên có sáng kiến được áp dụng"}},
       unit_head, bg::date(2022, 2, 10)},
      {commands::Foster{ActorId{9}}, unit_head, bg::date(2022, 2, 11)},
      {commands::Register{"Mô hình thanh tra chuyên đề"}, unit_head, bg::date(2022, 3, 20)},
      {commands::Review{9, 8, 7, 1}, as(Role::council, 20, 1), bg::date(2022, 4, 5)},
      {commands::Recognize{"45/QĐ-TTr", bg::date(2022, 4, 10)}, as(Role::agency_head, 1, 1), bg::date(2022, 4, 10)},
      {commands::Commend{Award::agency_certificate}, as(Role::agency_head, 1, 1), bg::date(2022, 12, 20)},
      {commands::Replicate{Replication::web_publication, "Cổng thông tin điện tử"}, as(Role::secretariat, 30, 1),
       bg::date(2023, 1, 5)},
      {commands::Nominate{}, as(Role::agency_head, 1, 1), bg::date(2023, 3, 1)},
  };
}

// What the clients share: the settings, the counts and the lines of the report.
struct Shared {
  Shared(const std::string& url_, const Workflow& flow_, const LoadSettings& settings_, Lang lang_)
      : url(url_), flow(flow_), settings(settings_), lang(lang_) {}
  const std::string& url;
  const Workflow& flow;
  const LoadSettings& settings;
  Lang lang;
  std::uint32_t base = 0;  // the first candidate number of this run
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards everything below
  std::FILE* acks = nullptr;
  std::vector<double> latencies_ms;
  std::uint64_t commands = 0, stored = 0, refused_collisions = 0, unexpected = 0, resent = 0, collisions = 0;
  std::map<std::string, std::pair<std::uint64_t, std::string>> why;  // reason -> (count, an example)
  std::vector<std::string> unexpected_lines;
  std::string failure;
};

class Client {
 public:
  Client(Shared& shared, unsigned index, std::vector<std::unique_ptr<Barrier>>& barriers)
      : shared_(shared), index_(index), pair_(index / 2), barrier_(*barriers[pair_]),
        agency_(agency_name(index % shared.settings.agencies)),
        pair_agency_(agency_name(pair_ * 2 % shared.settings.agencies)) {}

  static std::string agency_name(unsigned index) { return fmt::format("load_{:02}", index + 1); }

  void run(unsigned walks) {
    try {
      connect();
      for (unsigned w = 0; w < walks && !shared_.failed.load(); ++w) {
        if (w % 5 == 4) {
          collide(w / 5);
        } else {
          const CandidateId id{shared_.base + (pair_ << 20U) + (index_ % 2U << 19U) + w};
          for (const Step& step : walk(id, 100 + index_)) send(agency_, step, id, next_key(), Expect::stored);
        }
      }
    } catch (const std::exception& error) {
      std::lock_guard<std::mutex> lock(shared_.mutex);
      if (shared_.failure.empty()) shared_.failure = fmt::format("client {}: {}", index_, error.what());
      shared_.failed.store(true);
    }
  }

 private:
  enum class Expect { stored, collision };

  std::string next_key() { return fmt::format("load-{}-{}-{}", shared_.base, index_, ++sent_); }

  void connect() {
    const auto give_up = Clock::now() + std::chrono::seconds(120);
    for (;;) {
      try {
        writer_ = std::make_unique<Writer>(shared_.url);
        return;
      } catch (const pg::Error&) {
        if (!shared_.settings.keep_going || Clock::now() > give_up || shared_.failed.load()) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }

  // Two collisions a block, alternately: two officers on one candidate, and one form twice.
  void collide(unsigned block) {
    const bool same_candidate = block % 2 == 0;
    const CandidateId id{shared_.base + (pair_ << 20U) + (1U << 18U) + block};
    const std::string shared_key = fmt::format("load-{}-pair{}-form{}", shared_.base, pair_, block);
    if (same_candidate && index_ % 2 == 0) {
      const std::vector<Step> steps = walk(id, 100 + index_);
      send(pair_agency_, steps[0], id, next_key(), Expect::stored);
      send(pair_agency_, steps[1], id, next_key(), Expect::stored);
    }
    barrier_.arrive_and_wait(shared_.failed);
    if (same_candidate) {
      // Both officers withdraw the candidate the same morning.
      const Step withdraw{commands::Withdraw{"Chuyển công tác"}, as(Role::unit_head, 100 + index_, 7), bg::date(2022, 3, 1)};
      send(pair_agency_, withdraw, id, next_key(), Expect::collision);
    } else {
      // The same discovery form sent twice at once, as a double click or a retry would.
      send(pair_agency_, walk(id, 100 + pair_ * 2)[0], id, shared_key, Expect::collision);
    }
    std::lock_guard<std::mutex> lock(shared_.mutex);
    if (index_ % 2 == 0) ++shared_.collisions;
  }

  void send(const std::string& agency, const Step& step, CandidateId id, const std::string& key, Expect expect) {
    const auto start = Clock::now();
    Outcome outcome;
    bool resent = false;
    for (;;) {
      try {
        outcome = writer_->apply(shared_.flow, agency, id, step.command, step.actor, step.date, key);
        break;
      } catch (const pg::Error& error) {
        if (!shared_.settings.keep_going || !(error.connection_lost() || writer_lost())) throw;
        resent = true;
        connect();
      }
    }
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::lock_guard<std::mutex> lock(shared_.mutex);
    ++shared_.commands;
    shared_.latencies_ms.push_back(ms);
    if (resent) ++shared_.resent;
    // A resent form found stored was stored by its first attempt: acknowledged now.
    const bool acknowledged = outcome.kind == Outcome::Kind::stored || (resent && outcome.kind == Outcome::Kind::duplicate);
    if (acknowledged) {
      ++shared_.stored;
      if (shared_.acks) {
        std::fprintf(shared_.acks, "%s %llu %s %s\n", agency.c_str(), static_cast<unsigned long long>(outcome.record.sequence),
                     outcome.kind == Outcome::Kind::stored ? to_hex(outcome.record.hash).c_str() : "-", key.c_str());
        std::fflush(shared_.acks);
      }
      return;
    }
    std::string reason, example;
    if (outcome.kind == Outcome::Kind::refused) {
      reason = fmt::format("{} ({})", expect == Expect::collision ? "two officers acted on the same candidate at once; the second "
                                                                    "found it already changed and the library refused"
                                                                  : "a walk step was refused",
                           identifier(outcome.refusal.code));
      example = outcome.refusal.message(shared_.lang);
    } else if (outcome.kind == Outcome::Kind::duplicate) {
      reason = "the same form was submitted twice at once; it was stored once and the second was refused as a duplicate "
               "(duplicate_form)";
      example = fmt::format("form {} of agency {} is record #{} already", key, agency, outcome.record.sequence);
    } else {
      reason = outcome.kind == Outcome::Kind::no_agency ? "the agency has no partition" : "the database cannot be trusted";
      example = outcome.problems.empty() ? agency : outcome.problems.front().text.in(shared_.lang);
    }
    if (expect == Expect::collision) {
      ++shared_.refused_collisions;
      auto& entry = shared_.why[reason];
      if (entry.first++ == 0) entry.second = example;
    } else {
      ++shared_.unexpected;
      if (shared_.unexpected_lines.size() < 10) shared_.unexpected_lines.push_back(fmt::format("candidate {}: {}: {}", id, reason, example));
    }
  }

  bool writer_lost() const { return !writer_ || writer_->lost(); }

  Shared& shared_;
  unsigned index_;
  unsigned pair_;
  Barrier& barrier_;
  std::string agency_;       // where this officer's own walks go
  std::string pair_agency_;  // where the pair's collisions go: both officers work there
  std::unique_ptr<Writer> writer_;
  std::uint64_t sent_ = 0;
};

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0.0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1) + 0.5);
  return sorted[std::min(index, sorted.size() - 1)];
}

}  // namespace

LoadReport serve_load(Store& store, const std::string& url, const Workflow& flow, const LoadSettings& settings, Lang lang) {
  LoadReport report;
  if (settings.clients % 2 != 0) {
    report.failure = "--clients must be even: the officers work in pairs";
    return report;
  }
  for (unsigned a = 1; a <= settings.agencies; ++a) {
    bool existed = false;
    if (auto problem = store.create_agency(fmt::format("load_{:02}", a), existed)) {
      report.failure = problem->text.in(lang);
      return report;
    }
  }
  Shared shared(url, flow, settings, lang);
  // Candidates of this run start past every stored one, at a multiple of 2^24.
  const auto highest = static_cast<std::uint64_t>(store.connection().exec("SELECT coalesce(max(id), 0) FROM candidates").integer(0, 0));
  const std::uint64_t base = ((highest >> 24U) + 1U) << 24U;
  if (base + (std::uint64_t{settings.clients} << 20U) > std::numeric_limits<std::uint32_t>::max()) {
    report.failure = "no room left for this run's candidate numbers in this database";
    return report;
  }
  shared.base = static_cast<std::uint32_t>(base);
  if (!settings.ack_log.empty()) {
    shared.acks = std::fopen(settings.ack_log.c_str(), "a");
    if (!shared.acks) {
      report.failure = "cannot open " + settings.ack_log;
      return report;
    }
  }
  // Every five walks of a client: four walks of eight commands and a collision block of one or
  // three, 34 commands a pair on average, so the run sends about --commands in all.
  const unsigned walks = std::max(5U, static_cast<unsigned>(std::uint64_t{settings.commands} * 5U / (std::uint64_t{settings.clients} * 34U)));
  std::vector<std::unique_ptr<Barrier>> barriers;
  for (unsigned p = 0; p < settings.clients / 2; ++p) barriers.push_back(std::make_unique<Barrier>());
  std::vector<Client> clients;
  clients.reserve(settings.clients);
  for (unsigned c = 0; c < settings.clients; ++c) clients.emplace_back(shared, c, barriers);

  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (Client& client : clients) threads.emplace_back([&client, walks] { client.run(walks); });
  for (std::thread& thread : threads) thread.join();
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (shared.acks) std::fclose(shared.acks);

  std::sort(shared.latencies_ms.begin(), shared.latencies_ms.end());
  report.commands = shared.commands;
  report.stored = shared.stored;
  report.collisions = shared.collisions;
  report.collisions_refused = shared.refused_collisions;
  report.unexpected = shared.unexpected;
  report.resent = shared.resent;
  report.p50_ms = percentile(shared.latencies_ms, 0.50);
  report.p99_ms = percentile(shared.latencies_ms, 0.99);
  for (const auto& [reason, entry] : shared.why) {
    report.why.push_back(fmt::format("{} collisions refused: {}; for example: {}", entry.first, reason, entry.second));
  }
  // Each collision refuses exactly one of its two commands, unless a resend blurred which one.
  if (report.collisions_refused != report.collisions && report.resent == 0) {
    ++report.unexpected;
    report.unexpected_lines.push_back(fmt::format("{} collisions were arranged but {} commands refused", report.collisions,
                                                  report.collisions_refused));
  }
  report.unexpected_lines.insert(report.unexpected_lines.end(), shared.unexpected_lines.begin(), shared.unexpected_lines.end());
  report.failure = shared.failure;
  return report;
}

}  // namespace pg_host
