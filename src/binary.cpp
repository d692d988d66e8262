// The binary forms: one writer and one strict reader, each walking the field descriptions
// (fields.hpp), so that every byte a writer can produce reads back to the same value and every
// other byte sequence is refused. A field added in format N is written and read only in records of
// format N or later, so older records keep their bytes and their hashes.
#include "exemplar/binary.hpp"

#include <array>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>

#include "detail/binary_reader.hpp"
#include "detail/examine.hpp"
#include "detail/text.hpp"
#include "exemplar/precondition.hpp"

namespace exemplar {
namespace bg = boost::gregorian;

namespace {

constexpr std::array<Label, binary_form_count> binary_form_labels{{
    {"record", "journal record", "bản ghi nhật ký"},
    {"snapshot", "snapshot", "ảnh chụp trạng thái"},
    {"candidate", "candidate", "ứng viên"},
}};

/// The bytes of a text field's length: one for short fields (a decision number), two otherwise.
constexpr std::size_t length_bytes(const FieldRules& rules) noexcept { return rules.max_bytes <= 0xFF ? 1 : 2; }

class Writer {
 public:
  explicit Writer(std::vector<std::uint8_t>& out) : out_(out) {}

  void u8(std::uint8_t value) { out_.push_back(value); }
  void u16(std::uint16_t value) { little_endian(value, 2); }
  void u32(std::uint32_t value) { little_endian(value, 4); }
  void u64(std::uint64_t value) { little_endian(value, 8); }
  void digest(const Digest& value) { std::memcpy(grow(value.size()), value.data(), value.size()); }

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

  /// Text: its length in `length` bytes, then the bytes. Longer text than the field holds is a
  /// broken precondition: Journal::prepare and replay refuse it before anything is encoded.
  void text(std::string_view value, const FieldRules& rules) {
    EXEMPLAR_EXPECTS(value.size() <= rules.max_bytes, "to_binary: text longer than its field holds (prepare() refuses it)");
    little_endian(value.size(), length_bytes(rules));
    if (!value.empty()) std::memcpy(grow(value.size()), value.data(), value.size());
  }

  /// One described field, by its type.
  template <class FieldT, class V>
  void field(const FieldT& f, const V& value) {
    if constexpr (std::is_enum_v<V>) {
      u8(static_cast<std::uint8_t>(value));
    } else if constexpr (detail::is_enum_set<V>::value) {
      little_endian(value.bits(), sizeof(typename V::bits_type));
    } else if constexpr (detail::is_strong_id<V>::value) {
      u32(value.value());
    } else if constexpr (std::is_same_v<V, bool>) {
      u8(value ? 1 : 0);
    } else if constexpr (std::is_same_v<V, std::uint16_t>) {
      u16(value);
    } else if constexpr (std::is_same_v<V, std::string>) {
      text(value, f.rules);
    } else if constexpr (std::is_same_v<V, DecisionNumber>) {
      text(value.view(), FieldRules{}.at_most(DecisionNumber::capacity));
    } else if constexpr (std::is_same_v<V, bg::date>) {
      date(value);
    } else {
      for (auto each : value) u16(each);  // PerKind<E, std::uint16_t, N>
    }
  }

  /// Every field of `record` that format `version` carries, in the description's order.
  template <class Record>
  void fields(const Record& record, std::uint16_t version) {
    for_each_field(record, [&](const auto& f, const auto& value) {
      if (f.rules.since <= version) field(f, value);
    });
  }

 private:
  /// Room for `count` more bytes at the end: one size change per field, not one per byte.
  std::uint8_t* grow(std::size_t count) {
    const std::size_t at = out_.size();
    out_.resize(at + count);
    return out_.data() + at;
  }

  void little_endian(std::uint64_t value, std::size_t bytes) {
    std::uint8_t* at = grow(bytes);
    for (std::size_t i = 0; i < bytes; ++i) at[i] = static_cast<std::uint8_t>(value >> (8 * i));
  }

  std::vector<std::uint8_t>& out_;
};

/// Reads fields in order; the first fault sticks, and every later read returns a default value,
/// so a decoder reads straight through and checks once at the end.
class Reader {
 public:
  explicit Reader(ByteView bytes) : bytes_(bytes) {}

  [[nodiscard]] bool failed() const noexcept { return fault_.has_value(); }
  [[nodiscard]] const Refusal& fault() const { return *fault_; }
  [[nodiscard]] std::size_t remaining() const noexcept { return bytes_.size() - pos_; }

  void fail(std::string_view field, std::string en, std::string vi, RefusalCode code = RefusalCode::record_malformed) {
    if (fault_) return;
    fault_ = refuse(code).with_subject(prefix_.render() + std::string(field)).with_detail(std::move(en), std::move(vi));
  }

