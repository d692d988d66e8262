// store.hpp: exemplar's journal kept in PostgreSQL, one hash chain per agency, for many officers at once.
//
//   tables (schema version 1):
//     exemplar_schema(version, plan_id, plan_sha256)    one row: the layout and the plan the database serves
//     agencies(agency, head_sequence, head_hash)         the head row of each agency's chain
//     journal(agency, sequence, candidate, candidate_sequence, kind, date, actor, role, record, hash,
//             command_key)   PARTITION BY LIST (agency): one partition journal_<agency> per agency;
//             (agency, command_key) unique: a form submitted twice is stored once
//     candidates(agency, id, stage, level, unit, snapshot, candidate_sequence, sequence)   the projection
//
//   One command, one transaction, one round trip (libpq pipeline mode, prepared statements):
//     ── Workflow::decide, Journal::prepare (the library, in this process), from the agency's head
//        and the candidate as this writer last wrote or read them ──
//     BEGIN; exemplar_append(...): lock the head row FOR UPDATE; check that the head and the
//            candidate are still where the decision started from and that the command key is
//            new; UPDATE the head row, INSERT the journal row, UPSERT the candidate row; COMMIT  ─ sync
//   When the check fails (another officer appended first) the writer reads the head and the
//   candidate again (exemplar_open, a second round trip) and decides again; a refusal is only
//   given on a state read in that call. The server-side functions hold no rule of the library.
//   The head row's lock makes the agency's appends take turns; agencies append side by side.
//
//   Store::open(url, plan)       connects and checks the schema version and the plan, or says why not
//   Store::init / create_agency  set up an empty database, add an agency's partition and head row
//   Store::load(agency)          replays an agency's chain from the database and compares the
//                                head row and the candidates rows with it (Loaded::problems)
//   Writer                       one connection that applies commands (apply), for one officer
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <exemplar/exemplar.hpp>
#include <exemplar/journal.hpp>

#include "host/command_line.hpp"
#include "pq.hpp"

namespace pg_host {

using namespace exemplar;
using host::Problem;

/// This program's own database layout version, kept in exemplar_schema; the records carry the
/// library's format version separately (journal_format_version).
inline constexpr int schema_version = 1;

/// The plan a database serves: its id and the SHA-256 of its JSON text (json::to_text).
struct PlanSeal {
  std::string id;
  std::string sha256;
};
[[nodiscard]] PlanSeal seal_of(const Plan& plan);

/// Why the store cannot be used as it is (a setup problem, not a refusal of a command).
struct SetupProblem {
  Text text;
};

/// An agency's name as its partition is named: a lowercase letter, then up to 39 letters, digits or _.
[[nodiscard]] bool valid_agency(const std::string& agency);
[[nodiscard]] Text agency_name_problem(const std::string& agency);
[[nodiscard]] Text no_partition(const std::string& agency);

/// An agency's chain rebuilt from the database, and everything found wrong on the way.
struct Loaded {
  std::string agency;
  Snapshot snapshot;
  std::size_t records = 0;
  std::map<CandidateId, std::uint64_t> last_record;
  std::map<std::uint64_t, std::string> keys;  ///< each record's command key, by sequence
  std::vector<Problem> problems;              ///< texts begin with the agency
};

/// What happened to one command.
struct Outcome {
  enum class Kind { stored, refused, duplicate, no_agency, untrusted };
  Kind kind = Kind::refused;
  Record record;            ///< stored: the record; duplicate: sequence of the earlier one
  Candidate after;          ///< stored: the candidate after it
  Refusal refusal;          ///< refused: why
  std::vector<Problem> problems;  ///< untrusted: why
};

/// A connection that has checked the schema and the plan.
class Store {
 public:
  /// Connects; throws pg::Error when the server cannot be reached.
  explicit Store(const std::string& url) : conn_(url) {}

  /// Creates the schema in an empty database for `plan`; a database already set up for the same
  /// plan is left as it is. A problem when it holds another plan, a newer schema or other tables.
  [[nodiscard]] std::optional<SetupProblem> init(const PlanSeal& plan);
  /// Checks the schema version (present, not newer) and that the database serves `plan`.
  [[nodiscard]] std::optional<SetupProblem> check(const PlanSeal& plan);
  /// Adds an agency: its journal partition and its head row, in one transaction. nullopt when done
  /// (or when it exists already, `existed` set).
  [[nodiscard]] std::optional<SetupProblem> create_agency(const std::string& agency, bool& existed);
  /// The agencies with a head row, by name.
  [[nodiscard]] std::vector<std::string> agencies();
  /// Replays one agency's chain (inside the caller's transaction when there is one).
  [[nodiscard]] Loaded load(const Workflow& flow, const std::string& agency);
  /// Journal rows whose agency has no head row (a partition made behind the program's back).
  [[nodiscard]] std::vector<Problem> strays();

  [[nodiscard]] pg::Connection& connection() { return conn_; }

 private:
  pg::Connection conn_;
};

/// Stops the process right after a given point of a command, for the fault test: 1 after deciding,
/// before the transaction; 2 after the rows are written (not committed); 3 after COMMIT is sent but
/// before its answer is read; 4 after COMMIT is acknowledged.
class CrashPoint {
 public:
  explicit CrashPoint(int after) : after_(after) {}
  void passed(int point, const char* what) const;
  [[nodiscard]] bool at(int point) const { return after_ == point; }

 private:
  int after_;
};

/// One officer's connection, in pipeline mode, with the command's statements prepared.
class Writer {
 public:
  /// Connects and prepares; throws pg::Error.
  explicit Writer(const std::string& url);
  /// Applies one command for `agency` under the idempotency key `key`. Throws pg::Error on a
  /// database failure (the transaction is rolled back, or was never committed).
  [[nodiscard]] Outcome apply(const Workflow& flow, const std::string& agency, CandidateId id, const Command& command,
                              const Actor& actor, boost::gregorian::date date, const std::string& key,
                              const CrashPoint& crash = CrashPoint(0));
  /// The connection is gone (the server stopped): make a new Writer.
  [[nodiscard]] bool lost() const { return conn_.lost(); }

 private:
  struct Head {
    std::uint64_t sequence = 0;
    Digest hash{};
  };
  /// Reads the agency's head and the candidate again; an outcome when the command stops there.
  [[nodiscard]] std::optional<Outcome> refresh(const std::string& agency, CandidateId id, const std::string& key);
  void rollback();
  pg::Connection conn_;
  std::map<std::string, Head> heads_;  ///< each agency's head as this writer last wrote or read it
  std::map<std::pair<std::string, std::uint32_t>, Snapshot::Entry> known_;  ///< the same for candidates
};

/// The key of a command when the host is not given one: the SHA-256 of the agency and what the form
/// says (its fields as typed), so the same form sent twice has the same key.
[[nodiscard]] std::string form_key(const std::string& agency, const std::string& form);

}  // namespace pg_host
