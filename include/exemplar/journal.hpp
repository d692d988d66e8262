// exemplar/journal.hpp: the events a host stores, chained by hashes, and replayed to the same state.
//
//   Digest, ByteView, to_hex(digest), parse_digest(hex)   32-byte SHA-256 values and byte ranges
//   Hasher, OpenSslHasher, default_hasher()             SHA-256 behind an interface a host may replace
//   HashSession, hasher.session()                       the same hashes, set up once per journal
//   Record { version, sequence, candidate_sequence, previous, event, hash }
//   canonical_bytes(record), record_hash(record)       what the hash covers, and the hash itself
//   append_canonical_bytes(record, out)                the same bytes into a buffer the host reuses
//   Snapshot { sequence, hash, candidates }            every candidate's state at one record
//   Observer, Change, ObserverFailure                  the host hears of every applied event
//   Journal                                            prepare / append / commit / replay one record;
//                                                      replay_binary(blob) reads and replays a stored blob
//   replay(records, workflow), replay(snapshot, later, workflow)
//
// The decider (lifecycle.hpp) says what happened; the journal numbers it, chains it to the record
// before by SHA-256 and keeps every candidate's state, so that a host can store records anywhere and
// get the very same state back, and an edited, dropped or reordered record is found on replay.
// A broken journal is expected input: every problem is a Refusal with a record_* code and `record`
// set to the place where the journal stops being trustworthy, never an exception.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "ids.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "refusal.hpp"

namespace exemplar {

/// A SHA-256 digest. All zeros stands for "no record": the previous hash of the first record.
using Digest = std::array<std::uint8_t, 32>;

/// A read-only view of bytes (std::span is C++20; the library's floor is C++17).
class ByteView {
 public:
  constexpr ByteView() noexcept = default;
  constexpr ByteView(const std::uint8_t* data, std::size_t size) noexcept : data_(data), size_(size) {}
  /// Views a whole buffer; the buffer must outlive the view. Implicit, so a blob passes as it is.
  ByteView(const std::vector<std::uint8_t>& bytes) noexcept : data_(bytes.data()), size_(bytes.size()) {}

  [[nodiscard]] constexpr const std::uint8_t* data() const noexcept { return data_; }
  [[nodiscard]] constexpr std::size_t size() const noexcept { return size_; }
  [[nodiscard]] constexpr bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] constexpr const std::uint8_t* begin() const noexcept { return data_; }
  [[nodiscard]] constexpr const std::uint8_t* end() const noexcept { return data_ + size_; }

 private:
  const std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

/// A digest as 64 lowercase hexadecimal digits, the way JSON documents and logs carry it.
[[nodiscard]] std::string to_hex(const Digest& digest);
/// The digest written by to_hex (either case); nullopt for anything that is not 64 hex digits.
[[nodiscard]] std::optional<Digest> parse_digest(std::string_view hex) noexcept;

/// A hasher's working state for one user at a time (one Journal, one replay): the very digests
/// its Hasher's sha256 gives, without setting the hash function up again for every record.
/// Not safe to use from several threads at once; a Journal keeps its own.
class HashSession {
 public:
  HashSession() = default;
  HashSession(const HashSession&) = default;
  HashSession& operator=(const HashSession&) = default;
  virtual ~HashSession() = default;

  /// The 32-byte digest of `bytes`: always equal to the hasher's sha256(bytes).
  [[nodiscard]] virtual Digest sha256(ByteView bytes) = 0;
};

/// Where the journal's hashes come from. A host may supply its own: a hardware module, or a keyed
/// HMAC-SHA-256 so that someone who edits the journal cannot recompute the chain without the key.
/// Implementations must be deterministic and safe to call from several threads at once.
class Hasher {
 public:
  Hasher() = default;
  Hasher(const Hasher&) = default;
  Hasher& operator=(const Hasher&) = default;
  virtual ~Hasher() = default;

  /// The 32-byte digest of `bytes`.
  [[nodiscard]] virtual Digest sha256(ByteView bytes) const = 0;

