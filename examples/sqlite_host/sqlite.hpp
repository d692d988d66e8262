// sqlite.hpp: the little of SQLite's C API the example host needs, with RAII and typed columns.
//
//   Database(path)                 opens (and creates) a database file; closes it when destroyed
//   Database::exec(sql)            runs statements that return no rows
//   Statement(db, sql)             a prepared statement; bind(i, value), step(), column_*(i), reset()
//   SqlError                       any SQLite failure, with the statement and SQLite's own message
//
// Storage failures (a full disk, a locked or corrupt file) are not refusals: the host cannot go on,
// so they are exceptions that main() turns into a message and an exit code.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <sqlite3.h>

namespace sqlite_host {

/// A failure of SQLite itself, never of the data's meaning.
class SqlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One open database connection.
class Database {
 public:
  explicit Database(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string what = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw SqlError("cannot open " + path + ": " + what);
    }
    sqlite3_extended_result_codes(db_, 1);
  }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database() { sqlite3_close(db_); }

  /// Runs one or more statements that return no rows.
  void exec(const std::string& sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string what = message ? message : sqlite3_errmsg(db_);
      sqlite3_free(message);
      throw SqlError(what + " (in: " + sql + ")");
    }
  }

  [[nodiscard]] sqlite3* handle() const noexcept { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

/// A prepared statement. Columns and parameters are numbered as SQLite numbers them (parameters
/// from 1, columns from 0).
class Statement {
 public:
  Statement(Database& db, std::string sql) : db_(db.handle()), sql_(std::move(sql)) {
    if (sqlite3_prepare_v2(db_, sql_.c_str(), -1, &stmt_, nullptr) != SQLITE_OK) fail();
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  Statement& bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) fail();
    return *this;
  }
  Statement& bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT) != SQLITE_OK) fail();
    return *this;
  }
  Statement& bind(int index, const std::vector<std::uint8_t>& blob) {
    if (sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT) != SQLITE_OK) fail();
    return *this;
  }

  /// Steps once: true while a row is available, false when the statement has finished.
  [[nodiscard]] bool step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail();
  }
  /// Runs a statement that returns no rows.
  void run() {
    if (step()) throw SqlError("unexpected row from: " + sql_);
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  [[nodiscard]] bool is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  [[nodiscard]] std::int64_t column_int(int column) const { return sqlite3_column_int64(stmt_, column); }
  [[nodiscard]] std::string column_text(int column) const {
    const auto* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
  }
  [[nodiscard]] std::vector<std::uint8_t> column_blob(int column) const {
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, column));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column));
    return data ? std::vector<std::uint8_t>(data, data + size) : std::vector<std::uint8_t>();
  }

 private:
  [[noreturn]] void fail() const { throw SqlError(std::string(sqlite3_errmsg(db_)) + " (in: " + sql_ + ")"); }

  sqlite3* db_;
  std::string sql_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace sqlite_host
