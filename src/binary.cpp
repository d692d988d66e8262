// The binary forms: one writer and one strict reader per form, so that every byte a writer can
// produce reads back to the same value and every other byte sequence is refused.
#include "exemplar/binary.hpp"

#include <array>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "exemplar/detail/text.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, binary_form_count> binary_form_labels{{
    {"record", "journal record", "bản ghi nhật ký"},
    {"snapshot", "snapshot", "ảnh chụp trạng thái"},
    {"candidate", "candidate", "ứng viên"},
}};

/// The fixed part of a record before its event data: form, version, sequence, candidate sequence,
/// previous hash, candidate, actor, role, date, flags, kind.
constexpr std::size_t record_header_bytes = 1 + 2 + 8 + 4 + 32 + 4 + 4 + 1 + 4 + 1 + 1;
/// The smallest candidate body: fixed fields and an empty decision number.
constexpr std::size_t candidate_body_bytes = 4 + 4 + 4 + 4 + 4 + 1 + 2 * 4 + 2 * replication_count + 7;

class Writer {
 public:
  explicit Writer(std::vector<std::uint8_t>& out) : out_(out) {}

  void u8(std::uint8_t value) { out_.push_back(value); }
  void u16(std::uint16_t value) { little_endian(value, 2); }
  void u32(std::uint32_t value) { little_endian(value, 4); }
  void u64(std::uint64_t value) { little_endian(value, 8); }
  void digest(const Digest& value) { out_.insert(out_.end(), value.begin(), value.end()); }
  template <class E>
  void enumeration(E value) { u8(static_cast<std::uint8_t>(value)); }
  void boolean(bool value) { u8(value ? 1 : 0); }

  /// A date as year (u16), month, day; all zeros for "no date".
  void date(bg::date value) {
    if (value.is_special()) {
      u32(0);
      return;
    }
    const auto ymd = value.year_month_day();
    u16(static_cast<std::uint16_t>(ymd.year));
    u8(static_cast<std::uint8_t>(ymd.month.as_number()));
    u8(static_cast<std::uint8_t>(ymd.day.as_number()));
  }

  /// Free text: u16 length, then the bytes. Longer text is a broken precondition: prepare() refuses it.
  void text(std::string_view value) {
    if (value.size() > detail::max_text_bytes) {
      throw std::invalid_argument("exemplar::to_binary: text longer than 4096 bytes");
    }
    u16(static_cast<std::uint16_t>(value.size()));
    out_.insert(out_.end(), value.begin(), value.end());
  }

  void short_text(std::string_view value) {
    u8(static_cast<std::uint8_t>(value.size()));
    out_.insert(out_.end(), value.begin(), value.end());
  }

 private:
  void little_endian(std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out_.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
  }

  std::vector<std::uint8_t>& out_;
};

/// Why a blob was refused: the problem, the field and the reason.
struct Fault {
  JournalProblem problem = JournalProblem::malformed;
  Refusal refusal;
};

/// Reads fields in order; the first fault sticks, and every later read returns a default value,
/// so a decoder reads straight through and checks once at the end.
class Reader {
 public:
  explicit Reader(ByteView bytes) : bytes_(bytes) {}

  [[nodiscard]] bool failed() const noexcept { return fault_.has_value(); }
  [[nodiscard]] const Fault& fault() const { return *fault_; }
  [[nodiscard]] std::size_t remaining() const noexcept { return bytes_.size() - pos_; }

  void fail(std::string_view field, std::string en, std::string vi, JournalProblem problem = JournalProblem::malformed) {
    if (fault_) return;
    fault_ = Fault{problem, refuse(RefusalCode::invalid_argument)
                                .with_subject(prefix_.render() + std::string(field))
                                .with_detail(std::move(en), std::move(vi))};
  }

  /// Names the part being read in front of every field name: "event.", "event.discover."
  /// (`part` and `name`), "candidates[3]." (`part` and `index`). Kept as pieces and written out
  /// only when a field is refused: formatting it for every record cost more than reading the record.
  void set_prefix(std::string_view part, std::string_view name = {}, std::optional<std::uint32_t> index = std::nullopt) {
    prefix_ = Prefix{part, name, index};
  }

