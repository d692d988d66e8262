// postgres_host: the HR command-line tool of sqlite_host, over a PostgreSQL server that many
// officers use at once. Each agency keeps its own hash-chained journal in its own partition of one
// journal table; see store.hpp for the schema and the transaction of one command.
//
//   postgres_host --url URL [--plan ID | --plan-file F] init             set up an empty database for the plan
//   postgres_host --url URL create-agency --agency NAME                  add an agency's partition and head row
//   postgres_host --url URL --agency NAME [--key K] <step> ...           one lifecycle step (as sqlite_host's)
//   postgres_host --url URL --agency NAME show [--id N] | options ...    the screens
//   postgres_host --url URL verify [--agency NAME] [--acked FILE]        replay every chain, compare the projection
//   postgres_host --url URL serve-load --clients 16 --commands N         many officers at once (load.hpp)
//
// --url is a libpq connection URL (postgresql://user@host:port/database) or key=value string; the
// environment variable EXEMPLAR_PG_URL gives it when the option is absent. --plan names a built-in
// plan (default: seed 000, hatinh-inspectorate-2021-2025); a database serves the one plan it was set
// up with and refuses any other. --key is the form's idempotency key: without it, the SHA-256 of the
// agency and the form's fields as typed, so the same form sent twice is stored once.
//
// Exit codes: 0 done; 1 the program's own check failed; 2 bad command line; 3 refused (by the
// library, an agency without a partition, a form already stored; nothing changed); 4 the database
// cannot be trusted (nothing changed); 5 the server cannot be reached, a storage error, a schema
// missing or newer than this program, or a plan other than the database's; 99 stopped on purpose by
// --crash-after (1 after deciding, before the transaction; 2 after writing the rows; 3 after
// sending COMMIT; 4 after COMMIT is acknowledged).
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exemplar/exemplar.hpp>
#include <exemplar/json/plan.hpp>

#include "host/command_line.hpp"
#include "load.hpp"
#include "store.hpp"

using namespace exemplar;
using namespace host;
using pg_host::Store;

namespace {

int setup_failed(const pg_host::SetupProblem& problem, Lang lang) {
  std::fprintf(stderr, "postgres_host: %s\n", say(problem.text, lang).c_str());
  return exit_storage;
}

int untrusted(std::vector<Problem> problems, Lang lang) { return report_untrusted(std::move(problems), lang); }

// Loads one agency, refusing an agency without a head row; nullopt with `code` set when it cannot go on.
std::optional<pg_host::Loaded> load_agency(Store& store, const Workflow& flow, const std::string& agency, Lang lang, int& code) {
  const auto known = store.agencies();
  if (std::find(known.begin(), known.end(), agency) == known.end()) {
    std::fprintf(stderr, "%s: %s\n", lang == Lang::vi ? "bị từ chối" : "refused", say(pg_host::no_partition(agency), lang).c_str());
    code = exit_refused;
    return std::nullopt;
  }
  pg_host::Loaded loaded = store.load(flow, agency);
  if (!loaded.problems.empty()) {
    code = untrusted(loaded.problems, lang);
    return std::nullopt;
  }
  return loaded;
}

// One line of a serve-load acknowledgement log: "agency sequence hash key".
struct Acknowledged {
  std::string agency;
  std::uint64_t sequence = 0;
  std::string key;
};

std::vector<Acknowledged> read_acknowledged(const std::string& path) {
  std::vector<Acknowledged> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Acknowledged ack;
    std::string hash;
    // A line cut short by a kill was never complete, so its command was never acknowledged.
    if (fields >> ack.agency >> ack.sequence >> hash >> ack.key) lines.push_back(std::move(ack));
  }
  return lines;
}

// Every acknowledged command must be in the database as it was acknowledged.
std::vector<Problem> check_acknowledged(const std::vector<Acknowledged>& acks, const std::map<std::string, pg_host::Loaded>& chains) {
  std::vector<Problem> problems;
  for (const Acknowledged& ack : acks) {
    const auto chain = chains.find(ack.agency);
    bool found = false;
    if (chain != chains.end()) {
      const auto stored = chain->second.keys.find(ack.sequence);
      found = stored != chain->second.keys.end() && stored->second == ack.key;
    }
    if (!found) {
      problems.push_back(at_record(ack.sequence, fmt::format("the acknowledged command {} of agency {} is lost", ack.key, ack.agency),
                                   fmt::format("lệnh {} của cơ quan {} đã được xác nhận nhưng bị mất", ack.key, ack.agency)));
    }
  }
  return problems;
}