  /// Names the part being read in front of every field name: "event.", "event.discover."
  /// (`part` and `name`), "candidates[3]." (`part` and `index`). Kept as pieces and written out
  /// only when a field is refused: formatting it for every record cost more than reading the record.
  void set_prefix(std::string_view part, std::string_view name = {}, std::optional<std::uint32_t> index = std::nullopt) {
    prefix_ = Prefix{part, name, index};
  }

  std::uint8_t u8(std::string_view field) { return static_cast<std::uint8_t>(little_endian(field, 1)); }
  std::uint16_t u16(std::string_view field) { return static_cast<std::uint16_t>(little_endian(field, 2)); }
  std::uint32_t u32(std::string_view field) { return static_cast<std::uint32_t>(little_endian(field, 4)); }
  std::uint64_t u64(std::string_view field) { return little_endian(field, 8); }

  /// Reads a digest straight into `value` (zeros after a fault): one copy.
  void digest(std::string_view field, Digest& value) {
    if (!need(field, value.size())) {
      value = Digest{};
      return;
    }
    std::memcpy(value.data(), bytes_.data() + pos_, value.size());
    pos_ += value.size();
  }

  /// A date; `required` refuses the all-zero "no date".
  bg::date date(std::string_view field, bool required) {
    const std::uint16_t year = u16(field);
    const std::uint8_t month = u8(field);
    const std::uint8_t day = u8(field);
    if (failed()) return bg::date{bg::not_a_date_time};
    if (year == 0 && month == 0 && day == 0) {
      if (required) fail(field, "a date is required", "phải có ngày");
      return bg::date{bg::not_a_date_time};
    }
    auto made = make_date(year, month, day);
    if (!made) {
      fail(field, fmt::format("{:04}-{:02}-{:02} is not a date", year, month, day),
           fmt::format("{:02}/{:02}/{:04} không phải là ngày", day, month, year));
      return bg::date{bg::not_a_date_time};
    }
    return *made;
  }

  /// Text of at most `rules.max_bytes`, viewed in the blob (valid while the blob is); empty after a fault.
  std::string_view text(std::string_view field, const FieldRules& rules) {
    const std::size_t size = length_bytes(rules) == 1 ? u8(field) : u16(field);
    if (!failed() && size > rules.max_bytes) {
      fail(field, fmt::format("text longer than {} bytes", rules.max_bytes), fmt::format("văn bản dài quá {} byte", rules.max_bytes));
    }
    if (!need(field, size)) return {};
    const std::string_view value(reinterpret_cast<const char*>(bytes_.data() + pos_), size);
    pos_ += size;
    if (!detail::is_valid_utf8(value)) {
      fail(field, "not valid UTF-8 text", "không phải văn bản UTF-8 hợp lệ");
      return {};
    }
    return value;
  }

  /// One described field, by its type, into `value`; after a fault `value` holds a default.
  template <class FieldT, class V>
  void field(const FieldT& f, V& value) {
    const std::string_view name = f.label.id;
    if constexpr (std::is_enum_v<V>) {
      const std::uint8_t raw = u8(name);
      value = static_cast<V>(raw);
      if (!failed() && !is_known(value)) {
        fail(name, fmt::format("{} is not a value this library knows", raw), fmt::format("{} không phải giá trị đã biết", raw));
      }
      if (failed()) value = V{};
    } else if constexpr (detail::is_enum_set<V>::value) {
      using Bits = typename V::bits_type;
      const auto bits = static_cast<Bits>(little_endian(name, sizeof(Bits)));
      value = V::from_bits(bits);
      if (!failed() && !detail::known_bits(value)) {
        fail(name, fmt::format("bits 0x{:x} name no value this library knows", bits),
             fmt::format("bit 0x{:x} không ứng với giá trị nào", bits));
      }
      if (failed()) value = V{};
    } else if constexpr (detail::is_strong_id<V>::value) {
      value = V{u32(name)};
    } else if constexpr (std::is_same_v<V, bool>) {
      const std::uint8_t raw = u8(name);
      if (!failed() && raw > 1) fail(name, fmt::format("{} is not a boolean (0 or 1)", raw), fmt::format("{} không phải 0 hoặc 1", raw));
      value = raw == 1;
    } else if constexpr (std::is_same_v<V, std::uint16_t>) {
      value = u16(name);
    } else if constexpr (std::is_same_v<V, std::string>) {
      value.assign(text(name, f.rules));
    } else if constexpr (std::is_same_v<V, DecisionNumber>) {
      const std::string_view number = text(name, FieldRules{}.at_most(DecisionNumber::capacity));
      value = DecisionNumber{};
      if (!failed() && !number.empty()) {
        auto parsed = DecisionNumber::parse(number);
        if (parsed) {
          value = *parsed;
        } else {
          fail(name, parsed.error().detail.en, parsed.error().detail.vi);
        }
      }
    } else if constexpr (std::is_same_v<V, bg::date>) {
      value = date(name, f.rules.required);
    } else {
      for (auto& each : value) each = u16(name);  // PerKind<E, std::uint16_t, N>
    }
  }