  std::uint8_t u8(const char* field) { return static_cast<std::uint8_t>(little_endian(field, 1)); }
  std::uint16_t u16(const char* field) { return static_cast<std::uint16_t>(little_endian(field, 2)); }
  std::uint32_t u32(const char* field) { return static_cast<std::uint32_t>(little_endian(field, 4)); }
  std::uint64_t u64(const char* field) { return little_endian(field, 8); }

  /// Reads a digest straight into `value` (zeros after a fault): one copy, where building a Digest
  /// byte by byte and returning it stalled on the store of each byte.
  void digest(const char* field, Digest& value) {
    if (!need(field, value.size())) {
      value = Digest{};
      return;
    }
    std::memcpy(value.data(), bytes_.data() + pos_, value.size());
    pos_ += value.size();
  }

  bool boolean(const char* field) {
    const std::uint8_t value = u8(field);
    if (value > 1) fail(field, fmt::format("{} is not a boolean (0 or 1)", value), fmt::format("{} không phải 0 hoặc 1", value));
    return value == 1;
  }

  template <class E>
  E enumeration(const char* field) {
    const std::uint8_t raw = u8(field);
    const auto value = static_cast<E>(raw);
    if (!failed() && !is_known(value)) {
      fail(field, fmt::format("{} is not a value this library knows", raw), fmt::format("{} không phải giá trị đã biết", raw));
      return E{};
    }
    return value;
  }

  /// A date; `required` refuses the all-zero "no date".
  bg::date date(const char* field, bool required) {
    const std::uint16_t year = u16(field);
    const std::uint8_t month = u8(field);
    const std::uint8_t day = u8(field);
    if (failed()) return bg::date{bg::not_a_date_time};
    if (year == 0 && month == 0 && day == 0) {
      if (required) fail(field, "a date is required", "phải có ngày");
      return bg::date{bg::not_a_date_time};
    }
    try {
      return bg::date{year, month, day};
    } catch (const std::exception&) {
      fail(field, fmt::format("{:04}-{:02}-{:02} is not a date", year, month, day),
           fmt::format("{:02}/{:02}/{:04} không phải là ngày", day, month, year));
      return bg::date{bg::not_a_date_time};
    }
  }

  /// Free text, viewed in the blob (valid while the blob is); empty after a fault.
  std::string_view text(const char* field) {
    const std::uint16_t size = u16(field);
    if (!failed() && size > detail::max_text_bytes) {
      fail(field, "text longer than 4096 bytes", "văn bản dài quá 4096 byte");
    }
    return checked_text(field, size);
  }

  std::string_view short_text(const char* field) { return checked_text(field, u8(field)); }

  void expect_end(const char* what) {
    if (!failed() && pos_ != bytes_.size()) {
      fail(what, fmt::format("{} bytes after the end", bytes_.size() - pos_), fmt::format("thừa {} byte ở cuối", bytes_.size() - pos_));
    }
  }

 private:
  /// Whether `count` more bytes can be read. The test is all that runs for a good blob, kept apart
  /// from building the refusal so that it stays small enough to inline into every field's read.
  bool need(const char* field, std::size_t count) {
    if (!fault_ && count <= remaining()) return true;
    truncated(field);
    return false;
  }

  void truncated(const char* field) { fail(field, "the data ends too early (truncated)", "dữ liệu bị cắt cụt"); }

  std::uint64_t little_endian(const char* field, std::size_t count) {
    if (!need(field, count)) return 0;
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < count; ++i) value |= static_cast<std::uint64_t>(bytes_.data()[pos_ + i]) << (8 * i);
    pos_ += count;
    return value;
  }

  std::string_view checked_text(const char* field, std::size_t size) {
    if (!need(field, size)) return {};
    const std::string_view value(reinterpret_cast<const char*>(bytes_.data() + pos_), size);
    pos_ += size;
    if (!detail::is_valid_utf8(value)) {
      fail(field, "not valid UTF-8 text", "không phải văn bản UTF-8 hợp lệ");
      return {};
    }
    return value;
  }

  struct Prefix {
    std::string_view part;
    std::string_view name;
    std::optional<std::uint32_t> index;

    [[nodiscard]] std::string render() const {
      if (index) return fmt::format("{}[{}].", part, *index);
      if (!name.empty()) return fmt::format("{}{}.", part, name);
      return std::string(part);
    }
  };

  ByteView bytes_;
  std::size_t pos_ = 0;
  Prefix prefix_;
  std::optional<Fault> fault_;
};

