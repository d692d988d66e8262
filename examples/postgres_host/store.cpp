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

  -- What a command is decided from: the agency's head row (waiting for a writer that holds it),
  -- the candidate's row, and whether the command key is stored. A VOLATILE function's statements
  -- each take a new snapshot, so after the wait they see what that writer committed.
  -- No row for the head (head_sequence null): the agency has no partition.
  CREATE FUNCTION exemplar_open(p_agency text, p_id bigint, p_key text, OUT head_sequence bigint, OUT head_hash text,
                                OUT snapshot bytea, OUT candidate_sequence bigint, OUT last_sequence bigint,
                                OUT seen bigint)
  LANGUAGE plpgsql VOLATILE AS $$
  BEGIN
    SELECT a.head_sequence, a.head_hash INTO head_sequence, head_hash FROM agencies a WHERE a.agency = p_agency FOR UPDATE;
    IF NOT FOUND THEN RETURN; END IF;
    SELECT c.snapshot, c.candidate_sequence, c.sequence INTO snapshot, candidate_sequence, last_sequence
      FROM candidates c WHERE c.agency = p_agency AND c.id = p_id;
    SELECT j.sequence INTO seen FROM journal j WHERE j.agency = p_agency AND j.command_key = p_key;
  END $$;

  -- The append: lock the agency's head row FOR UPDATE, check that the chain and the candidate are
  -- where the caller decided from (else EX001, EX002: read them again and decide again) and that
  -- the command key is new (else EX003 naming its record), then write the head row, the journal row
  -- and the candidate's row. An error leaves nothing: the transaction is rolled back.
  CREATE FUNCTION exemplar_append(p_agency text, p_sequence bigint, p_candidate bigint, p_candidate_sequence bigint,
                                  p_kind text, p_date text, p_actor bigint, p_role text, p_record bytea, p_hash text,
                                  p_key text, p_stage text, p_level text, p_unit bigint, p_snapshot bytea)
  RETURNS void LANGUAGE plpgsql VOLATILE AS $$
  DECLARE
    v_seen bigint;
  BEGIN
    PERFORM 1 FROM agencies a WHERE a.agency = p_agency AND a.head_sequence = p_sequence - 1 FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'EX001', MESSAGE = format('the chain of agency %s is not at record %s', p_agency, p_sequence - 1);
    END IF;
    PERFORM 1 FROM candidates c WHERE c.agency = p_agency AND c.id = p_candidate
      HAVING count(*) = CASE WHEN p_candidate_sequence = 1 THEN 0 ELSE 1 END
         AND coalesce(max(c.candidate_sequence), 0) = p_candidate_sequence - 1;
    IF NOT FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'EX002', MESSAGE = format('candidate %s is not at its record %s', p_candidate, p_candidate_sequence - 1);
    END IF;
    SELECT j.sequence INTO v_seen FROM journal j WHERE j.agency = p_agency AND j.command_key = p_key;
    IF FOUND THEN
      RAISE EXCEPTION USING ERRCODE = 'EX003', MESSAGE = format('the form is stored already as record %s', v_seen);
    END IF;
    UPDATE agencies a SET head_sequence = p_sequence, head_hash = p_hash WHERE a.agency = p_agency;
    INSERT INTO journal(agency, sequence, candidate, candidate_sequence, kind, date, actor, role, record, hash, command_key)
      VALUES (p_agency, p_sequence, p_candidate, p_candidate_sequence, p_kind, p_date, p_actor, p_role, p_record, p_hash, p_key);
    INSERT INTO candidates AS c(agency, id, stage, level, unit, snapshot, candidate_sequence, sequence)
      VALUES (p_agency, p_candidate, p_stage, p_level, p_unit, p_snapshot, p_candidate_sequence, p_sequence)
      ON CONFLICT (agency, id) DO UPDATE SET stage = excluded.stage, level = excluded.level, unit = excluded.unit,
        snapshot = excluded.snapshot, candidate_sequence = excluded.candidate_sequence, sequence = excluded.sequence;
  END $$;
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
  conn_.prepare("open", "SELECT * FROM exemplar_open($1, $2, $3)");
  conn_.prepare("append", "SELECT exemplar_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)");
  conn_.enter_pipeline();
}

void Writer::rollback() {
  if (conn_.lost() || !conn_.in_transaction()) return;
  conn_.send_sql("ROLLBACK");
  conn_.flush_and_sync();
  (void)conn_.next("ROLLBACK");
  (void)conn_.next("sync");
}

std::optional<Outcome> Writer::refresh(const std::string& agency, CandidateId id, const std::string& key) {
  conn_.send("open", {Param::text(agency), Param::integer(id.value()), Param::text(key)});
  conn_.flush_and_sync();
  const pg::Result opened = conn_.next("read the head row");
  (void)conn_.next("sync");
  Outcome outcome;
  if (opened.rows() != 1 || opened.is_null(0, 0)) {
    outcome.kind = Outcome::Kind::no_agency;
    return outcome;
  }
  if (!opened.is_null(0, 5)) {
    outcome.kind = Outcome::Kind::duplicate;
    outcome.record.sequence = static_cast<std::uint64_t>(opened.integer(0, 5));
    return outcome;
  }
  const auto head_hash = parse_digest(opened.text(0, 1));
  const bool has_row = !opened.is_null(0, 2);
  const auto stored = has_row ? candidate_from_binary(opened.bytes(0, 2)) : tl::make_unexpected(Refusal{});
  const auto slot = std::make_pair(agency, id.value());
  if (!head_hash || (has_row && (!stored || stored->id != id))) {
    outcome.kind = Outcome::Kind::untrusted;
    const auto where = static_cast<std::uint64_t>(opened.integer(0, has_row ? 4 : 0));
    outcome.problems.push_back(in_agency(
        agency, at_record(where, fmt::format("the head row or the candidates row of candidate {} cannot be read", id),
                          fmt::format("không đọc được dòng đầu chuỗi hoặc dòng của ứng viên {} trong bảng candidates", id))));
    return outcome;
  }
  heads_[agency] = Head{static_cast<std::uint64_t>(opened.integer(0, 0)), *head_hash};
  if (has_row) {
    known_[slot] = Snapshot::Entry{*stored, static_cast<std::uint32_t>(opened.integer(0, 3))};
  } else {
    known_.erase(slot);
  }
  return std::nullopt;
}

