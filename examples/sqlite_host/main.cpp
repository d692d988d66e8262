// sqlite_host: a small command-line HR tool that keeps exemplar candidates in a SQLite file, next to
// the library's journal, the way a real host would.
//
//   command line ──CLI11──> Command ──Workflow::decide──> Event ──Journal::prepare──> Record
//                                                                                      │
//   BEGIN IMMEDIATE ── verify the journal (replay) ── INSERT journal row ── UPSERT candidate row
//                   ── UPDATE head in meta ── COMMIT ── Journal::commit(record) ── print
//
//   tables:  journal(sequence, candidate, candidate_sequence, kind, date, actor, role, record, hash)
//            candidates(id, stage, level, unit, snapshot, candidate_sequence, sequence)
//            meta(key, value): schema_version, head_sequence, head_hash
//
// Every run first replays the whole journal with its hash checks and compares the candidates table
// (the snapshots) and the head kept in meta with the replayed state; it refuses to act on a database
// it cannot trust, naming the record where trust ends.
//
// Prints, for example:
//   $ sqlite_host --db hr.db --create discover --id 42 --unit 7 --subject individual --position staff
//         --field inspection --description "Thanh tra viên có 3 sáng kiến" --as unit_head:3:7 --date 2022-02-10
//   #1 2022-02-10 candidate 42: discover by head of unit (subject individual, unit 7, position staff,
//      field inspection, level agency level, description Thanh tra viên có 3 sáng kiến)
//      candidate 42 (individual, unit 7, agency level): discovered, last step 2022-02-10
//   $ sqlite_host --db hr.db --lang vi foster --id 42 --mentor 9 --as unit_head:4:8 --date 2022-02-11
//   bị từ chối (outside_actor_unit): Trưởng phòng, đơn vị chỉ được bồi dưỡng ứng viên của đơn vị mình ...
//   $ sqlite_host --db hr.db options --id 42 --as agency_head:1:1 --date 2022-02-11
//   candidate 42 (individual, unit 7, agency level): discovered, last step 2022-02-10
//   what head of agency (actor 1, unit 1) may do on 2022-02-11:
//     foster: A head of agency may not foster a candidate that is discovered (agency level).
//     disqualify: allowed
//     ...
//   $ sqlite_host --db hr.db verify
//   journal: 1 records, 1 candidates, head #1 cb287b8efd1c; the candidates table and meta agree with it
//   $ sqlite_host --db hr.db verify        (after someone edited record 1 in the file)
//   The database cannot be trusted (1 problem(s)); nothing was changed:
//     Journal record 1: The record was edited: its hash does not match its content.
//
// --create makes the database file when it does not exist; without it a missing file is refused
// (exit 2), so a mistyped path never becomes a new, empty database. --plan FILE (a plan file,
// plans/*.json) makes every step go through that plan's procedure and its running plan's checks:
// the milestones' open periods and late policies, the quotas, the criteria (this host keeps no
// evidence, so registering under checked criteria is refused as missing its prerequisite).
//
// Exit codes: 0 done; 1 the program's own check failed; 2 bad command line, a missing database
// without --create, or a bad plan file; 3 refused (nothing changed); 4 the database cannot be trusted (nothing changed); 5 storage error or a schema newer
// than this program; 99 stopped on purpose by --crash-after.
//
// --crash-after N stops the process with std::_Exit(99) right after the N-th statement of the
// command's transaction (1 BEGIN IMMEDIATE, 2 journal row, 3 candidate row, 4 head in meta,
// 5 COMMIT), without rolling back or closing anything, as kill -9 would. (A power cut can also lose
// what the operating system had not yet written; PRAGMA synchronous = FULL is there for that, and no
// test in a running process can show it.)
// crash_test.cmake uses it to show that a command is stored whole or not at all.
//
// It checks itself: after each command it compares the journal's state with what it wrote, and
// exits 1 if they differ.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <iterator>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exemplar/binary.hpp>
#include <exemplar/exemplar.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/json/plan.hpp>