/// The form tag and version every blob starts with; refuses another form and newer versions.
std::uint16_t read_header(Reader& in, BinaryForm form) {
  const std::uint8_t tag = in.u8("form");
  if (!in.failed() && tag != form_tag(form)) {
    in.fail("form", fmt::format("byte 0x{:02x} does not start a {}", tag, identifier(form)),
            fmt::format("byte 0x{:02x} không mở đầu một {}", tag, label(form, Lang::vi)));
  }
  const std::uint16_t version = in.u16("version");
  if (!in.failed() && version == 0) in.fail("version", "version 0 does not exist", "không có phiên bản 0");
  if (!in.failed() && version > journal_format_version) {
    in.fail("version",
            fmt::format("format version {} is newer than this library reads (up to {})", version, journal_format_version),
            fmt::format("định dạng phiên bản {} mới hơn phiên bản thư viện đọc được (đến {})", version, journal_format_version),
            JournalProblem::unknown_version);
  }
  return version;
}

struct EventDataWriter {
  Writer& out;

  void operator()(const events::Discovered& e) const {
    out.enumeration(e.subject);
    out.u32(e.unit.value());
    out.enumeration(e.position);
    out.enumeration(e.field);
    out.enumeration(e.level);
    out.text(e.description);
  }
  void operator()(const events::Fostered& e) const { out.u32(e.mentor.value()); }
  void operator()(const events::Registered& e) const {
    out.u16(e.year);
    out.text(e.dossier);
  }
  void operator()(const events::Reviewed& e) const {
    out.u16(e.members);
    out.u16(e.present);
    out.u16(e.votes_for);
    out.u16(e.votes_against);
    out.boolean(e.proposed);
  }
  void operator()(const events::Recognized& e) const {
    out.short_text(e.decision_number.view());
    out.date(e.decision_date);
  }
  void operator()(const events::Commended& e) const { out.enumeration(e.award); }
  void operator()(const events::Replicated& e) const {
    out.enumeration(e.activity);
    out.text(e.note);
  }
  void operator()(const events::Nominated& e) const {
    out.enumeration(e.from);
    out.enumeration(e.to);
  }
  template <class WithReason>
  void operator()(const WithReason& e) const { out.text(e.reason); }
};

/// The alternative T of `data`, kept when `data` holds it already (its strings keep their buffers,
/// so a replay that reuses one record allocates nothing for text that fitted before).
template <class T>
T& reuse(EventData& data) {
  if (auto* held = std::get_if<T>(&data)) return *held;
  return data.emplace<T>();
}

/// Reads the event data of `kind` into `data`; after a fault `data` holds defaults, not garbage.
void read_event_data(Reader& in, CommandKind kind, EventData& data) {
  switch (kind) {
    case CommandKind::discover: {
      auto& e = reuse<events::Discovered>(data);
      e.subject = in.enumeration<Subject>("subject");
      e.unit = UnitId{in.u32("unit")};
      e.position = in.enumeration<Position>("position");
      e.field = in.enumeration<Field>("field");
      e.level = in.enumeration<Level>("level");
      e.description.assign(in.text("description"));
      return;
    }
    case CommandKind::foster: reuse<events::Fostered>(data) = events::Fostered{ActorId{in.u32("mentor")}}; return;
    case CommandKind::register_: {
      auto& e = reuse<events::Registered>(data);
      e.year = in.u16("year");
      e.dossier.assign(in.text("dossier"));
      return;
    }
    case CommandKind::review: {
      auto& e = reuse<events::Reviewed>(data);
      e.members = in.u16("members");
      e.present = in.u16("present");
      e.votes_for = in.u16("votes_for");
      e.votes_against = in.u16("votes_against");
      e.proposed = in.boolean("proposed");
      return;
    }
    case CommandKind::recognize: {
      auto& e = reuse<events::Recognized>(data);
      const std::string_view number = in.short_text("decision_number");
      e.decision_number = DecisionNumber{};
      if (!in.failed()) {
        auto parsed = DecisionNumber::parse(number);
        if (parsed) {
          e.decision_number = *parsed;
        } else {
          in.fail("decision_number", parsed.error().detail.en, parsed.error().detail.vi);
        }
      }
      e.decision_date = in.date("decision_date", true);
      return;
    }
    case CommandKind::commend: reuse<events::Commended>(data).award = in.enumeration<Award>("award"); return;
    case CommandKind::replicate: {
      auto& e = reuse<events::Replicated>(data);
      e.activity = in.enumeration<Replication>("activity");
      e.note.assign(in.text("note"));
      return;
    }
    case CommandKind::withdraw: reuse<events::Withdrawn>(data).reason.assign(in.text("reason")); return;
    case CommandKind::reject: reuse<events::Rejected>(data).reason.assign(in.text("reason")); return;
    case CommandKind::disqualify: reuse<events::Disqualified>(data).reason.assign(in.text("reason")); return;
    case CommandKind::nominate: {
      auto& e = reuse<events::Nominated>(data);
      e.from = in.enumeration<Level>("from");
      e.to = in.enumeration<Level>("to");
      return;
    }
    case CommandKind::revoke: reuse<events::Revoked>(data).reason.assign(in.text("reason")); return;
  }
}

