// The journal: numbering, the hash chain, replay's checks in a fixed order, and observers.
#include "exemplar/journal.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "detail/binary_reader.hpp"
#include "pipeline.hpp"
#include "exemplar/binary.hpp"

namespace exemplar {

namespace {


constexpr std::array<Label, 2> origin_labels{{
    {"appended", "appended", "vừa ghi"},
    {"replayed", "replayed", "phát lại"},
}};

Refusal invalid(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

/// Why replay stops at the record that should be number `expected`.
tl::unexpected<Refusal> stop(RefusalCode code, std::uint64_t expected, std::string en, std::string vi) {
  return tl::make_unexpected(refuse(code).with_record(expected).with_detail(std::move(en), std::move(vi)));
}

/// The first field of `object` that format `version` does not carry yet holds something other than
/// its default: a value the record's hash cannot cover. Empty when there is none.
template <class T>
std::string_view field_beyond(const T& object, std::uint16_t version) {
  std::string_view found;
  for_each_field(object, [&](const auto& f, const auto& value) {
    if (found.empty() && f.rules.since > version && !(value == T{}.*(f.member))) found = f.label.id;
  });
  return found;
}

/// The hasher's session: the journal's, or the hasher itself when it offers none.
class Session {
 public:
  explicit Session(const Hasher& hasher) : hasher_(&hasher), session_(hasher.session()) {}
  [[nodiscard]] Digest sha256(ByteView bytes) { return session_ ? session_->sha256(bytes) : hasher_->sha256(bytes); }

 private:
  const Hasher* hasher_;
  std::unique_ptr<HashSession> session_;
};

/// Where candidates' entries live in a snapshot's map, by id: one probe of an open-addressing table
/// instead of a walk down a tree of a country's candidates, whatever ids a host picks (database keys
/// are rarely dense). Map nodes never move, so the pointers stay valid while the map lives.
class Index {
 public:
  /// The entry remembered for `id`, or null.
  [[nodiscard]] Snapshot::Entry* find(CandidateId id) const noexcept {
    if (cells_.empty() || !id.valid()) return nullptr;
    for (std::size_t at = home(id);; at = (at + 1) & (cells_.size() - 1)) {
      const Cell& cell = cells_[at];
      if (cell.id == id.value()) return cell.entry;
      if (cell.id == 0) return nullptr;
    }
  }
  /// Remembers where `id`'s entry is.
  void remember(CandidateId id, Snapshot::Entry& entry) {
    if (!id.valid()) return;
    if (2 * (used_ + 1) > cells_.size()) {
      std::vector<Cell> old = std::move(cells_);
      cells_.assign(std::max<std::size_t>(1024, 2 * old.size()), Cell{});
      used_ = 0;
      for (const Cell& cell : old) {
        if (cell.id != 0) insert(cell.id, cell.entry);
      }
    }
    insert(id.value(), &entry);
  }
  void clear() noexcept {
    cells_.clear();
    used_ = 0;
  }

 private:
  struct Cell {
    CandidateId::value_type id = 0;  ///< 0: empty (0 is never a candidate's id)
    Snapshot::Entry* entry = nullptr;
  };
  /// Fibonacci hashing: consecutive ids land far apart, so runs of probes stay short.
  [[nodiscard]] std::size_t home(CandidateId id) const noexcept {
    return static_cast<std::size_t>((std::uint64_t{id.value()} * 0x9E3779B97F4A7C15ULL) >> 32U) & (cells_.size() - 1);
  }
  void insert(CandidateId::value_type id, Snapshot::Entry* entry) noexcept {
    for (std::size_t at = home(CandidateId{id});; at = (at + 1) & (cells_.size() - 1)) {
      Cell& cell = cells_[at];
      if (cell.id == id) {
        cell.entry = entry;
        return;
      }
      if (cell.id == 0) {
        cell = Cell{id, entry};
        ++used_;
        return;
      }
    }
  }

  std::vector<Cell> cells_;  ///< a power of two long, at most half full
  std::size_t used_ = 0;
};

/// Resets a flag however the scope is left.
class FlagGuard {
 public:
  explicit FlagGuard(bool& flag) : flag_(flag) { flag_ = true; }
  FlagGuard(const FlagGuard&) = delete;
  FlagGuard& operator=(const FlagGuard&) = delete;
  ~FlagGuard() { flag_ = false; }

 private:
  bool& flag_;
};

}  // namespace

LabelTable label_table(Origin) noexcept { return LabelTable{origin_labels.data(), origin_labels.size()}; }

bool operator==(const Record& a, const Record& b) noexcept {
  return a.version == b.version && a.sequence == b.sequence && a.candidate_sequence == b.candidate_sequence &&
         a.previous == b.previous && a.hash == b.hash && a.event == b.event;
}

Digest record_hash(const Record& record, const Hasher& hasher) { return hasher.sha256(canonical_bytes(record)); }

const Candidate* Snapshot::find(CandidateId id) const noexcept {
  const auto found = candidates.find(id);
  return found == candidates.end() ? nullptr : &found->second.candidate;
}

struct Journal::Workings {
  explicit Workings(const Hasher& hasher) : session(hasher) {}
  Session session;
  Index index;
  std::vector<std::uint8_t> scratch;  ///< canonical bytes of the record being hashed, reused
  Record decoded;                     ///< the blob replay_binary() is reading, reused
};

void Journal::WorkingsDeleter::operator()(Workings* workings) const noexcept { delete workings; }

Journal::Journal(const Workflow& workflow, const Hasher& hasher) : Journal(workflow, Snapshot{}, hasher) {}

Journal::Journal(const Workflow& workflow, Snapshot start, const Hasher& hasher)
    : workflow_(&workflow), hasher_(&hasher), state_(std::move(start)), workings_(new Workings(hasher)) {}

Journal::Journal(const Journal& other)
    : workflow_(other.workflow_), hasher_(other.hasher_), state_(other.state_), workings_(new Workings(*other.hasher_)),
      observers_(other.observers_) {}

Journal::Journal(Journal&& other) noexcept = default;

Journal& Journal::operator=(const Journal& other) {
  if (this != &other) *this = Journal(other);
  return *this;
}

Journal& Journal::operator=(Journal&& other) noexcept = default;

Journal::~Journal() = default;

const Candidate* Journal::find(CandidateId id) const noexcept {
  if (const Snapshot::Entry* entry = workings_->index.find(id)) return &entry->candidate;
  return state_.find(id);
}

Snapshot Journal::release() && noexcept {
  workings_->index.clear();
  return std::move(state_);
}

tl::expected<Candidate, Refusal> Journal::seal(const Event& event, const Snapshot::Entry* entry, Record& record) const {
  // The event's values first, as replay checks them: an unknown role would otherwise be refused by
  // the authority check, which runs before the arguments check, as a role that lacks the right.
  if (auto malformed = detail::malformed(event, journal_format_version)) return tl::make_unexpected(std::move(*malformed));
  // Workflow::apply walks the pipeline over the stored event, its arguments check included: every
  // value a record's binary and JSON forms must carry is checked there.
  auto after = workflow_->apply(entry ? entry->candidate : Candidate{}, event);
  if (!after) return tl::make_unexpected(std::move(after.error()));
  if (state_.sequence == std::numeric_limits<std::uint64_t>::max() ||
      (entry && entry->candidate_sequence == std::numeric_limits<std::uint32_t>::max())) {
    return tl::make_unexpected(invalid("sequence", "the journal has no more record numbers", "nhật ký đã hết số thứ tự"));
  }
  record.sequence = state_.sequence + 1;
  record.candidate_sequence = entry ? entry->candidate_sequence + 1 : 1;
  record.previous = state_.hash;
  record.event = event;
  return after;
}

tl::expected<Record, Refusal> Journal::prepare(const Event& event) const {
  Record record;
  const auto entry = state_.candidates.find(event.candidate);
  auto after = seal(event, entry == state_.candidates.end() ? nullptr : &entry->second, record);
  if (!after) return tl::make_unexpected(std::move(after.error()));
  record.hash = record_hash(record, *hasher_);
  return record;
}

tl::expected<Record, Refusal> Journal::append(const Event& event) {
  if (auto free = not_while_notifying(); !free) return tl::make_unexpected(std::move(free.error()));
  const Place place = locate(event.candidate);
  Record record;
  auto after = seal(event, place.entry, record);
  if (!after) return tl::make_unexpected(std::move(after.error()));
  workings_->scratch.clear();
  append_canonical_bytes(record, workings_->scratch);
  record.hash = workings_->session.sha256(workings_->scratch);
  // seal() ran every check replay would run on this record, against this very state.
  install(record, place, std::move(*after), Origin::appended);
  return record;
}

tl::expected<void, Refusal> Journal::commit(const Record& record) {
  if (auto free = not_while_notifying(); !free) return free;
  return apply(record, ByteView{}, Origin::appended);
}

tl::expected<void, Refusal> Journal::replay(const Record& record) {
  if (auto free = not_while_notifying(); !free) return free;
  return apply(record, ByteView{}, Origin::replayed);
}

tl::expected<void, Refusal> Journal::replay_binary(ByteView blob) {
  if (auto free = not_while_notifying(); !free) return free;
  Record& decoded = workings_->decoded;
  if (auto problem = detail::read_record(blob, decoded)) {
    problem->record = state_.sequence + 1;
    return tl::make_unexpected(std::move(*problem));
  }
  // The reader refuses every byte sequence a writer could not have produced (a non-canonical
  // date, boolean, enumerator, flag, length or trailing byte), so reading is one-to-one: the
  // blob's bytes before its hash are exactly canonical_bytes(decoded), and hashing them checks
  // the very bytes replay(record) would hash, without encoding the record again.
  return apply(decoded, ByteView{blob.data(), blob.size() - decoded.hash.size()}, Origin::replayed);
}

tl::expected<void, Refusal> Journal::apply(const Record& record, ByteView canonical, Origin origin) {
  const std::uint64_t expected = state_.sequence + 1;
  // The checks run in this order; docs/journal.md lists it.
  if (record.version == 0 || record.version > journal_format_version) {
    return stop(RefusalCode::record_unknown_version, expected,
                fmt::format("format version {} is not one this library reads (1 to {})", record.version, journal_format_version),
                fmt::format("phiên bản định dạng {} không đọc được (từ 1 đến {})", record.version, journal_format_version));
  }
  if (record.event.data.valueless_by_exception()) {
    return stop(RefusalCode::record_unknown_kind, expected, "the event has no kind", "sự kiện không có loại");
  }
  if (introduced_in(record.event.kind()) > record.version) {
    return stop(RefusalCode::record_unknown_kind, expected,
                fmt::format("format version {} has no '{}' events (they came with version {})", record.version,
                            identifier(record.event.kind()), introduced_in(record.event.kind())),
                fmt::format("định dạng phiên bản {} không có sự kiện «{}» (có từ phiên bản {})", record.version,
                            label(record.event.kind(), Lang::vi), introduced_in(record.event.kind())));
  }
  if (record.sequence == 0) {
    return stop(RefusalCode::record_malformed, expected, "record numbers start at 1", "số thứ tự bắt đầu từ 1");
  }
  if (record.sequence > expected) {
    return stop(RefusalCode::record_gap, expected, fmt::format("record {} comes where record {} should be", record.sequence, expected),
                fmt::format("bản ghi số {} nằm ở vị trí của bản ghi số {}", record.sequence, expected));
  }
  if (record.sequence == state_.sequence) {
    return stop(RefusalCode::record_duplicate, expected, fmt::format("record {} appears again", record.sequence),
                fmt::format("bản ghi số {} xuất hiện lại", record.sequence));
  }
  if (record.sequence < expected) {
    return stop(RefusalCode::record_out_of_order, expected,
                fmt::format("record {} comes after record {}", record.sequence, state_.sequence),
                fmt::format("bản ghi số {} nằm sau bản ghi số {}", record.sequence, state_.sequence));
  }
  // The event's values before its bytes: a record whose fields the binary form cannot carry is
  // refused here rather than encoded.
  if (auto malformed = detail::malformed(record.event, record.version)) {
    malformed->record = expected;
    return tl::make_unexpected(std::move(*malformed));
  }
  // A record of an older format holds only that format's fields: its hash covers nothing else.
  if (record.version < journal_format_version) {
    std::string subject;
    if (const auto field = field_beyond(record.event, record.version); !field.empty()) {
      subject = fmt::format("event.{}", field);
    } else {
      std::visit([&](const auto& data) {
        if (const auto inner = field_beyond(data, record.version); !inner.empty()) {
          subject = fmt::format("event.{}.{}", identifier(record.event.kind()), inner);
        }
      }, record.event.data);
    }
    if (!subject.empty()) {
      return tl::make_unexpected(refuse(RefusalCode::record_malformed)
                                     .with_record(expected)
                                     .with_subject(subject)
                                     .with_detail(fmt::format("format {} has no field {}", record.version, subject),
                                                  fmt::format("định dạng {} không có trường {}", record.version, subject)));
    }
  }
  if (canonical.empty()) {
    workings_->scratch.clear();
    append_canonical_bytes(record, workings_->scratch);
    canonical = ByteView{workings_->scratch};
  }
  if (workings_->session.sha256(canonical) != record.hash) {
    return stop(RefusalCode::record_edited, expected, "its hash does not match its content", "mã băm không khớp với nội dung");
  }
  if (record.previous != state_.hash) {
    return stop(RefusalCode::record_chain_broken, expected, "its previous-record hash is not the hash of the record before it",
                "mã băm bản ghi trước không khớp với bản ghi liền trước");
  }
  const Place place = locate(record.event.candidate);
  const std::uint64_t next_for_candidate = place.entry ? std::uint64_t{place.entry->candidate_sequence} + 1 : 1;
  if (record.candidate_sequence != next_for_candidate) {
    return stop(RefusalCode::record_candidate_sequence, expected,
                fmt::format("it is the candidate's record {}, not {}", next_for_candidate, record.candidate_sequence),
                fmt::format("đây là bản ghi thứ {} của ứng viên, không phải {}", next_for_candidate, record.candidate_sequence));
  }
  auto after = workflow_->apply(place.entry ? place.entry->candidate : Candidate{}, record.event, record.version);
  if (!after) {
    Refusal refusal = std::move(after.error());
    refusal.record = expected;
    return tl::make_unexpected(std::move(refusal));
  }
  install(record, place, std::move(*after), origin);
  return {};
}

Journal::Place Journal::locate(CandidateId id) {
  if (Snapshot::Entry* entry = workings_->index.find(id)) return Place{entry, state_.candidates.end()};
  // One walk down the tree finds the candidate, or where a new one goes.
  const Slot slot = state_.candidates.lower_bound(id);
  if (slot == state_.candidates.end() || slot->first != id) return Place{nullptr, slot};
  workings_->index.remember(id, slot->second);
  return Place{&slot->second, slot};
}

void Journal::install(const Record& record, Place place, Candidate after, Origin origin) {
  // Every check has passed: the state changes in full, and only then do observers hear of it.
  if (!place.entry) {
    const CandidateId id = record.event.candidate;
    place.entry = &state_.candidates.emplace_hint(place.hint, id, Snapshot::Entry{})->second;
    workings_->index.remember(id, *place.entry);
  }
  Snapshot::Entry& entry = *place.entry;
  // Only observers need the state before; a replay of millions without them copies nothing.
  const bool told = !observers_.empty();
  const Candidate before = told ? entry.candidate : Candidate{};
  entry.candidate = std::move(after);
  entry.candidate_sequence = record.candidate_sequence;
  state_.sequence = record.sequence;
  state_.hash = record.hash;
  if (told) notify(Change{record, before, entry.candidate, origin});
}

void Journal::notify(const Change& change) {
  const FlagGuard guard{notifying_};
  for (Observer* observer : observers_) {
    std::string what;
    try {
      observer->on_applied(change);
      continue;
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
      what = "unknown exception";
    }
    failures_.push_back(ObserverFailure{change.record.sequence, observer, std::move(what)});
  }
}

tl::expected<void, Refusal> Journal::not_while_notifying() const {
  if (!notifying_) return {};
  return tl::make_unexpected(refuse(RefusalCode::journal_busy).with_record(state_.sequence));
}

tl::expected<void, Refusal> Journal::subscribe(Observer& observer) {
  if (auto free = not_while_notifying(); !free) return free;
  observers_.push_back(&observer);
  return {};
}

tl::expected<void, Refusal> Journal::unsubscribe(const Observer& observer) {
  if (auto free = not_while_notifying(); !free) return free;
  observers_.erase(std::remove(observers_.begin(), observers_.end(), &observer), observers_.end());
  return {};
}

std::vector<ObserverFailure> Journal::take_observer_failures() { return std::exchange(failures_, {}); }

namespace detail {

Refusal reordered(Refusal gap, std::uint64_t found) {
  gap.code = RefusalCode::record_out_of_order;
  gap.detail = Text{fmt::format("record {} comes before record {}", found, *gap.record),
                    fmt::format("bản ghi số {} nằm trước bản ghi số {}", found, *gap.record)};
  return gap;
}

}  // namespace detail

tl::expected<Snapshot, Refusal> replay(const Snapshot& from, const std::vector<Record>& later, const Workflow& workflow,
                                       const Hasher& hasher) {
  Journal journal{workflow, from, hasher};
  for (std::size_t i = 0; i < later.size(); ++i) {
    auto applied = journal.replay(later[i]);
    if (applied) continue;
    Refusal error = std::move(applied.error());
    if (error.code == RefusalCode::record_gap) {
      // The whole journal is at hand: if the missing record comes later, the records were reordered.
      const auto comes_later = std::any_of(later.begin() + static_cast<std::ptrdiff_t>(i) + 1, later.end(),
                                           [&](const Record& r) { return r.sequence == *error.record; });
      if (comes_later) error = detail::reordered(std::move(error), later[i].sequence);
    }
    return tl::make_unexpected(std::move(error));
  }
  return std::move(journal).release();
}

tl::expected<Snapshot, Refusal> replay(const std::vector<Record>& records, const Workflow& workflow, const Hasher& hasher) {
  return replay(Snapshot{}, records, workflow, hasher);
}

}  // namespace exemplar
