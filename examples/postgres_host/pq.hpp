// pq.hpp: the little of libpq the PostgreSQL host needs, with RAII, typed parameters and the
// pipeline mode that sends a transaction's statements in one round trip.
//
//   Connection(url)                        connects (a libpq URL or key=value string), or throws Error
//   Connection::exec(sql[, params])        runs one statement and waits for its result
//   Connection::prepare(name, sql)         a prepared statement on this connection
//   Connection::send(name, params)         queues a prepared statement (pipeline mode)
//   Connection::send_sql(sql)              queues a statement without parameters (pipeline mode)
//   Connection::flush_and_sync()           ends the queue: the server runs it and answers at once
//   Connection::next()                     the next queued statement's result; throws on its error
//   Param::text / integer / bytes          parameters (bytes travel in binary, never escaped)
//   Result: rows(), text(r, c), integer(r, c), bytes(r, c), is_null(r, c)
//   Error: what(), sqlstate(), connection_lost()
//
// Database failures are not refusals: the host cannot go on with that statement, so they are
// exceptions, which the host turns into a message and an exit code, or (a lost server) a retry.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <libpq-fe.h>

namespace pg {

/// A failure of the server or the connection, never of the data's meaning.
class Error : public std::runtime_error {
 public:
  Error(const std::string& what, std::string sqlstate, bool lost)
      : std::runtime_error(what), sqlstate_(std::move(sqlstate)), lost_(lost) {}
  /// The SQLSTATE code, e.g. "23505" for a unique violation; "" when the server gave none.
  [[nodiscard]] const std::string& sqlstate() const noexcept { return sqlstate_; }
  /// The connection is gone (the server stopped or was killed): reconnect and retry.
  [[nodiscard]] bool connection_lost() const noexcept { return lost_; }

 private:
  std::string sqlstate_;
  bool lost_;
};

/// One statement parameter: text, or bytes sent in binary; null when `null` is set.
struct Param {
  std::string value;
  bool binary = false;
  bool null = false;