void write_candidate_body(Writer& out, const Candidate& c) {
  out.u32(c.id.value());
  out.u32(c.unit.value());
  out.u32(c.mentor.value());
  out.date(c.last_step);
  out.date(c.decision_date);
  out.short_text(c.decision.view());
  out.u16(c.round_year);
  out.u16(c.votes_for);
  out.u16(c.votes_against);
  out.u16(c.council_members);
  for (auto count : c.replications) out.u16(count);
  out.enumeration(c.stage);
  out.enumeration(c.subject);
  out.enumeration(c.position);
  out.enumeration(c.level);
  out.enumeration(c.field);
  out.enumeration(c.award);
  out.boolean(c.council_proposed);
}

Candidate read_candidate_body(Reader& in) {
  Candidate c;
  c.id = CandidateId{in.u32("id")};
  c.unit = UnitId{in.u32("unit")};
  c.mentor = ActorId{in.u32("mentor")};
  c.last_step = in.date("last_step", false);
  c.decision_date = in.date("decision_date", false);
  const std::string_view number = in.short_text("decision");
  if (!in.failed() && !number.empty()) {
    auto parsed = DecisionNumber::parse(number);
    if (parsed) {
      c.decision = *parsed;
    } else {
      in.fail("decision", parsed.error().detail.en, parsed.error().detail.vi);
    }
  }
  c.round_year = in.u16("round_year");
  c.votes_for = in.u16("votes_for");
  c.votes_against = in.u16("votes_against");
  c.council_members = in.u16("council_members");
  for (auto& count : c.replications) count = in.u16("replications");
  c.stage = in.enumeration<Stage>("stage");
  c.subject = in.enumeration<Subject>("subject");
  c.position = in.enumeration<Position>("position");
  c.level = in.enumeration<Level>("level");
  c.field = in.enumeration<Field>("field");
  c.award = in.enumeration<Award>("award");
  c.council_proposed = in.boolean("council_proposed");
  return c;
}

/// Stores `value` little-endian at `at`.
template <class T>
std::uint8_t* put(std::uint8_t* at, T value) noexcept {
  for (std::size_t i = 0; i < sizeof(T); ++i) *at++ = static_cast<std::uint8_t>(static_cast<std::uint64_t>(value) >> (8 * i));
  return at;
}

void write_record_prefix(std::vector<std::uint8_t>& bytes, const Record& r) {
  // The fixed header is most of a record: assembled on the stack, it costs one insert rather than
  // 60 push_backs. The event data after it goes through the Writer like every other form.
  std::array<std::uint8_t, record_header_bytes> header;
  std::uint8_t* at = header.data();
  at = put(at, form_tag(BinaryForm::record));
  at = put(at, r.version);
  at = put(at, r.sequence);
  at = put(at, r.candidate_sequence);
  for (std::uint8_t byte : r.previous) *at++ = byte;
  at = put(at, r.event.candidate.value());
  at = put(at, r.event.actor.value());
  at = put(at, static_cast<std::uint8_t>(r.event.role));
  if (r.event.date.is_special()) {
    at = put(at, std::uint32_t{0});
  } else {
    const auto ymd = r.event.date.year_month_day();
    at = put(at, static_cast<std::uint16_t>(ymd.year));
    at = put(at, static_cast<std::uint8_t>(ymd.month.as_number()));
    at = put(at, static_cast<std::uint8_t>(ymd.day.as_number()));
  }
  at = put(at, r.event.flags);
  put(at, static_cast<std::uint8_t>(r.event.kind()));
  bytes.insert(bytes.end(), header.begin(), header.end());
  Writer out{bytes};
  std::visit(EventDataWriter{out}, r.event.data);
}