  /// A session for one thread, which the journal uses for every record it appends or replays. The
  /// default calls sha256() for each record, so a host's hasher needs nothing more; a hasher with
  /// setup per call overrides it to do the setup once. The hasher must outlive the session.
  [[nodiscard]] virtual std::unique_ptr<HashSession> session() const;
};

/// SHA-256 from OpenSSL's libcrypto (EVP_Digest, which uses the CPU's SHA instructions when present).
/// Throws std::runtime_error only if libcrypto itself fails, which is not a property of the input.
class OpenSslHasher final : public Hasher {
 public:
  /// Fetches OpenSSL's SHA-256 once: looking it up on every call cost more than the hashing.
  OpenSslHasher();
  [[nodiscard]] Digest sha256(ByteView bytes) const override;
  /// Keeps one OpenSSL digest context for all its records: allocating and freeing one per record,
  /// as the stateless sha256() must, cost about as much as hashing a record.
  [[nodiscard]] std::unique_ptr<HashSession> session() const override;

 private:
  std::shared_ptr<void> algorithm_;  ///< the fetched EVP_MD, shared by copies; read-only after construction
};

/// The library's default hasher, an immutable OpenSslHasher shared by every caller.
[[nodiscard]] const Hasher& default_hasher() noexcept;

/// One stored step: an event (lifecycle.hpp: candidate, actor, role, date, data, flags) with its
/// place in the journal and the hash chain that makes edits visible.
struct Record {
  std::uint16_t version = journal_format_version;  ///< the format it was written in; the hash covers it
  std::uint64_t sequence = 0;            ///< its place in the whole journal: 1, 2, 3, ... with no gaps
  std::uint32_t candidate_sequence = 0;  ///< its place among its candidate's records: 1, 2, 3, ...
  Digest previous{};                     ///< the hash of record `sequence - 1`; zeros for the first
  Event event;
  Digest hash{};                         ///< record_hash() of everything above

  friend bool operator==(const Record& a, const Record& b) noexcept;
  friend bool operator!=(const Record& a, const Record& b) noexcept { return !(a == b); }
};

/// The bytes the hash covers: the record's binary form (binary.hpp) without its final 32-byte hash,
/// so the canonical encoding and the stored binary form can never drift apart. See docs/journal.md.
[[nodiscard]] std::vector<std::uint8_t> canonical_bytes(const Record& record);
/// Appends canonical_bytes(record) to `out`: a host (or the journal) that hashes many records reuses
/// one buffer instead of allocating one per record.
void append_canonical_bytes(const Record& record, std::vector<std::uint8_t>& out);
/// The hash a record must carry: hasher.sha256(canonical_bytes(record)).
[[nodiscard]] Digest record_hash(const Record& record, const Hasher& hasher = default_hasher());

/// Every candidate's state after a given record: what a host stores to restart without replaying
/// everything. Replaying the later records from a snapshot gives the same state as replaying from
/// the first record.
struct Snapshot {
  /// One candidate's state and how many records it has had (its last record's candidate_sequence).
  struct Entry {
    Candidate candidate;
    std::uint32_t candidate_sequence = 0;

    friend bool operator==(const Entry& a, const Entry& b) noexcept {
      return a.candidate == b.candidate && a.candidate_sequence == b.candidate_sequence;
    }
    friend bool operator!=(const Entry& a, const Entry& b) noexcept { return !(a == b); }
  };

  std::uint64_t sequence = 0;  ///< the last record it includes; 0 before the first record
  Digest hash{};               ///< that record's hash; zeros before the first record
  std::map<CandidateId, Entry> candidates;  ///< ordered by id, so documents come out the same every time

  /// The candidate's state, or null when no record has named it.
  [[nodiscard]] const Candidate* find(CandidateId id) const noexcept;