  static Param text(std::string value) { return Param{std::move(value), false, false}; }
  static Param integer(std::int64_t value) { return Param{std::to_string(value), false, false}; }
  static Param bytes(const std::vector<std::uint8_t>& value) {
    return Param{std::string(value.begin(), value.end()), true, false};
  }
};

/// A statement's result (rows as text; bytea columns as their hex text, decoded by bytes()).
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, &PQclear) {}

  [[nodiscard]] int rows() const { return PQntuples(result_.get()); }
  [[nodiscard]] bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  [[nodiscard]] std::string text(int row, int column) const {
    return std::string(PQgetvalue(result_.get(), row, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
  }
  [[nodiscard]] std::int64_t integer(int row, int column) const {
    return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
  }
  /// A bytea column in the server's hex output ("\x0a1b..."): its bytes.
  [[nodiscard]] std::vector<std::uint8_t> bytes(int row, int column) const {
    const char* hex = PQgetvalue(result_.get(), row, column);
    const auto length = static_cast<std::size_t>(PQgetlength(result_.get(), row, column));
    std::vector<std::uint8_t> out;
    if (length < 2 || hex[0] != '\\' || hex[1] != 'x') return out;
    out.reserve((length - 2) / 2);
    auto nibble = [](char c) -> std::uint8_t {
      if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
      return static_cast<std::uint8_t>((c | 0x20) - 'a' + 10);
    };
    for (std::size_t i = 2; i + 1 < length; i += 2) {
      out.push_back(static_cast<std::uint8_t>(nibble(hex[i]) << 4U | nibble(hex[i + 1])));
    }
    return out;
  }
  /// The number of rows a command changed ("INSERT 0 1" → 1).
  [[nodiscard]] long changed() const { return std::strtol(PQcmdTuples(result_.get()), nullptr, 10); }
  [[nodiscard]] PGresult* get() const { return result_.get(); }

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

/// One connection to a server.
class Connection {
 public:
  explicit Connection(const std::string& url) : conn_(PQconnectdb(url.c_str()), &PQfinish) {
    if (!conn_ || PQstatus(conn_.get()) != CONNECTION_OK) {
      std::string what = conn_ ? PQerrorMessage(conn_.get()) : "out of memory";
      while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
      throw Error("cannot connect to " + redacted(url) + ": " + what, "08001", true);
    }
    PQsetNoticeProcessor(conn_.get(), [](void*, const char*) {}, nullptr);
  }

  /// Runs one statement (several, without parameters) and returns the last result.
  Result exec(const std::string& sql) { return check(Result(PQexec(conn_.get(), sql.c_str())), sql); }
  /// Runs one statement with parameters ($1, $2, ...).
  Result exec(const std::string& sql, const std::vector<Param>& params) {
    Values values(params);
    return check(Result(PQexecParams(conn_.get(), sql.c_str(), static_cast<int>(params.size()), nullptr, values.data.data(),
                                     values.lengths.data(), values.formats.data(), 0)),
                 sql);
  }
  void prepare(const std::string& name, const std::string& sql) {
    check(Result(PQprepare(conn_.get(), name.c_str(), sql.c_str(), 0, nullptr)), sql);
  }

  void enter_pipeline() {
    if (PQenterPipelineMode(conn_.get()) != 1) fail("cannot enter pipeline mode");
  }
  void send(const std::string& name, const std::vector<Param>& params) {
    Values values(params);
    if (PQsendQueryPrepared(conn_.get(), name.c_str(), static_cast<int>(params.size()), values.data.data(),
                            values.lengths.data(), values.formats.data(), 0) != 1) {
      fail("cannot send " + name);
    }
  }
  void send_sql(const std::string& sql) {
    if (PQsendQueryParams(conn_.get(), sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) fail("cannot send " + sql);
  }
  void flush_and_sync() {
    if (PQpipelineSync(conn_.get()) != 1) fail("cannot send the pipeline");
  }
  /// The next queued statement's result (its errors thrown, as exec's are), consuming the null
  /// that ends each result in pipeline mode.
  Result next(const std::string& what) {
    Result result(PQgetResult(conn_.get()));
    if (!result.get()) fail("no result for " + what);
    if (PQresultStatus(result.get()) != PGRES_PIPELINE_SYNC) {
      PGresult* end = PQgetResult(conn_.get());
      if (end) PQclear(end);
    }
    return check(std::move(result), what);
  }
  /// Reads results up to and including the next sync, ignoring them (after an error, or a refusal).
  void drain() {
    for (int guard = 0; guard < 64; ++guard) {
      PGresult* result = PQgetResult(conn_.get());
      if (!result) {
        if (PQstatus(conn_.get()) != CONNECTION_OK) return;
        continue;
      }
      const bool sync = PQresultStatus(result) == PGRES_PIPELINE_SYNC;
      PQclear(result);
      if (sync) return;
    }
  }

  [[nodiscard]] bool in_failed_transaction() const { return PQtransactionStatus(conn_.get()) == PQTRANS_INERROR; }
  [[nodiscard]] bool in_transaction() const {
    const auto status = PQtransactionStatus(conn_.get());
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
  }
  [[nodiscard]] bool lost() const { return PQstatus(conn_.get()) != CONNECTION_OK; }
  [[nodiscard]] PGconn* handle() const { return conn_.get(); }

  /// The URL without a password, for messages.
  static std::string redacted(const std::string& url) {
    const auto at = url.find('@');
    const auto scheme = url.find("://");
    if (at == std::string::npos || scheme == std::string::npos || at < scheme) return url;
    const auto colon = url.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return url;
    return url.substr(0, colon) + ":***" + url.substr(at);
  }

 private:
  struct Values {
    explicit Values(const std::vector<Param>& params) {
      for (const Param& param : params) {
        data.push_back(param.null ? nullptr : param.value.data());
        lengths.push_back(static_cast<int>(param.value.size()));
        formats.push_back(param.binary ? 1 : 0);
      }
    }
    std::vector<const char*> data;
    std::vector<int> lengths;
    std::vector<int> formats;
  };

  Result check(Result result, const std::string& what) {
    const auto status = PQresultStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_PIPELINE_SYNC) return result;
    const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    std::string message = result.get() ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn_.get());
    if (status == PGRES_PIPELINE_ABORTED) message = "not run: an earlier statement of the transaction failed";
    if (message.empty()) message = PQerrorMessage(conn_.get());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    const std::string sqlstate = state ? state : "";
    throw Error(message + " (in: " + what + ")", sqlstate, lost() || sqlstate.rfind("08", 0) == 0 || sqlstate == "57P01");
  }
  [[noreturn]] void fail(const std::string& what) {
    std::string message = PQerrorMessage(conn_.get());
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw Error(what + ": " + message, "", lost());
  }

  std::unique_ptr<PGconn, decltype(&PQfinish)> conn_;
};

}  // namespace pg