/// Reads one record blob into `r`, reusing its strings; `found` is its number once read.
std::optional<JournalError> read_record(ByteView bytes, Record& r) {
  Reader in{bytes};
  r.version = read_header(in, BinaryForm::record);
  r.sequence = in.u64("sequence");
  r.candidate_sequence = in.u32("candidate_sequence");
  in.digest("previous", r.previous);
  const std::uint64_t found = in.failed() ? 0 : r.sequence;
  in.set_prefix("event.");
  r.event.candidate = CandidateId{in.u32("candidate")};
  r.event.actor = ActorId{in.u32("actor")};
  r.event.role = in.enumeration<Role>("role");
  r.event.date = in.date("date", true);
  r.event.flags = in.u8("flags");
  if (!in.failed() && (r.event.flags >> step_flag_count) != 0) {
    in.fail("flags", fmt::format("bits 0x{:02x} name no flag", r.event.flags), fmt::format("bit 0x{:02x} không ứng với cờ nào", r.event.flags));
  }
  const std::uint8_t kind = in.u8("kind");
  if (!in.failed() && kind >= command_count) {
    in.fail("kind", fmt::format("event kind {} is not one this library knows", kind),
            fmt::format("loại sự kiện {} không xác định", kind), JournalProblem::unknown_kind);
  }
  if (!in.failed()) {
    in.set_prefix("event.", identifier(static_cast<CommandKind>(kind)));
    read_event_data(in, static_cast<CommandKind>(kind), r.event.data);
  }
  in.set_prefix("");
  in.digest("hash", r.hash);
  in.expect_end("hash");
  if (in.failed()) {
    const Fault& fault = in.fault();
    return JournalError{fault.problem, found, found, fault.refusal};
  }
  return std::nullopt;
}

}  // namespace

LabelTable label_table(BinaryForm) noexcept { return LabelTable{binary_form_labels.data(), binary_form_labels.size()}; }

std::vector<std::uint8_t> canonical_bytes(const Record& record) {
  std::vector<std::uint8_t> out;
  out.reserve(record_header_bytes + 64);
  write_record_prefix(out, record);
  return out;
}

void append_canonical_bytes(const Record& record, std::vector<std::uint8_t>& out) { write_record_prefix(out, record); }

void append_binary(const Record& record, std::vector<std::uint8_t>& out) {
  write_record_prefix(out, record);
  out.insert(out.end(), record.hash.begin(), record.hash.end());
}

std::vector<std::uint8_t> to_binary(const Record& record) {
  std::vector<std::uint8_t> out;
  out.reserve(record_header_bytes + 96);
  append_binary(record, out);
  return out;
}

tl::expected<Record, JournalError> record_from_binary(ByteView bytes) {
  Record r;
  if (auto error = read_record(bytes, r)) return tl::make_unexpected(std::move(*error));
  return r;
}

tl::expected<void, JournalError> Journal::replay_binary(ByteView blob) {
  ensure_not_notifying("replay_binary");
  if (auto error = read_record(blob, decoded_)) {
    error->sequence = state_.sequence + 1;
    return tl::make_unexpected(std::move(*error));
  }
  // The reader refuses every byte sequence a writer could not have produced (a non-canonical
  // date, boolean, enumerator, flag, length or trailing byte), so reading is one-to-one: the
  // blob's bytes before its hash are exactly canonical_bytes(decoded_), and hashing them checks
  // the very bytes replay(record) would hash, without encoding the record again.
  return apply(decoded_, ByteView{blob.data(), blob.size() - decoded_.hash.size()}, Origin::replayed);
}

std::vector<std::uint8_t> to_binary(const Snapshot& snapshot) {
  std::vector<std::uint8_t> out;
  out.reserve(1 + 2 + 8 + 32 + 4 + snapshot.candidates.size() * (4 + candidate_body_bytes + 8));
  Writer writer{out};
  writer.u8(form_tag(BinaryForm::snapshot));
  writer.u16(journal_format_version);
  writer.u64(snapshot.sequence);
  writer.digest(snapshot.hash);
  if (snapshot.candidates.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("exemplar::to_binary: more than 2^32 candidates in a snapshot");
  }
  writer.u32(static_cast<std::uint32_t>(snapshot.candidates.size()));
  for (const auto& [id, entry] : snapshot.candidates) {
    writer.u32(entry.candidate_sequence);
    write_candidate_body(writer, entry.candidate);
  }
  return out;
}