Outcome Writer::apply(const Workflow& flow, const std::string& agency, CandidateId id, const Command& command,
                      const Actor& actor, boost::gregorian::date date, const std::string& key, const CrashPoint& crash) {
  const auto slot = std::make_pair(agency, id.value());
  const bool discovery = kind_of(command) == CommandKind::discover;
  bool fresh = false;         // the state below was read in this call
  bool must_refresh = false;  // the database said the state below is behind
  for (int attempt = 0; attempt < 64; ++attempt) {
    auto head = heads_.find(agency);
    auto entry = known_.find(slot);
    // Decided from what this writer last wrote or read; a discovery assumes a new candidate. The
    // append checks both, so a state that is behind costs a second try, never a wrong record.
    if (must_refresh || head == heads_.end() || (entry == known_.end() && !discovery && !fresh)) {
      if (auto stop = refresh(agency, id, key)) return *stop;
      fresh = true;
      must_refresh = false;
      continue;
    }
    Snapshot start;
    start.sequence = head->second.sequence;
    start.hash = head->second.hash;
    if (entry != known_.end()) start.candidates[id] = entry->second;
    const Candidate current = entry != known_.end() ? entry->second.candidate : Candidate{};

    Outcome outcome;
    if (entry == known_.end() && !discovery) {
      outcome.refusal = host::unknown_candidate(id);
      return outcome;
    }
    auto event = flow.decide(current, command, actor, date);
    Journal journal(flow, std::move(start));
    auto record = event ? journal.prepare(*event) : tl::make_unexpected(event.error());
    if (!record) {
      // A refusal stands only on a state read now: what this writer remembers may be behind.
      if (!fresh) {
        must_refresh = true;
        continue;
      }
      outcome.refusal = record.error();
      return outcome;
    }
    const Candidate after = flow.evolve(current, *event);
    crash.passed(1, "deciding, before the transaction");

    try {
      conn_.send_sql("BEGIN");
      conn_.send("append", {Param::text(agency), Param::integer(static_cast<std::int64_t>(record->sequence)),
                            Param::integer(event->candidate.value()), Param::integer(record->candidate_sequence),
                            Param::text(std::string(identifier(event->kind()))), Param::text(iso(event->date)),
                            Param::integer(event->actor.value()), Param::text(std::string(identifier(event->role))),
                            Param::bytes(to_binary(*record)), Param::text(to_hex(record->hash)), Param::text(key),
                            Param::text(std::string(identifier(after.stage))), Param::text(std::string(identifier(after.level))),
                            Param::integer(after.unit.value()), Param::bytes(to_binary(after))});
      if (crash.at(2)) {
        conn_.flush_and_sync();
        for (const char* statement : {"BEGIN", "append", "sync"}) (void)conn_.next(statement);
        crash.passed(2, "writing the rows, before COMMIT");
      }
      conn_.send_sql("COMMIT");
      conn_.flush_and_sync();
      crash.passed(3, "sending COMMIT, before its answer");
      for (const char* statement : {"BEGIN", "append", "COMMIT", "sync"}) (void)conn_.next(statement);
    } catch (const pg::Error& error) {
      if (!conn_.lost()) {
        conn_.drain();
        try {
          rollback();
        } catch (const pg::Error&) {
          // The connection is going; the server rolls the transaction back itself.
        }
      }
      if (error.sqlstate() == "EX001" || error.sqlstate() == "EX002") {
        must_refresh = true;  // another officer appended first: decide again on what is stored now
        continue;
      }
      if (error.sqlstate() == "EX003") {
        const std::string message = error.what();
        const auto digits = message.find_first_of("0123456789", message.find("as record"));
        outcome.kind = Outcome::Kind::duplicate;
        outcome.record.sequence = digits == std::string::npos ? 0 : std::strtoull(message.c_str() + digits, nullptr, 10);
        return outcome;
      }
      heads_.erase(agency);  // whatever happened, read the state again next time
      known_.erase(slot);
      throw;
    }
    crash.passed(4, "COMMIT was acknowledged");

    // Only now is the record the host's: the journal in memory follows the database, never leads it.
    if (!journal.commit(*record) || journal.find(id) == nullptr || *journal.find(id) != after) {
      throw pg::Error(fmt::format("UNEXPECTED: the journal's state differs from what was stored for record {}", record->sequence),
                      "", false);
    }
    heads_[agency] = Head{record->sequence, record->hash};
    known_[slot] = Snapshot::Entry{after, record->candidate_sequence};
    outcome.kind = Outcome::Kind::stored;
    outcome.record = std::move(*record);
    outcome.after = after;
    return outcome;
  }
  throw pg::Error(fmt::format("agency {}: the chain moved under 64 attempts in a row; giving up", agency), "", false);
}

}  // namespace pg_host