  /// Every field of `record` that format `version` carries; the others are set to their defaults,
  /// since `record` may be reused from a blob of a newer format (Journal::replay_binary).
  template <class Record>
  void fields(Record& record, std::uint16_t version) {
    for_each_field(record, [&](const auto& f, auto& value) {
      if (f.rules.since <= version) {
        field(f, value);
      } else {
        value = Record{}.*(f.member);
      }
    });
  }

  void expect_end(std::string_view what) {
    if (!failed() && pos_ != bytes_.size()) {
      fail(what, fmt::format("{} bytes after the end", bytes_.size() - pos_), fmt::format("thừa {} byte ở cuối", bytes_.size() - pos_));
    }
  }

 private:
  /// Whether `count` more bytes can be read. The test is all that runs for a good blob, kept apart
  /// from building the refusal so that it stays small enough to inline into every field's read.
  bool need(std::string_view field, std::size_t count) {
    if (!fault_ && count <= remaining()) return true;
    fail(field, "the data ends too early (truncated)", "dữ liệu bị cắt cụt");
    return false;
  }

  std::uint64_t little_endian(std::string_view field, std::size_t count) {
    if (!need(field, count)) return 0;
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < count; ++i) value |= static_cast<std::uint64_t>(bytes_.data()[pos_ + i]) << (8 * i);
    pos_ += count;
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
  std::optional<Refusal> fault_;
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
            RefusalCode::record_unknown_version);
  }
  return version;
}

/// The alternative T of `data`, kept when `data` holds it already (its strings keep their buffers,
/// so a replay that reuses one record allocates nothing for text that fitted before).
template <class T>
T& reuse(EventData& data) {
  if (auto* held = std::get_if<T>(&data)) return *held;
  return data.emplace<T>();
}

/// Reads the data of event kind `kind` into `data`, for a record of format `version`.
template <std::size_t... I>
void read_event_data(Reader& in, std::size_t kind, std::uint16_t version, EventData& data, std::index_sequence<I...>) {
  ((kind == I ? in.fields(reuse<std::variant_alternative_t<I, EventData>>(data), version) : void()), ...);
}

void write_record_prefix(std::vector<std::uint8_t>& bytes, const Record& r) {
  Writer out{bytes};
  out.u8(form_tag(BinaryForm::record));
  out.u16(r.version);
  out.u64(r.sequence);
  out.u32(r.candidate_sequence);
  out.digest(r.previous);
  out.fields(r.event, r.version);
  out.u8(static_cast<std::uint8_t>(r.event.kind()));
  std::visit([&](const auto& data) { out.fields(data, r.version); }, r.event.data);
}

/// The fewest bytes a candidate of format `version` takes: what a snapshot's count is checked against.
std::size_t candidate_bytes(std::uint16_t version) {
  std::vector<std::uint8_t> empty;
  Writer{empty}.fields(Candidate{}, version);
  return empty.size();
}

}  // namespace

namespace detail {

std::optional<Refusal> read_record(ByteView bytes, Record& r) {
  Reader in{bytes};
  r.version = read_header(in, BinaryForm::record);
  r.sequence = in.u64("sequence");
  r.candidate_sequence = in.u32("candidate_sequence");
  in.digest("previous", r.previous);
  const std::uint64_t found = in.failed() ? 0 : r.sequence;
  in.set_prefix("event.");
  in.fields(r.event, r.version);
  const std::uint8_t kind = in.u8("kind");
  if (!in.failed() && (kind >= std::variant_size_v<EventData> || introduced_in(static_cast<CommandKind>(kind)) > r.version)) {
    in.fail("kind", fmt::format("event kind {} is not one format version {} knows", kind, r.version),
            fmt::format("loại sự kiện {} không có trong định dạng phiên bản {}", kind, r.version), RefusalCode::record_unknown_kind);
  }
  if (!in.failed()) {
    in.set_prefix("event.", identifier(static_cast<CommandKind>(kind)));
    read_event_data(in, kind, r.version, r.event.data, std::make_index_sequence<std::variant_size_v<EventData>>{});
  }
  in.set_prefix("");
  in.digest("hash", r.hash);
  in.expect_end("hash");
  if (!in.failed()) return std::nullopt;
  Refusal fault = in.fault();
  if (found != 0) fault.record = found;
  return fault;
}

}  // namespace detail

