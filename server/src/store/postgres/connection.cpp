#include "store/postgres/connection.hpp"

#include <libpq-fe.h>

#include <charconv>

namespace mm::store::postgres {
namespace {
// Errors that mean "the database is not able to answer now": the caller answers 503 and the client
// may retry. Class 08: connection exceptions; 53300: too many connections; 55P03: lock_timeout;
// 57014: statement_timeout; 57P01-57P03: the server is shutting down or starting; 40001, 40P01:
// serialization failure or deadlock still there after the retries.
bool busy_state(std::string_view s) {
  return s.starts_with("08") || s == "53300" || s == "55P03" || s == "57014" || s == "57P01" || s == "57P02" ||
         s == "57P03" || s == "40001" || s == "40P01";
}

std::string trimmed(const char* message) {
  std::string m = message ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// Session settings: a transition never waits forever on a row lock or a stuck statement (busy, 503),
// and a connection left inside a transaction by a crashed caller is closed by the server.
constexpr const char* session_setup =
    "SET statement_timeout = '10s'; SET lock_timeout = '5s'; SET idle_in_transaction_session_timeout = '60s'; "
    "SET client_min_messages = warning"; // no NOTICE on stderr for "IF NOT EXISTS" at every start
} // namespace

std::string array_literal(const std::vector<std::string>& items) {
  std::string out = "{";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += '"';
    for (char c : item) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

result::~result() {
  if (r_) PQclear(r_);
}
int result::rows() const { return PQntuples(r_); }
std::int64_t result::affected() const {
  const char* n = PQcmdTuples(r_);
  std::int64_t v = 0;
  if (n && *n) std::from_chars(n, n + std::char_traits<char>::length(n), v);
  return v;
}
bool result::is_null(int row, int col) const { return PQgetisnull(r_, row, col) != 0; }
std::string result::text(int row, int col) const {
  return std::string(PQgetvalue(r_, row, col), static_cast<std::size_t>(PQgetlength(r_, row, col)));
}
std::optional<std::string> result::opt_text(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return text(row, col);
}
std::int64_t result::integer(int row, int col) const {
  const char* v = PQgetvalue(r_, row, col);
  std::int64_t out = 0;
  std::from_chars(v, v + PQgetlength(r_, row, col), out);
  return out;
}
std::optional<std::int64_t> result::opt_integer(int row, int col) const {
  if (is_null(row, col)) return std::nullopt;
  return integer(row, col);
}
bool result::boolean(int row, int col) const { return PQgetvalue(r_, row, col)[0] == 't'; }

connection::connection(const std::string& url) {
  // Defaults first: values in the URL override them (expand_dbname).
  const char* keys[] = {"connect_timeout", "application_name", "keepalives_idle", "keepalives_interval",
                        "keepalives_count", "dbname", nullptr};
  const char* values[] = {"5", "mockmate", "30", "10", "3", url.c_str(), nullptr};
  conn_ = PQconnectdbParams(keys, values, 1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    std::string msg = "cannot connect to PostgreSQL: " + trimmed(conn_ ? PQerrorMessage(conn_) : "out of memory");
    PQfinish(conn_);
    conn_ = nullptr;
    throw pg_error(msg, true, "", true);
  }
  exec_script(session_setup);
}

connection::~connection() {
  if (conn_) PQfinish(conn_);
}

void connection::raise(pg_result* r, std::string_view what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string sqlstate = state ? state : "";
  std::string msg = std::string(what) + ": " + trimmed(r ? PQresultErrorMessage(r) : PQerrorMessage(conn_));
  if (r) PQclear(r);
  const bool broken = PQstatus(conn_) != CONNECTION_OK;
  throw pg_error(msg, broken || busy_state(sqlstate), std::move(sqlstate), broken);
}

result connection::exec_params(std::string_view sql, std::span<const param> params) {
  std::vector<Oid> types;
  std::vector<const char*> values;
  types.reserve(params.size());
  values.reserve(params.size());
  for (const auto& p : params) {
    types.push_back(static_cast<Oid>(p.type));
    values.push_back(p.value ? p.value->c_str() : nullptr);
  }
  const std::string text(sql);
  PGresult* r = PQexecParams(conn_, text.c_str(), static_cast<int>(params.size()), types.data(), values.data(),
                             nullptr, nullptr, 0);
  const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) raise(r, "query");
  return result(r);
}

void connection::exec_script(const std::string& sql) {
  PGresult* r = PQexec(conn_, sql.c_str());
  const auto status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) raise(r, "exec");
  PQclear(r);
}

bool connection::reusable() const {
  return conn_ && PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

} // namespace mm::store::postgres
