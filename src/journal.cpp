// The journal: numbering, the hash chain, replay's checks in a fixed order, and observers.
#include "exemplar/journal.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <limits>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "exemplar/detail/text.hpp"

namespace exemplar {

namespace {

constexpr std::array<Label, journal_problem_count> journal_problem_labels{{
    {"gap", "a record is missing", "thiếu bản ghi"},
    {"duplicate", "a record is repeated", "bản ghi bị lặp"},
    {"out_of_order", "records are out of order", "bản ghi sai thứ tự"},
    {"edited", "the record was edited", "bản ghi đã bị sửa"},
    {"broken_chain", "the chain of hashes is broken", "chuỗi mã băm bị đứt"},
    {"candidate_sequence", "the candidate's record number is wrong", "số thứ tự bản ghi của ứng viên sai"},
    {"refused", "the event is not allowed", "sự kiện không được phép"},
    {"unknown_kind", "unknown event kind", "loại sự kiện không xác định"},
    {"unknown_version", "unknown format version", "phiên bản định dạng không xác định"},
    {"malformed", "the record cannot be read", "không đọc được bản ghi"},
}};

constexpr std::array<Label, 2> origin_labels{{
    {"appended", "appended", "vừa ghi"},
    {"replayed", "replayed", "phát lại"},
}};

template <class A, class B>
bool same(const A&, const B&) noexcept {
  return false;
}
bool same(const events::Discovered& a, const events::Discovered& b) noexcept {
  return a.subject == b.subject && a.unit == b.unit && a.position == b.position && a.field == b.field &&
         a.level == b.level && a.description == b.description;
}
bool same(const events::Fostered& a, const events::Fostered& b) noexcept { return a.mentor == b.mentor; }
bool same(const events::Registered& a, const events::Registered& b) noexcept {
  return a.year == b.year && a.dossier == b.dossier;
}
bool same(const events::Reviewed& a, const events::Reviewed& b) noexcept {
  return a.members == b.members && a.present == b.present && a.votes_for == b.votes_for &&
         a.votes_against == b.votes_against && a.proposed == b.proposed;
}
bool same(const events::Recognized& a, const events::Recognized& b) noexcept {
  return a.decision_number == b.decision_number && a.decision_date == b.decision_date;
}
bool same(const events::Commended& a, const events::Commended& b) noexcept { return a.award == b.award; }
bool same(const events::Replicated& a, const events::Replicated& b) noexcept {
  return a.activity == b.activity && a.note == b.note;
}
bool same(const events::Nominated& a, const events::Nominated& b) noexcept { return a.from == b.from && a.to == b.to; }
bool same(const events::Withdrawn& a, const events::Withdrawn& b) noexcept { return a.reason == b.reason; }
bool same(const events::Rejected& a, const events::Rejected& b) noexcept { return a.reason == b.reason; }
bool same(const events::Disqualified& a, const events::Disqualified& b) noexcept { return a.reason == b.reason; }
bool same(const events::Revoked& a, const events::Revoked& b) noexcept { return a.reason == b.reason; }

bool same_event(const Event& a, const Event& b) noexcept {
  if (a.candidate != b.candidate || a.actor != b.actor || a.role != b.role || a.date != b.date ||
      a.flags != b.flags || a.data.index() != b.data.index() || a.data.valueless_by_exception()) {
    return false;
  }
  return std::visit([](const auto& x, const auto& y) { return same(x, y); }, a.data, b.data);
}

Refusal invalid(std::string subject, std::string en, std::string vi) {
  return refuse(RefusalCode::invalid_argument).with_subject(std::move(subject)).with_detail(std::move(en), std::move(vi));
}

std::optional<Refusal> check_text(std::string_view text, const char* subject) {
  if (text.size() > detail::max_text_bytes) return invalid(subject, "it is longer than 4096 bytes", "dài quá 4096 byte");
  if (!detail::is_valid_utf8(text)) return invalid(subject, "it is not valid UTF-8 text", "không phải văn bản UTF-8 hợp lệ");
  return std::nullopt;
}

/// What a stored record must satisfy beyond Workflow::apply's checks: everything its binary and
/// JSON forms can carry, so that a record the journal accepts can always be written and read back.
std::optional<Refusal> check_storable(const Event& event) {
  if (event.data.valueless_by_exception()) return invalid("event", "the event has no data", "sự kiện không có dữ liệu");
  if (!is_known(event.role)) return invalid("role", "the role is not one the library knows", "vai trò không xác định");
  if ((event.flags >> step_flag_count) != 0) return invalid("flags", "a flag is not one the library knows", "cờ không xác định");
  if (const auto* e = std::get_if<events::Discovered>(&event.data)) return check_text(e->description, "description");
  if (const auto* e = std::get_if<events::Registered>(&event.data)) return check_text(e->dossier, "dossier");
  if (const auto* e = std::get_if<events::Replicated>(&event.data)) return check_text(e->note, "note");
  if (const auto* e = std::get_if<events::Withdrawn>(&event.data)) return check_text(e->reason, "reason");
  if (const auto* e = std::get_if<events::Rejected>(&event.data)) return check_text(e->reason, "reason");
  if (const auto* e = std::get_if<events::Disqualified>(&event.data)) return check_text(e->reason, "reason");
  if (const auto* e = std::get_if<events::Revoked>(&event.data)) return check_text(e->reason, "reason");
  if (const auto* e = std::get_if<events::Recognized>(&event.data)) {
    if (e->decision_number.empty()) return invalid("decision number", "it must not be empty", "không được để trống");
    if (e->decision_date.is_special()) return refuse(RefusalCode::invalid_date).with_subject("decision date");
  }
  return std::nullopt;
}

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

LabelTable label_table(JournalProblem) noexcept {
  return LabelTable{journal_problem_labels.data(), journal_problem_labels.size()};
}

LabelTable label_table(Origin) noexcept { return LabelTable{origin_labels.data(), origin_labels.size()}; }

bool operator==(const Record& a, const Record& b) noexcept {
  return a.version == b.version && a.sequence == b.sequence && a.candidate_sequence == b.candidate_sequence &&
         a.previous == b.previous && a.hash == b.hash && same_event(a.event, b.event);
}

Digest record_hash(const Record& record, const Hasher& hasher) { return hasher.sha256(canonical_bytes(record)); }

const Candidate* Snapshot::find(CandidateId id) const noexcept {
  const auto found = candidates.find(id);
  return found == candidates.end() ? nullptr : &found->second.candidate;
}

std::string JournalError::message(Lang lang) const {
  if (lang == Lang::vi) {
    return fmt::format("Bản ghi nhật ký số {} ({}): {}", sequence, label(problem, lang), refusal.message(lang));
  }
  return fmt::format("Journal record {} ({}): {}", sequence, label(problem, lang), refusal.message(lang));
}

Journal::Journal(const Workflow& workflow, const Hasher& hasher) : Journal(workflow, Snapshot{}, hasher) {}

Journal::Journal(const Workflow& workflow, Snapshot start, const Hasher& hasher)
    : workflow_(&workflow), hasher_(&hasher), state_(std::move(start)), session_(hasher) {}

tl::expected<Candidate, Refusal> Journal::seal(const Event& event, const Snapshot::Entry* entry, Record& record) const {
  if (auto bad = check_storable(event)) return tl::make_unexpected(std::move(*bad));
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
  ensure_not_notifying("append");
  const Place place = locate(event.candidate);
  Record record;
  auto after = seal(event, place.entry, record);
  if (!after) return tl::make_unexpected(std::move(after.error()));
  scratch_.clear();
  append_canonical_bytes(record, scratch_);
  record.hash = session_.sha256(scratch_);
  // seal() ran every check replay would run on this record, against this very state.
  install(record, place, std::move(*after), Origin::appended);
  return record;
}

tl::expected<void, JournalError> Journal::commit(const Record& record) {
  ensure_not_notifying("commit");
  return apply(record, ByteView{}, Origin::appended);
}

tl::expected<void, JournalError> Journal::replay(const Record& record) {
  ensure_not_notifying("replay");
  return apply(record, ByteView{}, Origin::replayed);
}

tl::expected<void, JournalError> Journal::apply(const Record& record, ByteView canonical, Origin origin) {
  const std::uint64_t expected = state_.sequence + 1;
  auto stop = [&](JournalProblem problem, std::string en, std::string vi) {
    return tl::make_unexpected(JournalError{problem, expected, record.sequence,
                                            invalid(fmt::format("record {}", expected), std::move(en), std::move(vi))});
  };

  // The checks run in this order; docs/journal.md lists it.
  if (record.version == 0 || record.version > journal_format_version) {
    return stop(JournalProblem::unknown_version,
                fmt::format("format version {} is not one this library reads (1 to {})", record.version, journal_format_version),
                fmt::format("phiên bản định dạng {} không đọc được (từ 1 đến {})", record.version, journal_format_version));
  }
  if (record.event.data.valueless_by_exception()) {
    return stop(JournalProblem::unknown_kind, "the event has no kind", "sự kiện không có loại");
  }
  if (record.sequence == 0) return stop(JournalProblem::malformed, "record numbers start at 1", "số thứ tự bắt đầu từ 1");
  if (record.sequence > expected) {
    return stop(JournalProblem::gap, fmt::format("record {} comes where record {} should be", record.sequence, expected),
                fmt::format("bản ghi số {} nằm ở vị trí của bản ghi số {}", record.sequence, expected));
  }
  if (record.sequence == state_.sequence) {
    return stop(JournalProblem::duplicate, fmt::format("record {} appears again", record.sequence),
                fmt::format("bản ghi số {} xuất hiện lại", record.sequence));
  }
  if (record.sequence < expected) {
    return stop(JournalProblem::out_of_order, fmt::format("record {} comes after record {}", record.sequence, state_.sequence),
                fmt::format("bản ghi số {} nằm sau bản ghi số {}", record.sequence, state_.sequence));
  }
  if (auto bad = check_storable(record.event)) {
    return tl::make_unexpected(JournalError{JournalProblem::refused, expected, record.sequence, std::move(*bad)});
  }
  if (canonical.empty()) {
    scratch_.clear();
    append_canonical_bytes(record, scratch_);
    canonical = ByteView{scratch_};
  }
  if (session_.sha256(canonical) != record.hash) {
    return stop(JournalProblem::edited, "its hash does not match its content", "mã băm không khớp với nội dung");
  }
  if (record.previous != state_.hash) {
    return stop(JournalProblem::broken_chain, "its previous-record hash is not the hash of the record before it",
                "mã băm bản ghi trước không khớp với bản ghi liền trước");
  }
  const Place place = locate(record.event.candidate);
  const std::uint64_t next_for_candidate = place.entry ? std::uint64_t{place.entry->candidate_sequence} + 1 : 1;
  if (record.candidate_sequence != next_for_candidate) {
    return stop(JournalProblem::candidate_sequence,
                fmt::format("it is the candidate's record {}, not {}", next_for_candidate, record.candidate_sequence),
                fmt::format("đây là bản ghi thứ {} của ứng viên, không phải {}", next_for_candidate, record.candidate_sequence));
  }
  auto after = workflow_->apply(place.entry ? place.entry->candidate : Candidate{}, record.event);
  if (!after) {
    return tl::make_unexpected(JournalError{JournalProblem::refused, expected, record.sequence, std::move(after.error())});
  }

  install(record, place, std::move(*after), origin);
  return {};
}

void Journal::Index::remember(CandidateId id, Snapshot::Entry& entry) {
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

void Journal::Index::insert(CandidateId::value_type id, Snapshot::Entry* entry) noexcept {
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

Journal::Place Journal::locate(CandidateId id) {
  if (Snapshot::Entry* entry = index_.find(id)) return Place{entry, state_.candidates.end()};
  // One walk down the tree finds the candidate, or where a new one goes.
  const Slot slot = state_.candidates.lower_bound(id);
  if (slot == state_.candidates.end() || slot->first != id) return Place{nullptr, slot};
  index_.remember(id, slot->second);
  return Place{&slot->second, slot};
}

void Journal::install(const Record& record, Place place, Candidate after, Origin origin) {
  // Every check has passed: the state changes in full, and only then do observers hear of it.
  if (!place.entry) {
    const CandidateId id = record.event.candidate;
    place.entry = &state_.candidates.emplace_hint(place.hint, id, Snapshot::Entry{})->second;
    index_.remember(id, *place.entry);
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

void Journal::ensure_not_notifying(const char* what) const {
  if (notifying_) {
    throw std::logic_error(std::string("exemplar::Journal::") + what + ": an observer may not change the journal it observes");
  }
}

void Journal::subscribe(Observer& observer) {
  ensure_not_notifying("subscribe");
  observers_.push_back(&observer);
}

void Journal::unsubscribe(const Observer& observer) {
  ensure_not_notifying("unsubscribe");
  observers_.erase(std::remove(observers_.begin(), observers_.end(), &observer), observers_.end());
}

std::vector<ObserverFailure> Journal::take_observer_failures() { return std::exchange(failures_, {}); }

tl::expected<Snapshot, JournalError> replay(const Snapshot& from, const std::vector<Record>& later, const Workflow& workflow,
                                            const Hasher& hasher) {
  Journal journal{workflow, from, hasher};
  for (std::size_t i = 0; i < later.size(); ++i) {
    auto applied = journal.replay(later[i]);
    if (applied) continue;
    JournalError error = std::move(applied.error());
    if (error.problem == JournalProblem::gap) {
      // The whole journal is at hand: if the missing record comes later, the records were reordered.
      const auto comes_later = std::any_of(later.begin() + static_cast<std::ptrdiff_t>(i) + 1, later.end(),
                                           [&](const Record& r) { return r.sequence == error.sequence; });
      if (comes_later) {
        error.problem = JournalProblem::out_of_order;
        error.refusal.detail = Text{fmt::format("record {} comes before record {}", error.found, error.sequence),
                                    fmt::format("bản ghi số {} nằm trước bản ghi số {}", error.found, error.sequence)};
      }
    }
    return tl::make_unexpected(std::move(error));
  }
  return std::move(journal).release();
}

tl::expected<Snapshot, JournalError> replay(const std::vector<Record>& records, const Workflow& workflow,
                                            const Hasher& hasher) {
  return replay(Snapshot{}, records, workflow, hasher);
}

}  // namespace exemplar
