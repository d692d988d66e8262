// load.hpp: serve-load, many officers deciding real commands on one database at once.
//
// Each client is one connection and one officer of an agency (`--agencies` of them, load_01,
// load_02, ...; with fewer agencies than clients, officers of one agency take turns on its chain).
// Clients work in pairs: the pair's collisions go to the first one's agency, where both act. Each officer walks candidates through seed 000's lifecycle (discover, foster, register,
// review, recognise, commend, replicate, nominate), one command per transaction. Every fifth walk is
// a deliberate collision instead, the two officers of the pair meeting at a barrier and then:
//   - both withdrawing the same candidate at once: one is stored, the other is refused by the
//     library, which finds the candidate withdrawn already;
//   - both submitting the same form (the same idempotency key) at once: it is stored once, the other
//     is refused as a duplicate.
// With --keep-going a command whose connection is lost is sent again, with the same key, once the
// server is back: stored once whether or not the first attempt had committed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <exemplar/exemplar.hpp>

#include "store.hpp"

namespace pg_host {

struct LoadSettings {
  unsigned clients = 16;
  unsigned commands = 2000;
  unsigned agencies = 16;
  std::string ack_log;      ///< when set, a line "agency sequence hash key" per acknowledged command
  bool keep_going = false;  ///< reconnect and resend when the server goes away
};

/// What the run did; the lines say why each collision was refused.
struct LoadReport {
  std::uint64_t commands = 0;  ///< every command sent, stored or refused, each its own transaction
  std::uint64_t stored = 0;
  std::uint64_t collisions = 0;          ///< collisions arranged
  std::uint64_t collisions_refused = 0;  ///< of them, the commands refused
  std::uint64_t unexpected = 0;          ///< walk commands refused, or collisions that did not collide
  std::uint64_t resent = 0;              ///< commands sent again after the server went away
  double seconds = 0.0;
  double p50_ms = 0.0;
  double p99_ms = 0.0;
  std::vector<std::string> why;  ///< why the collisions were refused, one line per reason
  std::vector<std::string> unexpected_lines;
  std::string failure;  ///< a storage failure that stopped the run
};

/// Runs the load; `store` creates the agencies first.
[[nodiscard]] LoadReport serve_load(Store& store, const std::string& url, const Workflow& flow, const LoadSettings& settings,
                                    Lang lang);

}  // namespace pg_host