int verify(Store& store, const Workflow& flow, const std::string& only, const std::string& acked, Lang lang) {
  // The log is read before the database's snapshot is taken, so every line in it was acknowledged
  // before the snapshot.
  const std::vector<Acknowledged> acks = acked.empty() ? std::vector<Acknowledged>{} : read_acknowledged(acked);
  // One snapshot of the whole database: the writers may go on meanwhile.
  store.connection().exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  std::vector<std::string> agencies = store.agencies();
  if (!only.empty()) {
    if (std::find(agencies.begin(), agencies.end(), only) == agencies.end()) {
      std::fprintf(stderr, "%s: %s\n", lang == Lang::vi ? "bị từ chối" : "refused", say(pg_host::no_partition(only), lang).c_str());
      return exit_refused;
    }
    agencies = {only};
  }
  std::vector<Problem> problems = only.empty() ? store.strays() : std::vector<Problem>{};
  std::map<std::string, pg_host::Loaded> chains;
  std::size_t records = 0, candidates = 0;
  for (const std::string& agency : agencies) {
    pg_host::Loaded loaded = store.load(flow, agency);
    problems.insert(problems.end(), loaded.problems.begin(), loaded.problems.end());
    records += loaded.records;
    candidates += loaded.snapshot.candidates.size();
    chains.emplace(agency, std::move(loaded));
  }
  const std::size_t acknowledged = acks.size();
  auto lost = check_acknowledged(acks, chains);
  problems.insert(problems.end(), lost.begin(), lost.end());
  store.connection().exec("COMMIT");
  if (!problems.empty()) return untrusted(std::move(problems), lang);
  for (const auto& [agency, loaded] : chains) {
    const std::string head = to_hex(loaded.snapshot.hash).substr(0, 12);
    std::printf("%s\n", say(Text{fmt::format("agency {}: {} records, {} candidates, head #{} {}", agency, loaded.records,
                                             loaded.snapshot.candidates.size(), loaded.snapshot.sequence, head),
                                 fmt::format("cơ quan {}: {} bản ghi, {} ứng viên, bản ghi cuối #{} {}", agency, loaded.records,
                                             loaded.snapshot.candidates.size(), loaded.snapshot.sequence, head)},
                            lang)
                            .c_str());
  }
  std::printf("%s\n", say(Text{fmt::format("journal: {} records in {} agencies, {} candidates; every chain verifies and the "
                                           "head rows and the candidates table agree with it{}",
                                           records, chains.size(), candidates,
                                           acked.empty() ? "" : fmt::format("; all {} acknowledged commands are there", acknowledged)),
                               fmt::format("nhật ký: {} bản ghi của {} cơ quan, {} ứng viên; mọi chuỗi đều đúng, dòng đầu chuỗi "
                                           "và bảng candidates khớp với nhật ký{}",
                                           records, chains.size(), candidates,
                                           acked.empty() ? "" : fmt::format("; đủ cả {} lệnh đã xác nhận", acknowledged))},
                          lang)
                          .c_str());
  return exit_done;
}

int show(Store& store, const Workflow& flow, const std::string& agency, std::optional<CandidateId> id, Lang lang) {
  int code = exit_done;
  const auto loaded = load_agency(store, flow, agency, lang, code);
  if (!loaded) return code;
  if (!id) {
    for (const auto& [candidate_id, entry] : loaded->snapshot.candidates) std::printf("%s\n", say(entry.candidate, lang).c_str());
    return exit_done;
  }
  const Candidate* candidate = loaded->snapshot.find(*id);
  if (!candidate) return report_refusal(unknown_candidate(*id), lang);
  std::printf("%s\n", say(*candidate, lang).c_str());
  const pg::Result rows = store.connection().exec(
      "SELECT record FROM journal WHERE agency = $1 AND candidate = $2 ORDER BY sequence",
      {pg::Param::text(agency), pg::Param::integer(id->value())});
  for (int i = 0; i < rows.rows(); ++i) {
    const auto record = record_from_binary(rows.bytes(i, 0));
    if (!record) return untrusted({Problem{0, Text{record.error().message(Lang::en), record.error().message(Lang::vi)}}}, lang);
    std::printf("  #%llu %s  %s\n", static_cast<unsigned long long>(record->sequence), say(record->event, lang).c_str(),
                to_hex(record->hash).substr(0, 12).c_str());
  }
  return exit_done;
}