  friend bool operator==(const Snapshot& a, const Snapshot& b) noexcept {
    return a.sequence == b.sequence && a.hash == b.hash && a.candidates == b.candidates;
  }
  friend bool operator!=(const Snapshot& a, const Snapshot& b) noexcept { return !(a == b); }
};

/// How a record reached the journal: appended now, or replayed from storage. An observer that sends
/// notifications ignores replayed records; one that maintains a read model takes both.
enum class Origin : std::uint8_t { appended, replayed };
[[nodiscard]] LabelTable label_table(Origin) noexcept;

/// One applied record, as observers see it. The references are valid only during the call.
struct Change {
  const Record& record;
  const Candidate& before;  ///< Candidate{} for the candidate's first record
  const Candidate& after;
  Origin origin;
};

/// Told of every record the journal applies, after the journal's state already includes it.
/// The library does not know or care what an observer does with it.
class Observer {
 public:
  Observer() = default;
  Observer(const Observer&) = default;
  Observer& operator=(const Observer&) = default;
  virtual ~Observer() = default;

  /// Called once per applied record, after the journal's state includes it. May throw: see Journal.
  virtual void on_applied(const Change& change) = 0;
};

/// An observer made from a function, for hosts that need no class of their own.
class FunctionObserver final : public Observer {
 public:
  explicit FunctionObserver(std::function<void(const Change&)> function) : function_(std::move(function)) {}
  void on_applied(const Change& change) override {
    if (function_) function_(change);
  }

 private:
  std::function<void(const Change&)> function_;
};

/// An exception an observer threw, caught by the journal and kept for the host to read.
struct ObserverFailure {
  std::uint64_t sequence = 0;         ///< the record being announced
  const Observer* observer = nullptr;  ///< who threw
  std::string what;                   ///< what() of a std::exception; "unknown exception" otherwise
};

/// A journal being written or replayed: the state after the last applied record, the number and
/// hash the next record must follow, and the host's observers.
///
/// The observer promise: a record is applied in full (candidate, counts, sequence, head hash) before
/// any observer hears of it; observers are called in subscription order; an exception from one is
/// caught, kept as an ObserverFailure and does not stop the others, undo the record or reach the
/// caller. An observer must not change the journal it is told about: append, commit, replay,
/// subscribe and unsubscribe called from inside an observer are refused (journal_busy).
///
/// Not safe to change from several threads at once; the Workflow and Hasher must outlive it.
class Journal {
 public:
  /// An empty journal: the first record will be number 1.
  explicit Journal(const Workflow& workflow, const Hasher& hasher = default_hasher());
  /// A journal that continues from a snapshot.
  Journal(const Workflow& workflow, Snapshot start, const Hasher& hasher = default_hasher());
  /// The journal keeps references: a temporary Workflow or Hasher would dangle, so they do not compile.
  Journal(const Workflow&& workflow, const Hasher& hasher = default_hasher()) = delete;
  Journal(const Workflow&& workflow, Snapshot start, const Hasher& hasher = default_hasher()) = delete;
  Journal(const Workflow& workflow, const Hasher&& hasher) = delete;
  Journal(const Workflow& workflow, Snapshot start, const Hasher&& hasher) = delete;

  /// The record that appending `event` would produce, or why the event cannot be appended (what
  /// Workflow::apply refuses, an unknown role or flag, text a stored record could not carry).
  /// Changes nothing: a host stores the record first, then commits it.
  [[nodiscard]] tl::expected<Record, Refusal> prepare(const Event& event) const;

  /// Prepares and commits in one step; returns the record for the host to store.
  [[nodiscard]] tl::expected<Record, Refusal> append(const Event& event);

  /// Applies a record prepare() made (after the host stored it); observers hear Origin::appended.
  [[nodiscard]] tl::expected<void, Refusal> commit(const Record& record);

  /// Applies a stored record after checking its number, hashes and event; observers hear
  /// Origin::replayed. On an error nothing changes, and the refusal's `record` is the number the
  /// next good record must have.
  [[nodiscard]] tl::expected<void, Refusal> replay(const Record& record);