#include "host/command_line.hpp"
#include "sqlite.hpp"

namespace bg = boost::gregorian;
using namespace exemplar;
using namespace host;
using sqlite_host::Database;
using sqlite_host::SqlError;
using sqlite_host::Statement;

namespace {

/// This program's own database layout version, kept in meta; the records inside carry the
/// library's format version separately (journal_format_version).
constexpr int schema_version = 1;

// Stops the process right after the N-th statement of a command's transaction, when asked to.
class CrashPoint {
 public:
  explicit CrashPoint(int after) : after_(after) {}

  void passed(const char* statement) {
    if (++count_ != after_) return;
    std::fprintf(stderr, "sqlite_host: --crash-after %d: stopping right after %s\n", after_, statement);
    std::_Exit(exit_crashed);
  }

 private:
  int after_;
  int count_ = 0;
};

// Rolls back an open transaction unless it was committed: every early return leaves the file as it was.
class Transaction {
 public:
  Transaction(Database& db, const char* begin) : db_(db) { db_.exec(begin); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    db_.exec("COMMIT");
    open_ = false;
  }

 private:
  Database& db_;
  bool open_ = true;
};

std::optional<std::string> meta_value(Database& db, const char* key) {
  Statement select(db, "SELECT value FROM meta WHERE key = ?1");
  select.bind(1, std::string_view(key));
  if (!select.step()) return std::nullopt;
  return select.column_text(0);
}

// Migration k takes a database from schema version k to k + 1, inside one transaction.
void migrate_to_1(Database& db) {
  db.exec(R"sql(
    CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE journal(
      sequence INTEGER PRIMARY KEY CHECK (sequence > 0),
      candidate INTEGER NOT NULL,
      candidate_sequence INTEGER NOT NULL,
      kind TEXT NOT NULL,
      date TEXT NOT NULL,
      actor INTEGER NOT NULL,
      role TEXT NOT NULL,
      record BLOB NOT NULL,
      hash TEXT NOT NULL,
      UNIQUE (candidate, candidate_sequence));
    CREATE TABLE candidates(
      id INTEGER PRIMARY KEY,
      stage TEXT NOT NULL,
      level TEXT NOT NULL,
      unit INTEGER NOT NULL,
      snapshot BLOB NOT NULL,
      candidate_sequence INTEGER NOT NULL,
      sequence INTEGER NOT NULL REFERENCES journal(sequence));
    CREATE INDEX candidates_by_stage ON candidates(stage, unit);
    INSERT INTO meta(key, value) VALUES ('schema_version', '0'), ('head_sequence', '0'),
      ('head_hash', '0000000000000000000000000000000000000000000000000000000000000000');
  )sql");
}

using Migration = void (*)(Database&);
constexpr Migration migrations[] = {&migrate_to_1};
static_assert(std::size(migrations) == schema_version, "one migration per schema version");

// Creates the tables of a new file and upgrades an older layout; refuses a newer one.
std::optional<Text> prepare_schema(Database& db) {
  Transaction transaction(db, "BEGIN IMMEDIATE");
  int version = 0;
  {
    Statement has_meta(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'");
    if (has_meta.step()) {
      const auto stored = meta_value(db, "schema_version");
      const auto parsed = stored ? parse_id(*stored) : std::nullopt;
      if (!parsed) {
        return Text{"the database has no valid schema_version in its meta table; it was not made by this program",
                    "bảng meta của cơ sở dữ liệu không có schema_version hợp lệ; nó không do chương trình này tạo ra"};
      }
      version = static_cast<int>(*parsed);
    }
  }
  if (version > schema_version) {
    return Text{fmt::format("the database has schema version {}, newer than this program knows (up to {}); "
                            "upgrade the program, not the data",
                            version, schema_version),
                fmt::format("cơ sở dữ liệu có phiên bản lược đồ {}, mới hơn phiên bản chương trình này biết (tối đa {}); "
                            "hãy nâng cấp chương trình, không sửa dữ liệu",
                            version, schema_version)};
  }
  for (int step = version; step < schema_version; ++step) migrations[step](db);
  Statement set_version(db, "UPDATE meta SET value = ?1 WHERE key = 'schema_version'");
  set_version.bind(1, std::to_string(schema_version)).run();
  transaction.commit();
  return std::nullopt;
}

// The state rebuilt from the journal, and everything found wrong on the way.
struct Loaded {
  Snapshot snapshot;
  std::size_t records = 0;
  std::map<CandidateId, std::uint64_t> last_record;  // each candidate's latest record
  std::vector<Problem> problems;
  std::vector<std::vector<std::uint8_t>> blobs;  // the stored records, in order
};

// Replays the whole journal with its hash checks, then compares each row's columns, the head in
// meta and the candidates table (the snapshots) with what replay rebuilt.
Loaded load(Database& db, const Workflow& flow) {
  Loaded loaded;
  std::vector<StoredColumns> rows;
  std::vector<std::vector<std::uint8_t>> blobs;
  Statement select(db, "SELECT sequence, candidate, candidate_sequence, kind, date, actor, role, hash, record "
                       "FROM journal ORDER BY sequence");
  while (select.step()) {
    rows.push_back(StoredColumns{static_cast<std::uint64_t>(select.column_int(0)), select.column_int(1), select.column_int(2),
                       select.column_int(5), select.column_text(3), select.column_text(4), select.column_text(6),
                       select.column_text(7)});
    blobs.push_back(select.column_blob(8));
  }
  loaded.records = rows.size();

  auto replayed = replay_binary(blobs, flow);
  if (!replayed) {
    // A journal's refusal names the record where trust ends; its message begins with that record.
    const Refusal& error = replayed.error();
    loaded.problems.push_back(Problem{error.record.value_or(0), Text{error.message(Lang::en), error.message(Lang::vi)}});
  }

  // The columns are copies for SQL queries; a copy that disagrees with its record is an edit too.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto record = record_from_binary(blobs[i]);
    if (!record) continue;  // replay has reported it
    if (auto problem = column_problem(rows[i], *record)) {
      loaded.problems.push_back(std::move(*problem));
      break;
    }
    loaded.last_record[record->event.candidate] = record->sequence;
  }
  if (!loaded.problems.empty()) return loaded;
  loaded.snapshot = std::move(*replayed);
  loaded.blobs = std::move(blobs);

  // The head kept in meta shows records cut off the end, which the chain alone cannot show.
  const std::string head_sequence = meta_value(db, "head_sequence").value_or("?");
  const std::string head_hash = meta_value(db, "head_hash").value_or("?");
  if (head_sequence != std::to_string(loaded.snapshot.sequence) || head_hash != to_hex(loaded.snapshot.hash)) {
    const std::uint64_t where = std::max<std::uint64_t>(loaded.snapshot.sequence, parse_id(head_sequence).value_or(0));
    loaded.problems.push_back(at_record(
        where,
        fmt::format("the journal ends at record {} but meta says it ends at record {} (hash {}): records were "
                    "cut off the end or added behind the program's back",
                    loaded.snapshot.sequence, head_sequence, head_hash),
        fmt::format("nhật ký kết thúc ở bản ghi {} nhưng bảng meta ghi bản ghi cuối là {} (mã băm {}): có bản ghi bị "
                    "cắt khỏi cuối hoặc được thêm ngoài chương trình",
                    loaded.snapshot.sequence, head_sequence, head_hash)));
  }

  // Each candidate row is a snapshot of one candidate; it must be exactly the replayed state.
  std::map<CandidateId, bool> seen;
  Statement candidates(db, "SELECT id, stage, level, unit, snapshot, candidate_sequence, sequence FROM candidates ORDER BY id");
  while (candidates.step()) {
    const auto id_value = candidates.column_int(0);
    const CandidateId id{static_cast<std::uint32_t>(id_value)};
    const auto found = loaded.snapshot.candidates.find(id);
    if (id_value <= 0 || id_value > std::numeric_limits<std::uint32_t>::max() || found == loaded.snapshot.candidates.end()) {
      loaded.problems.push_back(orphan_row(id_value));
      continue;
    }
    seen[id] = true;
    const ProjectionRow row{id_value, candidates.column_text(1), candidates.column_text(2), candidates.column_int(3),
                            candidates.column_blob(4), candidates.column_int(5), candidates.column_int(6)};
    if (auto problem = projection_problem(row, found->second, loaded.last_record[id])) loaded.problems.push_back(std::move(*problem));
  }
  for (const auto& [id, entry] : loaded.snapshot.candidates) {
    if (seen.count(id) == 0) loaded.problems.push_back(missing_row(id, loaded.last_record[id]));
  }
  return loaded;
}

// Applies one command in one transaction: the journal row, the candidate's snapshot row and the
// head in meta are stored together, or not at all.
int apply_command(Database& db, const Workflow& flow, CandidateId id, const Command& command, const Actor& actor,
                  bg::date date, Lang lang, CrashPoint& crash, RunningPlan* plan) {
  Transaction transaction(db, "BEGIN IMMEDIATE");
  crash.passed("BEGIN IMMEDIATE");
  Loaded loaded = load(db, flow);
  if (!loaded.problems.empty()) return report_untrusted(loaded.problems, lang);
  if (plan != nullptr) {
    // The plan's quotas count the steps already taken: its tally hears the stored journal again.
    Journal counting(flow);
    if (!counting.subscribe(plan->tally())) return exit_self_check;
    for (const auto& blob : loaded.blobs) {
      if (!counting.replay_binary(blob)) return exit_self_check;
    }
  }
  Journal journal(flow, loaded.snapshot);

  const Candidate* known = journal.find(id);
  if (!known && kind_of(command) != CommandKind::discover) return report_refusal(unknown_candidate(id), lang);
  const Candidate before = known ? *known : Candidate{};
  auto event = flow.decide(before, command, actor, date);
  if (!event) return report_refusal(event.error(), lang);
  auto record = journal.prepare(*event);
  if (!record) return report_refusal(record.error(), lang);
  const Candidate after = flow.evolve(before, *event);

  Statement insert(db, "INSERT INTO journal(sequence, candidate, candidate_sequence, kind, date, actor, role, record, hash) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  insert.bind(1, static_cast<std::int64_t>(record->sequence))
      .bind(2, std::int64_t{event->candidate.value()})
      .bind(3, std::int64_t{record->candidate_sequence})
      .bind(4, identifier(event->kind()))
      .bind(5, iso(event->date))
      .bind(6, std::int64_t{event->actor.value()})
      .bind(7, identifier(event->role))
      .bind(8, to_binary(*record))
      .bind(9, to_hex(record->hash))
      .run();
  crash.passed("the journal row");

  Statement upsert(db, "INSERT INTO candidates(id, stage, level, unit, snapshot, candidate_sequence, sequence) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET stage = excluded.stage, "
                       "level = excluded.level, unit = excluded.unit, snapshot = excluded.snapshot, "
                       "candidate_sequence = excluded.candidate_sequence, sequence = excluded.sequence");
  upsert.bind(1, std::int64_t{after.id.value()})
      .bind(2, identifier(after.stage))
      .bind(3, identifier(after.level))
      .bind(4, std::int64_t{after.unit.value()})
      .bind(5, to_binary(after))
      .bind(6, std::int64_t{record->candidate_sequence})
      .bind(7, static_cast<std::int64_t>(record->sequence))
      .run();
  crash.passed("the candidate row");

  Statement head(db, "UPDATE meta SET value = CASE key WHEN 'head_sequence' THEN ?1 ELSE ?2 END "
                     "WHERE key IN ('head_sequence', 'head_hash')");
  head.bind(1, std::to_string(record->sequence)).bind(2, to_hex(record->hash)).run();
  crash.passed("the head in meta");

  transaction.commit();
  crash.passed("COMMIT");

  // Only now is the record the host's: the journal in memory follows the database, never leads it.
  if (!journal.commit(*record) || journal.find(id) == nullptr || *journal.find(id) != after) {
    std::fprintf(stderr, "sqlite_host: UNEXPECTED: the journal's state differs from what was stored for record %llu\n",
                 static_cast<unsigned long long>(record->sequence));
    return exit_self_check;
  }
  std::printf("#%llu %s\n   %s\n", static_cast<unsigned long long>(record->sequence), say(*event, lang).c_str(),
              say(after, lang).c_str());
  return exit_done;
}

int show(Database& db, const Workflow& flow, std::optional<CandidateId> id, Lang lang) {
  Transaction transaction(db, "BEGIN");
  Loaded loaded = load(db, flow);
  if (!loaded.problems.empty()) return report_untrusted(loaded.problems, lang);
  if (!id) {
    for (const auto& [candidate_id, entry] : loaded.snapshot.candidates) std::printf("%s\n", say(entry.candidate, lang).c_str());
    return exit_done;
  }
  const Candidate* candidate = loaded.snapshot.find(*id);
  if (!candidate) return report_refusal(unknown_candidate(*id), lang);
  std::printf("%s\n", say(*candidate, lang).c_str());
  Statement records(db, "SELECT record FROM journal WHERE candidate = ?1 ORDER BY sequence");
  records.bind(1, std::int64_t{id->value()});
  while (records.step()) {
    const auto record = record_from_binary(records.column_blob(0));
    if (!record) return report_untrusted({Problem{0, Text{record.error().message(Lang::en), record.error().message(Lang::vi)}}}, lang);
    std::printf("  #%llu %s  %s\n", static_cast<unsigned long long>(record->sequence), say(record->event, lang).c_str(),
                to_hex(record->hash).substr(0, 12).c_str());
  }
  return exit_done;
}

int options(Database& db, const Workflow& flow, CandidateId id, const Actor& actor, bg::date date, Lang lang) {
  Transaction transaction(db, "BEGIN");
  Loaded loaded = load(db, flow);
  if (!loaded.problems.empty()) return report_untrusted(loaded.problems, lang);
  print_options(flow, loaded.snapshot.find(id), id, actor, date, lang);
  return exit_done;
}

int verify(Database& db, const Workflow& flow, Lang lang) {
  Transaction transaction(db, "BEGIN");
  Loaded loaded = load(db, flow);
  if (!loaded.problems.empty()) return report_untrusted(loaded.problems, lang);
  const std::string head = to_hex(loaded.snapshot.hash).substr(0, 12);
  std::printf("%s\n", say(Text{fmt::format("journal: {} records, {} candidates, head #{} {}; the candidates table and "
                                           "meta agree with it",
                                           loaded.records, loaded.snapshot.candidates.size(), loaded.snapshot.sequence, head),
                               fmt::format("nhật ký: {} bản ghi, {} ứng viên, bản ghi cuối #{} {}; bảng candidates và "
                                           "meta khớp với nhật ký",
                                           loaded.records, loaded.snapshot.candidates.size(), loaded.snapshot.sequence, head)},
                          lang)
                          .c_str());
  return exit_done;
}

/// The evidence of a host that keeps none.
class NoEvidence final : public EvidenceSource {
 public:
  const Evidence* find(CandidateId) const override { return nullptr; }
};

/// The plan in a plan file, or why not.
tl::expected<Plan, std::string> read_plan(const std::string& path, Lang lang) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error) || std::filesystem::file_size(path, error) > json::max_plan_bytes) {
    return tl::make_unexpected(say(Text{fmt::format("'{}' is not a plan file of at most {} bytes", path, json::max_plan_bytes),
                                        fmt::format("'{}' không phải tệp kế hoạch tối đa {} byte", path, json::max_plan_bytes)},
                                   lang));
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  auto plan = json::plan_from_text(text.str());
  if (!plan) return tl::make_unexpected(path + ": " + plan.error().message(lang));
  return std::move(*plan);
}

}  // namespace

