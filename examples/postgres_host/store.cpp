// store.cpp: the PostgreSQL schema, the per-agency replay and the one-transaction append (store.hpp).
#include "store.hpp"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include <exemplar/binary.hpp>
#include <exemplar/json/plan.hpp>

namespace pg_host {

namespace {

using host::at_record;
using host::iso;
using pg::Param;

ByteView bytes_of(const std::string& text) {
  return ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

// A problem found in one agency's chain: its text begins with the agency.
Problem in_agency(const std::string& agency, Problem problem) {
  problem.text = Text{fmt::format("agency {}: {}", agency, problem.text.in(Lang::en)),
                      fmt::format("cơ quan {}: {}", agency, problem.text.in(Lang::vi))};
  return problem;
}

// Migration k takes a database from schema version k to k + 1, inside one transaction.
const char* const migrate_to_1 = R"sql(
  CREATE TABLE exemplar_schema(
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version integer NOT NULL,
    plan_id text NOT NULL,
    plan_sha256 text NOT NULL);
  CREATE TABLE agencies(
    agency text PRIMARY KEY CHECK (agency ~ '^[a-z][a-z0-9_]{0,39}$'),
    head_sequence bigint NOT NULL DEFAULT 0 CHECK (head_sequence >= 0),
    head_hash text NOT NULL DEFAULT repeat('0', 64));
  CREATE TABLE journal(
    agency text NOT NULL,
    sequence bigint NOT NULL CHECK (sequence > 0),
    candidate bigint NOT NULL,
    candidate_sequence bigint NOT NULL,
    kind text NOT NULL,
    date text NOT NULL,
    actor bigint NOT NULL,
    role text NOT NULL,
    record bytea NOT NULL,
    hash text NOT NULL,
    command_key text NOT NULL,
    PRIMARY KEY (agency, sequence),
    UNIQUE (agency, command_key),
    UNIQUE (agency, candidate, candidate_sequence)
  ) PARTITION BY LIST (agency);
  CREATE TABLE candidates(
    agency text NOT NULL REFERENCES agencies(agency),
    id bigint NOT NULL,
    stage text NOT NULL,
    level text NOT NULL,
    unit bigint NOT NULL,
    snapshot bytea NOT NULL,
    candidate_sequence bigint NOT NULL,
    sequence bigint NOT NULL,
    PRIMARY KEY (agency, id));
  CREATE INDEX candidates_by_stage ON candidates(agency, stage, unit);
)sql";

const char* const migrations[] = {migrate_to_1};
static_assert(sizeof(migrations) / sizeof(migrations[0]) == schema_version, "one migration per schema version");

// Reads exemplar_schema; the version 0 when the table is missing.
struct Stored {
  bool present = false;
  int version = 0;
  std::string plan_id, plan_sha256;
};

Stored stored_schema(pg::Connection& conn) {
  Stored stored;
  if (conn.exec("SELECT to_regclass('exemplar_schema') IS NOT NULL").text(0, 0) != "t") return stored;
  const pg::Result row = conn.exec("SELECT version, plan_id, plan_sha256 FROM exemplar_schema");
  stored.present = true;
  if (row.rows() == 1) {
    stored.version = static_cast<int>(row.integer(0, 0));
    stored.plan_id = row.text(0, 1);
    stored.plan_sha256 = row.text(0, 2);
  }
  return stored;
}

std::optional<SetupProblem> judge(const Stored& stored, const PlanSeal& plan) {
  if (!stored.present || stored.version <= 0) {
    return SetupProblem{Text{"the database has no exemplar schema (no row in a table exemplar_schema): it was not set up "
                             "by this program; run `init` on an empty database first",
                             "cơ sở dữ liệu không có lược đồ exemplar (bảng exemplar_schema không có dòng nào): nó không do "
                             "chương trình này thiết lập; hãy chạy `init` trên một cơ sở dữ liệu trống trước"}};
  }
  if (stored.version > schema_version) {
    return SetupProblem{Text{fmt::format("the database has schema version {}, newer than this program knows (up to {}); "
                                         "upgrade the program, not the data",
                                         stored.version, schema_version),
                             fmt::format("cơ sở dữ liệu có phiên bản lược đồ {}, mới hơn phiên bản chương trình này biết "
                                         "(tối đa {}); hãy nâng cấp chương trình, không sửa dữ liệu",
                                         stored.version, schema_version)}};
  }
  if (stored.plan_sha256 != plan.sha256) {
    return SetupProblem{Text{fmt::format("the database was set up for the plan {} (SHA-256 {}), not for the plan {} given "
                                         "here (SHA-256 {}); every chain was decided under its own plan, so pass that plan",
                                         stored.plan_id, stored.plan_sha256.substr(0, 12), plan.id, plan.sha256.substr(0, 12)),
                             fmt::format("cơ sở dữ liệu được thiết lập cho kế hoạch {} (SHA-256 {}), không phải kế hoạch {} "
                                         "được chỉ định ở đây (SHA-256 {}); mọi chuỗi nhật ký đã được quyết định theo kế hoạch "
                                         "của nó, hãy chỉ định đúng kế hoạch đó",
                                         stored.plan_id, stored.plan_sha256.substr(0, 12), plan.id, plan.sha256.substr(0, 12))}};
  }
  return std::nullopt;
}

}  // namespace

PlanSeal seal_of(const Plan& plan) {
  const std::string text = json::to_text(plan);
  return PlanSeal{plan.id, to_hex(default_hasher().sha256(bytes_of(text)))};
}

std::string form_key(const std::string& agency, const std::string& form) {
  return to_hex(default_hasher().sha256(bytes_of(agency + '\n' + form)));
}

bool valid_agency(const std::string& agency) {
  if (agency.empty() || agency.size() > 40 || agency[0] < 'a' || agency[0] > 'z') return false;
  for (char c : agency) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Text agency_name_problem(const std::string& agency) {
  return Text{fmt::format("'{}' is not an agency name: a lowercase letter, then up to 39 lowercase letters, digits or _",
                          agency),
              fmt::format("'{}' không phải tên cơ quan: một chữ cái thường, tiếp theo tối đa 39 chữ cái thường, chữ số "
                          "hoặc dấu _",
                          agency)};
}

Text no_partition(const std::string& agency) {
  return Text{fmt::format("the agency {} has no journal partition in this database; add it with `create-agency --agency {}`",
                          agency, agency),
              fmt::format("cơ quan {} chưa có phân vùng nhật ký trong cơ sở dữ liệu này; hãy thêm bằng "
                          "`create-agency --agency {}`",
                          agency, agency)};
}

std::optional<SetupProblem> Store::init(const PlanSeal& plan) {
  conn_.exec("BEGIN");
  try {
    conn_.exec("SELECT pg_advisory_xact_lock(4242001)");
    const Stored stored = stored_schema(conn_);
    if (stored.present) {
      conn_.exec("ROLLBACK");
      return judge(stored, plan);
    }
    const pg::Result ours = conn_.exec(
        "SELECT string_agg(relname, ', ' ORDER BY relname) FROM pg_class JOIN pg_namespace n ON n.oid = relnamespace "
        "WHERE nspname = current_schema() AND relname IN ('agencies', 'journal', 'candidates')");
    if (!ours.is_null(0, 0)) {
      conn_.exec("ROLLBACK");
      return SetupProblem{Text{fmt::format("the database already has tables named {} but no exemplar_schema; use an empty "
                                           "database",
                                           ours.text(0, 0)),
                               fmt::format("cơ sở dữ liệu đã có bảng tên {} nhưng không có exemplar_schema; hãy dùng một "
                                           "cơ sở dữ liệu trống",
                                           ours.text(0, 0))}};
    }
    for (const char* migration : migrations) conn_.exec(migration);
    conn_.exec("INSERT INTO exemplar_schema(version, plan_id, plan_sha256) VALUES ($1, $2, $3)",
               {Param::integer(schema_version), Param::text(plan.id), Param::text(plan.sha256)});
    conn_.exec("COMMIT");
    return std::nullopt;
  } catch (...) {
    if (!conn_.lost()) conn_.exec("ROLLBACK");
    throw;
  }
}

std::optional<SetupProblem> Store::check(const PlanSeal& plan) { return judge(stored_schema(conn_), plan); }

std::optional<SetupProblem> Store::create_agency(const std::string& agency, bool& existed) {
  existed = false;
  if (!valid_agency(agency)) return SetupProblem{agency_name_problem(agency)};
  conn_.exec("BEGIN");
  try {
    conn_.exec("SELECT pg_advisory_xact_lock(4242002)");
    if (conn_.exec("SELECT 1 FROM agencies WHERE agency = $1", {Param::text(agency)}).rows() == 1) {
      existed = true;
      conn_.exec("ROLLBACK");
      return std::nullopt;
    }
    // The name was checked above: letters, digits and _ only, so it is safe inside the statement.
    conn_.exec(fmt::format("CREATE TABLE journal_{0} PARTITION OF journal FOR VALUES IN ('{0}')", agency));
    conn_.exec("INSERT INTO agencies(agency) VALUES ($1)", {Param::text(agency)});
    conn_.exec("COMMIT");
    return std::nullopt;
  } catch (...) {
    if (!conn_.lost()) conn_.exec("ROLLBACK");
    throw;
  }
}

std::vector<std::string> Store::agencies() {
  std::vector<std::string> names;
  const pg::Result rows = conn_.exec("SELECT agency FROM agencies ORDER BY agency");
  for (int i = 0; i < rows.rows(); ++i) names.push_back(rows.text(i, 0));
  return names;
}

std::vector<Problem> Store::strays() {
  std::vector<Problem> problems;
  const pg::Result rows = conn_.exec(
      "SELECT j.agency, min(j.sequence) FROM journal j LEFT JOIN agencies a USING (agency) WHERE a.agency IS NULL "
      "GROUP BY j.agency ORDER BY j.agency");
  for (int i = 0; i < rows.rows(); ++i) {
    problems.push_back(in_agency(rows.text(i, 0), at_record(static_cast<std::uint64_t>(rows.integer(i, 1)),
                                                            "the journal has records of an agency without a head row",
                                                            "nhật ký có bản ghi của một cơ quan không có dòng đầu chuỗi")));
  }
  return problems;
}

Loaded Store::load(const Workflow& flow, const std::string& agency) {
  Loaded loaded;
  loaded.agency = agency;
  const pg::Result rows = conn_.exec(
      "SELECT sequence, candidate, candidate_sequence, kind, date, actor, role, hash, record, command_key FROM journal "
      "WHERE agency = $1 ORDER BY sequence",
      {Param::text(agency)});
  const int count = rows.rows();
  std::vector<std::vector<std::uint8_t>> blobs;
  blobs.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) blobs.push_back(rows.bytes(i, 8));
  loaded.records = static_cast<std::size_t>(count);
  auto problem = [&](Problem found) { loaded.problems.push_back(in_agency(agency, std::move(found))); };

  auto replayed = replay_binary(blobs, flow);
  if (!replayed) {
    // A journal's refusal names the record where trust ends; its message begins with that record.
    const Refusal& error = replayed.error();
    problem(Problem{error.record.value_or(0), Text{error.message(Lang::en), error.message(Lang::vi)}});
  }
  for (int i = 0; i < count; ++i) {
    const auto record = record_from_binary(blobs[static_cast<std::size_t>(i)]);
    if (!record) continue;  // replay has reported it
    const host::StoredColumns columns{static_cast<std::uint64_t>(rows.integer(i, 0)), rows.integer(i, 1), rows.integer(i, 2),
                                      rows.integer(i, 5), rows.text(i, 3), rows.text(i, 4), rows.text(i, 6), rows.text(i, 7)};
    if (auto found = host::column_problem(columns, *record)) {
      problem(std::move(*found));
      break;
    }
    loaded.last_record[record->event.candidate] = record->sequence;
    loaded.keys[record->sequence] = rows.text(i, 9);
  }
  if (!loaded.problems.empty()) return loaded;
  loaded.snapshot = std::move(*replayed);

  // The head row shows records cut off the end, which the chain alone cannot show.
  const pg::Result head = conn_.exec("SELECT head_sequence, head_hash FROM agencies WHERE agency = $1", {Param::text(agency)});
  const std::string head_sequence = head.rows() == 1 ? head.text(0, 0) : "?";
  const std::string head_hash = head.rows() == 1 ? head.text(0, 1) : "?";
  if (head_sequence != std::to_string(loaded.snapshot.sequence) || head_hash != to_hex(loaded.snapshot.hash)) {
    const std::uint64_t where = std::max<std::uint64_t>(loaded.snapshot.sequence, host::parse_id(head_sequence).value_or(0));
    problem(at_record(where,
                      fmt::format("the journal ends at record {} but the head row says it ends at record {} (hash {}): "
                                  "records were cut off the end or added behind the program's back",
                                  loaded.snapshot.sequence, head_sequence, head_hash.substr(0, 12)),
                      fmt::format("nhật ký kết thúc ở bản ghi {} nhưng dòng đầu chuỗi ghi bản ghi cuối là {} (mã băm {}): "
                                  "có bản ghi bị cắt khỏi cuối hoặc được thêm ngoài chương trình",
                                  loaded.snapshot.sequence, head_sequence, head_hash.substr(0, 12))));
  }

  // Each candidates row is the projection of one candidate; it must be exactly the replayed state.
  std::map<CandidateId, bool> seen;
  const pg::Result candidates = conn_.exec(
      "SELECT id, stage, level, unit, snapshot, candidate_sequence, sequence FROM candidates WHERE agency = $1 ORDER BY id",
      {Param::text(agency)});
  for (int i = 0; i < candidates.rows(); ++i) {
    const std::int64_t id_value = candidates.integer(i, 0);
    const CandidateId id{static_cast<std::uint32_t>(id_value)};
    const auto found = loaded.snapshot.candidates.find(id);
    if (id_value <= 0 || id_value > std::numeric_limits<std::uint32_t>::max() || found == loaded.snapshot.candidates.end()) {
      problem(host::orphan_row(id_value));
      continue;
    }
    seen[id] = true;
    const host::ProjectionRow row{id_value, candidates.text(i, 1), candidates.text(i, 2), candidates.integer(i, 3),
                                  candidates.bytes(i, 4), candidates.integer(i, 5), candidates.integer(i, 6)};
    if (auto disagreement = host::projection_problem(row, found->second, loaded.last_record[id])) problem(std::move(*disagreement));
  }
  for (const auto& [id, entry] : loaded.snapshot.candidates) {
    if (seen.count(id) == 0) problem(host::missing_row(id, loaded.last_record[id]));
  }
  return loaded;
}

void CrashPoint::passed(int point, const char* what) const {
  if (point != after_) return;
  std::fprintf(stderr, "postgres_host: --crash-after %d: stopping right after %s\n", after_, what);
  std::_Exit(host::exit_crashed);
}

Writer::Writer(const std::string& url) : conn_(url) {
  conn_.exec("SET synchronous_commit = on");
  conn_.prepare("lock", "SELECT head_sequence, head_hash FROM agencies WHERE agency = $1 FOR UPDATE");
  conn_.prepare("state", "SELECT snapshot, candidate_sequence, sequence FROM candidates WHERE agency = $1 AND id = $2");
  conn_.prepare("seen", "SELECT sequence FROM journal WHERE agency = $1 AND command_key = $2");
  conn_.prepare("put",
                "INSERT INTO journal(agency, sequence, candidate, candidate_sequence, kind, date, actor, role, record, hash, "
                "command_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)");
  conn_.prepare("project",
                "INSERT INTO candidates(agency, id, stage, level, unit, snapshot, candidate_sequence, sequence) "
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (agency, id) DO UPDATE SET stage = excluded.stage, "
                "level = excluded.level, unit = excluded.unit, snapshot = excluded.snapshot, "
                "candidate_sequence = excluded.candidate_sequence, sequence = excluded.sequence");
  conn_.prepare("advance", "UPDATE agencies SET head_sequence = $2, head_hash = $3 WHERE agency = $1 AND head_sequence = $4");
  conn_.enter_pipeline();
}

void Writer::rollback() {
  if (conn_.lost() || !conn_.in_transaction()) return;
  conn_.send_sql("ROLLBACK");
  conn_.flush_and_sync();
  (void)conn_.next("ROLLBACK");
  (void)conn_.next("sync");
}

Outcome Writer::apply(const Workflow& flow, const std::string& agency, CandidateId id, const Command& command,
                      const Actor& actor, boost::gregorian::date date, const std::string& key, const CrashPoint& crash) {
  Outcome outcome;
  const Param agency_param = Param::text(agency);
  try {
    conn_.send_sql("BEGIN");
    conn_.send("lock", {agency_param});
    conn_.send("state", {agency_param, Param::integer(id.value())});
    conn_.send("seen", {agency_param, Param::text(key)});
    conn_.flush_and_sync();
    (void)conn_.next("BEGIN");
    const pg::Result head = conn_.next("lock the head row");
    const pg::Result state = conn_.next("read the candidate row");
    const pg::Result seen = conn_.next("look the command key up");
    (void)conn_.next("sync");
    crash.passed(1, "locking the head row");

    if (head.rows() != 1) {
      rollback();
      outcome.kind = Outcome::Kind::no_agency;
      return outcome;
    }
    if (seen.rows() == 1) {
      rollback();
      outcome.kind = Outcome::Kind::duplicate;
      outcome.record.sequence = static_cast<std::uint64_t>(seen.integer(0, 0));
      return outcome;
    }
    Snapshot start;
    start.sequence = static_cast<std::uint64_t>(head.integer(0, 0));
    const auto head_hash = parse_digest(head.text(0, 1));
    std::optional<Candidate> before;
    if (state.rows() == 1) {
      auto stored = candidate_from_binary(state.bytes(0, 0));
      if (stored && stored->id == id) {
        before = std::move(*stored);
        start.candidates[id] = Snapshot::Entry{*before, static_cast<std::uint32_t>(state.integer(0, 1))};
      }
    }
    if (!head_hash || (state.rows() == 1 && !before)) {
      rollback();
      outcome.kind = Outcome::Kind::untrusted;
      const std::uint64_t where = state.rows() == 1 ? static_cast<std::uint64_t>(state.integer(0, 2)) : start.sequence;
      outcome.problems.push_back(in_agency(
          agency, at_record(where, fmt::format("the head row or the candidates row of candidate {} cannot be read", id),
                            fmt::format("không đọc được dòng đầu chuỗi hoặc dòng của ứng viên {} trong bảng candidates", id))));
      return outcome;
    }
    start.hash = *head_hash;

    if (!before && kind_of(command) != CommandKind::discover) {
      rollback();
      outcome.refusal = host::unknown_candidate(id);
      return outcome;
    }
    const Candidate current = before ? *before : Candidate{};
    auto event = flow.decide(current, command, actor, date);
    if (!event) {
      rollback();
      outcome.refusal = event.error();
      return outcome;
    }
    Journal journal(flow, std::move(start));
    auto record = journal.prepare(*event);
    if (!record) {
      rollback();
      outcome.refusal = record.error();
      return outcome;
    }
    const Candidate after = flow.evolve(current, *event);

    conn_.send("put", {agency_param, Param::integer(static_cast<std::int64_t>(record->sequence)),
                       Param::integer(event->candidate.value()), Param::integer(record->candidate_sequence),
                       Param::text(std::string(identifier(event->kind()))), Param::text(iso(event->date)),
                       Param::integer(event->actor.value()), Param::text(std::string(identifier(event->role))),
                       Param::bytes(to_binary(*record)), Param::text(to_hex(record->hash)), Param::text(key)});
    conn_.send("project", {agency_param, Param::integer(after.id.value()), Param::text(std::string(identifier(after.stage))),
                           Param::text(std::string(identifier(after.level))), Param::integer(after.unit.value()),
                           Param::bytes(to_binary(after)), Param::integer(record->candidate_sequence),
                           Param::integer(static_cast<std::int64_t>(record->sequence))});
    conn_.send("advance", {agency_param, Param::integer(static_cast<std::int64_t>(record->sequence)),
                           Param::text(to_hex(record->hash)), Param::integer(static_cast<std::int64_t>(record->sequence - 1))});
    if (crash.at(2)) {
      conn_.flush_and_sync();
      for (const char* statement : {"put", "project", "advance", "sync"}) (void)conn_.next(statement);
      crash.passed(2, "writing the rows, before COMMIT");
    }
    conn_.send_sql("COMMIT");
    conn_.flush_and_sync();
    crash.passed(3, "sending COMMIT, before its answer");
    (void)conn_.next("put");
    (void)conn_.next("project");
    // The head row is locked by this transaction, so it is where the lock found it: anything else
    // is a bug of this program, reported as such (and `verify` would name the record).
    const long advanced = conn_.next("advance").changed();
    (void)conn_.next("COMMIT");
    (void)conn_.next("sync");
    crash.passed(4, "COMMIT was acknowledged");
    if (advanced != 1) throw pg::Error("UNEXPECTED: the head row moved while this transaction held its lock", "", false);

    // Only now is the record the host's: the journal in memory follows the database, never leads it.
    if (!journal.commit(*record) || journal.find(id) == nullptr || *journal.find(id) != after) {
      throw pg::Error(fmt::format("UNEXPECTED: the journal's state differs from what was stored for record {}", record->sequence),
                      "", false);
    }
    outcome.kind = Outcome::Kind::stored;
    outcome.record = std::move(*record);
    outcome.after = after;
    return outcome;
  } catch (const pg::Error& error) {
    if (!conn_.lost()) {
      conn_.drain();
      try {
        rollback();
      } catch (const pg::Error&) {
        // The connection is going; the server rolls the transaction back itself.
      }
    }
    // A second officer with the same form at the same moment: the key's uniqueness stops it.
    if (error.sqlstate() == "23505" && std::string(error.what()).find("command_key") != std::string::npos) {
      outcome.kind = Outcome::Kind::duplicate;
      return outcome;
    }
    throw;
  }
}

}  // namespace pg_host