LabelTable label_table(BinaryForm) noexcept { return LabelTable{binary_form_labels.data(), binary_form_labels.size()}; }

std::vector<std::uint8_t> canonical_bytes(const Record& record) {
  std::vector<std::uint8_t> out;
  out.reserve(128);
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
  out.reserve(160);
  append_binary(record, out);
  return out;
}

tl::expected<Record, Refusal> record_from_binary(ByteView bytes) {
  Record r;
  if (auto error = detail::read_record(bytes, r)) return tl::make_unexpected(std::move(*error));
  return r;
}

std::vector<std::uint8_t> to_binary(const Snapshot& snapshot) {
  EXEMPLAR_EXPECTS(snapshot.candidates.size() <= std::numeric_limits<std::uint32_t>::max(),
                   "to_binary: a snapshot holds at most 2^32 - 1 candidates");
  std::vector<std::uint8_t> out;
  out.reserve(1 + 2 + 8 + 32 + 4 + snapshot.candidates.size() * (4 + candidate_bytes(journal_format_version) + 8));
  Writer writer{out};
  writer.u8(form_tag(BinaryForm::snapshot));
  writer.u16(journal_format_version);
  writer.u64(snapshot.sequence);
  writer.digest(snapshot.hash);
  writer.u32(static_cast<std::uint32_t>(snapshot.candidates.size()));
  for (const auto& [id, entry] : snapshot.candidates) {
    writer.u32(entry.candidate_sequence);
    writer.fields(entry.candidate, journal_format_version);
  }
  return out;
}

tl::expected<Snapshot, Refusal> snapshot_from_binary(ByteView bytes) {
  Reader in{bytes};
  Snapshot snapshot;
  const std::uint16_t version = read_header(in, BinaryForm::snapshot);
  snapshot.sequence = in.u64("sequence");
  in.digest("hash", snapshot.hash);
  const std::uint32_t count = in.u32("count");
  const std::size_t least = 4 + candidate_bytes(version);
  if (!in.failed() && count > in.remaining() / least) {
    in.fail("count", fmt::format("{} candidates cannot fit in {} bytes", count, in.remaining()),
            fmt::format("{} ứng viên không thể nằm trong {} byte", count, in.remaining()));
  }
  CandidateId last;
  for (std::uint32_t i = 0; i < count && !in.failed(); ++i) {
    in.set_prefix("candidates", {}, i);
    Snapshot::Entry entry;
    entry.candidate_sequence = in.u32("candidate_sequence");
    in.fields(entry.candidate, version);
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
  if (in.failed()) return tl::make_unexpected(in.fault());
  return snapshot;
}

std::vector<std::uint8_t> to_binary(const Candidate& candidate) {
  std::vector<std::uint8_t> out;
  out.reserve(80);
  Writer writer{out};
  writer.u8(form_tag(BinaryForm::candidate));
  writer.u16(journal_format_version);
  writer.fields(candidate, journal_format_version);
  return out;
}

tl::expected<Candidate, Refusal> candidate_from_binary(ByteView bytes) {
  Reader in{bytes};
  const std::uint16_t version = read_header(in, BinaryForm::candidate);
  Candidate candidate;
  in.fields(candidate, version);
  in.expect_end("candidate");
  if (in.failed()) return tl::make_unexpected(in.fault());
  return candidate;
}

tl::expected<Snapshot, Refusal> replay_binary(const std::vector<std::vector<std::uint8_t>>& stored, const Workflow& workflow,
                                              Snapshot from, const Hasher& hasher) {
  Journal journal{workflow, std::move(from), hasher};
  for (std::size_t here = 0; here < stored.size(); ++here) {
    auto applied = journal.replay_binary(stored[here]);
    if (applied) continue;
    Refusal error = std::move(applied.error());
    if (error.code == RefusalCode::record_gap) {
      // As replay() does over records in memory: a missing record that comes later means reordering.
      const auto found = record_from_binary(stored[here]);
      for (std::size_t later = here + 1; later < stored.size(); ++later) {
        auto other = record_from_binary(stored[later]);
        if (other && other->sequence == *error.record) {
          error = detail::reordered(std::move(error), found ? found->sequence : 0);
          break;
        }
      }
    }
    return tl::make_unexpected(std::move(error));
  }
  return std::move(journal).release();
}

}  // namespace exemplar