int apply(const std::string& url, const Workflow& flow, const std::string& agency, CandidateId id, const Command& command,
          const Actor& actor, bg::date date, const std::string& key, int crash_after, Lang lang) {
  pg_host::Writer writer(url);
  const pg_host::Outcome outcome = writer.apply(flow, agency, id, command, actor, date, key, pg_host::CrashPoint(crash_after));
  switch (outcome.kind) {
    case pg_host::Outcome::Kind::stored:
      std::printf("#%llu %s\n   %s\n", static_cast<unsigned long long>(outcome.record.sequence), say(outcome.record.event, lang).c_str(),
                  say(outcome.after, lang).c_str());
      return exit_done;
    case pg_host::Outcome::Kind::refused: return report_refusal(outcome.refusal, lang);
    case pg_host::Outcome::Kind::duplicate:
      std::fprintf(stderr, "%s\n",
                   say(Text{fmt::format("refused (duplicate_form): this form (key {}) was already stored as record #{} of "
                                        "agency {}; nothing was stored again",
                                        key.substr(0, 12), outcome.record.sequence, agency),
                            fmt::format("bị từ chối (duplicate_form): biểu mẫu này (khóa {}) đã được lưu thành bản ghi số {} "
                                        "của cơ quan {}; không lưu lại lần nữa",
                                        key.substr(0, 12), outcome.record.sequence, agency)},
                       lang)
                       .c_str());
      return exit_refused;
    case pg_host::Outcome::Kind::no_agency:
      std::fprintf(stderr, "%s: %s\n", lang == Lang::vi ? "bị từ chối" : "refused", say(pg_host::no_partition(agency), lang).c_str());
      return exit_refused;
    case pg_host::Outcome::Kind::untrusted: return untrusted(outcome.problems, lang);
  }
  return exit_self_check;
}

// serve-load: the load, the replay of every chain, why each collision was refused, and the figures last.
int run_load(Store& store, const std::string& url, const Workflow& flow, const pg_host::LoadSettings& settings, Lang lang) {
  const pg_host::LoadReport report = pg_host::serve_load(store, url, flow, settings, lang);
  if (!report.failure.empty()) {
    std::fprintf(stderr, "postgres_host: serve-load stopped: %s\n", report.failure.c_str());
    return exit_storage;
  }
  const int verified = verify(store, flow, "", settings.ack_log, lang);
  if (verified != exit_done) return verified;
  for (const std::string& line : report.unexpected_lines) std::fprintf(stderr, "postgres_host: UNEXPECTED: %s\n", line.c_str());
  std::printf("%llu commands in %.1f s by %u clients: %llu stored, %llu refused%s\n",
              static_cast<unsigned long long>(report.commands), report.seconds, settings.clients,
              static_cast<unsigned long long>(report.stored), static_cast<unsigned long long>(report.commands - report.stored),
              report.resent == 0 ? "" : fmt::format(", {} sent again after the server went away", report.resent).c_str());
  for (const std::string& line : report.why) std::printf("%s\n", line.c_str());
  std::printf("%.0f commands/s, p50 %.1f ms, p99 %.1f ms, %llu collisions refused\n",
              static_cast<double>(report.commands) / report.seconds, report.p50_ms, report.p99_ms,
              static_cast<unsigned long long>(report.collisions_refused));
  return report.unexpected == 0 ? exit_done : exit_self_check;
}

}  // namespace