int main(int argc, char** argv) {
  Inputs in;
  std::string db_path;
  bool create = false;
  std::string plan_file;
  int crash_after = 0;
  CLI::App app{"A small HR tool over SQLite: candidates for advanced exemplars, their journal and snapshots.",
               "sqlite_host"};
  app.fallthrough();
  app.require_subcommand(1);
  app.add_option("--db", db_path, "the SQLite database file")->required();
  app.add_flag("--create", create, "make the database file when it does not exist (otherwise refused)");
  app.add_option("--plan", plan_file,
                 "a plan file (JSON, plans/*.json): steps go through its windows, quotas and criteria");
  app.add_option("--crash-after", crash_after,
                 "stop abruptly after the N-th statement of the command's transaction (for the crash test)")
      ->check(CLI::Range(1, 1000));
  const CommandLine line = add_commands(app, in);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? exit_done : exit_usage;
  }

  const Lang lang = from_identifier<Lang>(in.lang).value_or(Lang::en);
  // A mistyped path must not quietly become a new, empty database.
  if (!create && !std::filesystem::exists(db_path)) {
    std::fprintf(stderr, "sqlite_host: %s\n",
                 say(Text{fmt::format("there is no database '{}'; give --create to make a new one", db_path),
                          fmt::format("không có cơ sở dữ liệu '{}'; thêm --create để tạo mới", db_path)},
                     lang)
                     .c_str());
    return exit_usage;
  }
  // With --plan, the plan's own procedure decides every step, with its running plan's checks: the
  // milestones' open periods and late policies (on the dates alone: this host stores no milestone
  // completions or waivers), the quotas, and the criteria. The host keeps no evidence records, so
  // registering under criteria the plan checks is refused as missing its prerequisite.
  const NoEvidence no_evidence;
  std::unique_ptr<RunningPlan> running;
  if (!plan_file.empty()) {
    auto plan = read_plan(plan_file, lang);
    if (!plan) {
      std::fprintf(stderr, "sqlite_host: %s\n", plan.error().c_str());
      return exit_usage;
    }
    auto made = RunningPlan::make(std::move(*plan), no_evidence);
    if (!made) {
      std::fprintf(stderr, "sqlite_host: %s: %s\n", plan_file.c_str(), made.error().message(lang).c_str());
      return exit_usage;
    }
    running = std::move(*made);
  }
  try {
    Database db(db_path);
    db.exec("PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    if (auto newer = prepare_schema(db)) {
      std::fprintf(stderr, "sqlite_host: %s\n", say(*newer, lang).c_str());
      return exit_storage;
    }

    const Workflow default_flow;
    const Workflow& flow = running ? running->workflow() : default_flow;
    CLI::App* chosen = app.get_subcommands().front();
    if (chosen == line.show) return show(db, flow, in.id ? std::optional<CandidateId>(CandidateId{in.id}) : std::nullopt, lang);
    if (chosen == line.verify) return verify(db, flow, lang);
    const Actor actor = *parse_actor(in.actor);
    const bg::date date = *parse_date(in.date);
    if (chosen == line.options) return options(db, flow, CandidateId{in.id}, actor, date, lang);

    CrashPoint crash(crash_after);
    return apply_command(db, flow, CandidateId{in.id}, make_command(line.command_of.at(chosen), in), actor, date, lang, crash,
                         running.get());
  } catch (const SqlError& error) {
    std::fprintf(stderr, "sqlite_host: %s: %s\n", lang == Lang::vi ? "lỗi lưu trữ" : "storage error", error.what());
    return exit_storage;
  }
}
