// sqlite_host_tamper: edits a sqlite_host database behind the tool's back, the way someone with
// access to the file might, so that tamper_test.cmake can show that `sqlite_host verify` finds it.
//
//   sqlite_host_tamper --db hr.db flip --sequence 5 --byte 20     flip one bit of record 5's blob
//   sqlite_host_tamper --db hr.db delete --sequence 5             drop record 5
//   sqlite_host_tamper --db hr.db swap --sequence 4               swap records 4 and 5 (all but the key)
//   sqlite_host_tamper --db hr.db stage --id 2 --to commended     rewrite a candidate row's stage column
//   sqlite_host_tamper --db hr.db flip-snapshot --id 2 --byte 9   flip one bit of a candidate's snapshot
//   sqlite_host_tamper --db hr.db schema --version 2              claim a newer schema version
//
// Prints what it changed; exits 1 if there was nothing to change (no such record, byte or candidate),
// 2 on a bad command line. It is a test helper, not part of the HR tool.
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sqlite.hpp"

using sqlite_host::Database;
using sqlite_host::SqlError;
using sqlite_host::Statement;

namespace {

// Flips the lowest bit of byte `index` of the blob in `column` of the row `key` of `table`.
int flip(Database& db, const std::string& table, const std::string& key_column, const std::string& column,
         std::int64_t key, std::size_t index) {
  Statement select(db, "SELECT " + column + " FROM " + table + " WHERE " + key_column + " = ?1");
  select.bind(1, key);
  if (!select.step()) {
    std::fprintf(stderr, "sqlite_host_tamper: no row %lld in %s\n", static_cast<long long>(key), table.c_str());
    return 1;
  }
  std::vector<std::uint8_t> blob = select.column_blob(0);
  if (index >= blob.size()) {
    std::fprintf(stderr, "sqlite_host_tamper: the blob has %zu bytes, no byte %zu\n", blob.size(), index);
    return 1;
  }
  blob[index] = static_cast<std::uint8_t>(blob[index] ^ 0x01U);
  Statement update(db, "UPDATE " + table + " SET " + column + " = ?1 WHERE " + key_column + " = ?2");
  update.bind(1, blob).bind(2, key).run();
  std::printf("flipped byte %zu of %s.%s at %lld\n", index, table.c_str(), column.c_str(), static_cast<long long>(key));
  return 0;
}

int changed(Database& db, const char* what) {
  if (sqlite3_changes(db.handle()) == 0) {
    std::fprintf(stderr, "sqlite_host_tamper: nothing to %s\n", what);
    return 1;
  }
  std::printf("%s: done\n", what);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Edit a sqlite_host database behind its back (a test helper).", "sqlite_host_tamper"};
  app.require_subcommand(1);
  std::string path;
  std::int64_t sequence = 0;
  std::int64_t id = 0;
  std::size_t byte = 0;
  std::string stage;
  int version = 0;
  app.add_option("--db", path)->required()->check(CLI::ExistingFile);
  CLI::App* flip_record = app.add_subcommand("flip", "flip one bit of a record's blob");
  flip_record->add_option("--sequence", sequence)->required();
  flip_record->add_option("--byte", byte)->required();
  CLI::App* drop = app.add_subcommand("delete", "delete a journal record");
  drop->add_option("--sequence", sequence)->required();
  CLI::App* swap = app.add_subcommand("swap", "swap a record with the next one");
  swap->add_option("--sequence", sequence)->required();
  CLI::App* set_stage = app.add_subcommand("stage", "rewrite a candidate row's stage column");
  set_stage->add_option("--id", id)->required();
  set_stage->add_option("--to", stage)->required();
  CLI::App* flip_snapshot = app.add_subcommand("flip-snapshot", "flip one bit of a candidate's snapshot blob");
  flip_snapshot->add_option("--id", id)->required();
  flip_snapshot->add_option("--byte", byte)->required();
  CLI::App* schema = app.add_subcommand("schema", "set the schema version in meta");
  schema->add_option("--version", version)->required();
  CLI11_PARSE(app, argc, argv);

  try {
    Database db(path, SQLITE_OPEN_READWRITE);
    db.exec("PRAGMA busy_timeout = 5000");
    if (app.got_subcommand(flip_record)) return flip(db, "journal", "sequence", "record", sequence, byte);
    if (app.got_subcommand(flip_snapshot)) return flip(db, "candidates", "id", "snapshot", id, byte);
    if (app.got_subcommand(drop)) {
      Statement(db, "DELETE FROM journal WHERE sequence = ?1").bind(1, sequence).run();
      return changed(db, "delete");
    }
    if (app.got_subcommand(swap)) {
      // Park row S past the end, move S + 1 to S, then the parked row to S + 1: a reordering that
      // keeps every row whole, as if the two records had been stored the other way round.
      db.exec("BEGIN");
      Statement(db, "UPDATE journal SET sequence = (SELECT MAX(sequence) + 1 FROM journal) WHERE sequence = ?1")
          .bind(1, sequence)
          .run();
      Statement(db, "UPDATE journal SET sequence = ?1 WHERE sequence = ?1 + 1").bind(1, sequence).run();
      Statement(db, "UPDATE journal SET sequence = ?1 + 1 WHERE sequence = (SELECT MAX(sequence) FROM journal)")
          .bind(1, sequence)
          .run();
      db.exec("COMMIT");
      return changed(db, "swap");
    }
    if (app.got_subcommand(set_stage)) {
      Statement(db, "UPDATE candidates SET stage = ?1 WHERE id = ?2").bind(1, stage).bind(2, id).run();
      return changed(db, "stage");
    }
    Statement(db, "UPDATE meta SET value = ?1 WHERE key = 'schema_version'").bind(1, std::to_string(version)).run();
    return changed(db, "schema");
  } catch (const SqlError& error) {
    std::fprintf(stderr, "sqlite_host_tamper: %s\n", error.what());
    return 1;
  }
}