  /// Reads one stored record blob (binary.hpp) and replays it with the same checks, in the same
  /// order, as replay(record_from_binary(blob)); a blob that cannot be read stops here with
  /// `record` set to the number the next record must have. Faster, for hosts that replay millions:
  /// the hash covers the blob's own bytes, which the strict reader guarantees are exactly the
  /// record's canonical bytes, so nothing is encoded again, and the decoded record is reused.
  [[nodiscard]] tl::expected<void, Refusal> replay_binary(ByteView blob);

  /// The state after the last applied record; copy it to store a snapshot.
  [[nodiscard]] const Snapshot& snapshot() const noexcept { return state_; }
  /// The last applied record's number (0 when none).
  [[nodiscard]] std::uint64_t sequence() const noexcept { return state_.sequence; }
  /// The last applied record's hash: a host may keep it apart from the journal to anchor the chain.
  [[nodiscard]] const Digest& head() const noexcept { return state_.hash; }
  /// A candidate's state, or null when no record has named it.
  /// The pointer stays valid, and shows the candidate's state after each later record, for as long
  /// as the journal lives (until release()): a host may keep it instead of looking it up again.
  [[nodiscard]] const Candidate* find(CandidateId id) const noexcept;
  /// Hands the state over without copying it (every candidate of a country), ending the journal's use.
  [[nodiscard]] Snapshot release() && noexcept;

  /// Adds an observer; it must outlive the journal or be unsubscribed first.
  [[nodiscard]] tl::expected<void, Refusal> subscribe(Observer& observer);
  /// Removes an observer; does nothing if it was not subscribed.
  [[nodiscard]] tl::expected<void, Refusal> unsubscribe(const Observer& observer);
  /// The observer failures since the last call, oldest first.
  [[nodiscard]] std::vector<ObserverFailure> take_observer_failures();

 private:
  using Slot = std::map<CandidateId, Snapshot::Entry>::iterator;
  /// The journal's working state: its hasher's session, its index of candidates, its buffers.
  /// Each journal has its own; a copy starts a fresh one.
  struct Workings;
  struct WorkingsDeleter {
    void operator()(Workings* workings) const noexcept;
  };

  /// A candidate's entry, or null with `hint` where a new one goes.
  struct Place {
    Snapshot::Entry* entry = nullptr;
    Slot hint;
  };
  [[nodiscard]] Place locate(CandidateId id);

  /// Fills in `record` for `event` after `entry` (null for a candidate with no record yet), all but
  /// its hash, and returns the candidate after it. The caller hashes: prepare() with the hasher
  /// itself, since it is const and may run on several threads; append() with the journal's session.
  [[nodiscard]] tl::expected<Candidate, Refusal> seal(const Event& event, const Snapshot::Entry* entry,
                                                      Record& record) const;
  [[nodiscard]] tl::expected<void, Refusal> apply(const Record& record, ByteView canonical, Origin origin);
  void install(const Record& record, Place place, Candidate after, Origin origin);
  void notify(const Change& change);
  [[nodiscard]] tl::expected<void, Refusal> not_while_notifying() const;

  const Workflow* workflow_;
  const Hasher* hasher_;
  Snapshot state_;
  std::unique_ptr<Workings, WorkingsDeleter> workings_;
  std::vector<Observer*> observers_;
  std::vector<ObserverFailure> failures_;
  bool notifying_ = false;

 public:
  Journal(const Journal& other);
  Journal(Journal&& other) noexcept;
  Journal& operator=(const Journal& other);
  Journal& operator=(Journal&& other) noexcept;
  ~Journal();
};

/// Rebuilds every candidate's state from a whole journal, checking each record; stops at the first
/// bad one. When a record's number is too high and the expected one comes later, the problem is
/// record_out_of_order rather than record_gap.
[[nodiscard]] tl::expected<Snapshot, Refusal> replay(const std::vector<Record>& records, const Workflow& workflow,
                                                          const Hasher& hasher = default_hasher());
/// The same, continuing from a snapshot with the records after it.
[[nodiscard]] tl::expected<Snapshot, Refusal> replay(const Snapshot& from, const std::vector<Record>& later,
                                                          const Workflow& workflow,
                                                          const Hasher& hasher = default_hasher());

}  // namespace exemplar