int main(int argc, char** argv) {
  Inputs in;
  std::string url;
  std::string plan_id = "hatinh-inspectorate-2021-2025";
  std::string plan_file;
  std::string agency;
  std::string key;
  std::string acked;
  int crash_after = 0;
  pg_host::LoadSettings load;
  CLI::App app{"A small HR tool over PostgreSQL: candidates for advanced exemplars, one journal chain per agency.",
               "postgres_host"};
  app.fallthrough();
  app.require_subcommand(1);
  app.add_option("--url", url, "the server: a libpq URL such as postgresql://user@127.0.0.1:5432/hr")
      ->envname("EXEMPLAR_PG_URL")
      ->required();
  auto* plan_option = app.add_option("--plan", plan_id, "a built-in plan's id")->capture_default_str();
  app.add_option("--plan-file", plan_file, "a plan in JSON (see docs/plan-schema.md)")->excludes(plan_option);
  app.add_option("--agency", agency, "the agency whose journal the command goes to (its partition)");
  app.add_option("--key", key, "the form's idempotency key (default: the SHA-256 of the agency and the form)");
  app.add_option("--crash-after", crash_after, "stop abruptly at a point of the command's transaction (for the fault test)")
      ->check(CLI::Range(1, 4));
  const CommandLine line = add_commands(app, in);
  line.verify->add_option("--acked", acked, "a serve-load acknowledgement log: every command in it must be stored");
  CLI::App* init_command = app.add_subcommand("init", "set up an empty database for the plan");
  CLI::App* agency_command = app.add_subcommand("create-agency", "add an agency: its journal partition and head row");
  CLI::App* load_command = app.add_subcommand("serve-load", "many officers at once, with deliberate collisions");
  load_command->add_option("--clients", load.clients, "concurrent connections, one officer each")->check(CLI::Range(2, 64));
  load_command->add_option("--commands", load.commands, "commands in all")->check(CLI::Range(16, 10'000'000));
  load_command->add_option("--agencies", load.agencies, "agencies the officers work in")->check(CLI::Range(1, 64));
  load_command->add_option("--ack-log", load.ack_log, "append a line per acknowledged command to this file");
  load_command->add_flag("--keep-going", load.keep_going,
                         "when the server goes away, reconnect and send the same form again (for the fault test)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? exit_done : exit_usage;
  }
  const Lang lang = from_identifier<Lang>(in.lang).value_or(Lang::en);
  CLI::App* chosen = app.get_subcommands().front();

  Plan plan;
  if (!plan_file.empty()) {
    std::ifstream file(plan_file, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    auto loaded = file ? json::plan_from_text(text.str()) : tl::make_unexpected(refuse(RefusalCode::invalid_argument));
    if (!file) {
      std::fprintf(stderr, "postgres_host: cannot read the plan file '%s'\n", plan_file.c_str());
      return exit_usage;
    }
    if (!loaded) {
      std::fprintf(stderr, "postgres_host: %s: %s\n", plan_file.c_str(), loaded.error().message(lang).c_str());
      return exit_usage;
    }
    plan = std::move(*loaded);
  } else {
    auto found = plans::find(plan_id);
    if (!found) {
      std::fprintf(stderr, "postgres_host: --plan: %s\n", found.error().message(lang).c_str());
      return exit_usage;
    }
    plan = std::move(*found);
  }
  auto made = Workflow::make(plan.procedure);
  if (!made) {
    std::fprintf(stderr, "postgres_host: %s\n", made.error().message(lang).c_str());
    return exit_usage;
  }
  const Workflow& flow = *made;
  const pg_host::PlanSeal seal = pg_host::seal_of(plan);
  const bool needs_agency = chosen != init_command && chosen != line.verify && chosen != load_command;
  if (needs_agency && agency.empty()) {
    std::fprintf(stderr, "postgres_host: %s needs --agency\n", chosen->get_name().c_str());
    return exit_usage;
  }
  if (!agency.empty() && !pg_host::valid_agency(agency)) {
    std::fprintf(stderr, "postgres_host: --agency: %s\n", say(pg_host::agency_name_problem(agency), lang).c_str());
    return exit_usage;
  }

  try {
    Store store(url);
    if (chosen == init_command) {
      if (auto problem = store.init(seal)) return setup_failed(*problem, lang);
      std::printf("%s\n", say(Text{fmt::format("the database serves the plan {} (schema version {})", seal.id, pg_host::schema_version),
                                   fmt::format("cơ sở dữ liệu phục vụ kế hoạch {} (phiên bản lược đồ {})", seal.id,
                                               pg_host::schema_version)},
                              lang)
                              .c_str());
      return exit_done;
    }
    if (auto problem = store.check(seal)) return setup_failed(*problem, lang);
    if (chosen == agency_command) {
      bool existed = false;
      if (auto problem = store.create_agency(agency, existed)) return setup_failed(*problem, lang);
      std::printf("%s\n", say(Text{fmt::format("agency {}: {}", agency, existed ? "already there" : "partition and head row created"),
                                   fmt::format("cơ quan {}: {}", agency, existed ? "đã có" : "đã tạo phân vùng và dòng đầu chuỗi")},
                              lang)
                              .c_str());
      return exit_done;
    }
    if (chosen == line.verify) return verify(store, flow, agency, acked, lang);
    if (chosen == load_command) return run_load(store, url, flow, load, lang);
    if (chosen == line.show) return show(store, flow, agency, in.id ? std::optional<CandidateId>(CandidateId{in.id}) : std::nullopt, lang);
    const Actor actor = *parse_actor(in.actor);
    const bg::date date = *parse_date(in.date);
    if (chosen == line.options) {
      int code = exit_done;
      const auto loaded = load_agency(store, flow, agency, lang, code);
      if (!loaded) return code;
      print_options(flow, loaded->snapshot.find(CandidateId{in.id}), CandidateId{in.id}, actor, date, lang);
      return exit_done;
    }
    // The form as typed, from the step's name on: the same form gives the same key.
    if (key.empty()) {
      std::string form;
      bool started = false;
      for (int i = 1; i < argc; ++i) {
        started = started || chosen->get_name() == argv[i];
        if (started) form += std::string(argv[i]) + '\n';
      }
      key = pg_host::form_key(agency, form);
    }
    return apply(url, flow, agency, CandidateId{in.id}, make_command(line.command_of.at(chosen), in), actor, date, key, crash_after,
                 lang);
  } catch (const pg::Error& error) {
    std::fprintf(stderr, "postgres_host: %s: %s\n", lang == Lang::vi ? "lỗi lưu trữ" : "storage error", error.what());
    return exit_storage;
  }
}