tl::expected<Snapshot, Refusal> snapshot_from_binary(ByteView bytes) {
  Reader in{bytes};
  Snapshot snapshot;
  read_header(in, BinaryForm::snapshot);
  snapshot.sequence = in.u64("sequence");
  in.digest("hash", snapshot.hash);
  const std::uint32_t count = in.u32("count");
  if (!in.failed() && count > in.remaining() / (4 + candidate_body_bytes)) {
    in.fail("count", fmt::format("{} candidates cannot fit in {} bytes", count, in.remaining()),
            fmt::format("{} ứng viên không thể nằm trong {} byte", count, in.remaining()));
  }
  CandidateId last;
  for (std::uint32_t i = 0; i < count && !in.failed(); ++i) {
    in.set_prefix("candidates", {}, i);
    Snapshot::Entry entry;
    entry.candidate_sequence = in.u32("candidate_sequence");
    entry.candidate = read_candidate_body(in);
    if (in.failed()) break;
    if (entry.candidate_sequence == 0 || entry.candidate_sequence > snapshot.sequence) {
      in.fail("candidate_sequence", "a candidate in a snapshot has between 1 and `sequence` records",
              "ứng viên trong ảnh chụp phải có từ 1 đến `sequence` bản ghi");
    } else if (!entry.candidate.id.valid() || !(last < entry.candidate.id)) {
      in.fail("id", "candidates must be listed once each, by increasing id",
              "mỗi ứng viên chỉ xuất hiện một lần, theo thứ tự mã tăng dần");
    } else if (entry.candidate.stage == Stage::initial) {
      in.fail("stage", "a candidate in a snapshot has been discovered", "ứng viên trong ảnh chụp phải đã được phát hiện");
    }
    last = entry.candidate.id;
    snapshot.candidates.emplace_hint(snapshot.candidates.end(), entry.candidate.id, entry);
  }
  in.set_prefix("");
  in.expect_end("candidates");
  if (in.failed()) return tl::make_unexpected(in.fault().refusal);
  return snapshot;
}

std::vector<std::uint8_t> to_binary(const Candidate& candidate) {
  std::vector<std::uint8_t> out;
  out.reserve(3 + candidate_body_bytes + DecisionNumber::capacity);
  Writer writer{out};
  writer.u8(form_tag(BinaryForm::candidate));
  writer.u16(journal_format_version);
  write_candidate_body(writer, candidate);
  return out;
}

tl::expected<Candidate, Refusal> candidate_from_binary(ByteView bytes) {
  Reader in{bytes};
  read_header(in, BinaryForm::candidate);
  Candidate candidate = read_candidate_body(in);
  in.expect_end("award");
  if (in.failed()) return tl::make_unexpected(in.fault().refusal);
  return candidate;
}

tl::expected<Snapshot, JournalError> replay_binary(const std::vector<std::vector<std::uint8_t>>& stored,
                                                   const Workflow& workflow, Snapshot from, const Hasher& hasher) {
  Journal journal{workflow, std::move(from), hasher};
  for (std::size_t here = 0; here < stored.size(); ++here) {
    auto applied = journal.replay_binary(stored[here]);
    if (applied) continue;
    JournalError error = std::move(applied.error());
    if (error.problem == JournalProblem::gap) {
      // As replay() does over records in memory: a missing record that comes later means reordering.
      for (std::size_t later = here + 1; later < stored.size(); ++later) {
        auto other = record_from_binary(stored[later]);
        if (other && other->sequence == error.sequence) {
          error.problem = JournalProblem::out_of_order;
          error.refusal.detail = Text{fmt::format("record {} comes before record {}", error.found, error.sequence),
                                      fmt::format("bản ghi số {} nằm trước bản ghi số {}", error.found, error.sequence)};
          break;
        }
      }
    }
    return tl::make_unexpected(std::move(error));
  }
  return std::move(journal).release();
}

}  // namespace exemplar
