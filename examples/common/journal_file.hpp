// examples/common/journal_file.hpp: the binary journal file of the examples and tools, written and
// read in one place.
//
//   JournalFileWriter(path)       appends records as they are committed, 8 MiB at a time
//   JournalFileReader(path)       hands back each stored record blob in turn, or where the file broke
//
// The file is each record as a 4-byte little-endian length followed by its binary blob
// (binary.hpp, docs/journal.md): what `five_year_cycle --scale national` writes and what
// `exemplar journal verify` replays. The library never opens a file; this header is the examples'.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <variant>
#include <vector>

#include <exemplar/binary.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/refusal.hpp>

namespace exemplar::files {

/// Bytes of a record's length prefix.
inline constexpr std::size_t length_bytes = 4;
/// The longest record blob a reader accepts: a record is about a hundred bytes, and its free texts
/// are bounded far below this, so a longer length means the file is not a journal.
inline constexpr std::uint32_t max_record_bytes = std::uint32_t{1} << 20U;

class JournalFileWriter {
 public:
  explicit JournalFileWriter(const std::string& path) : out_(path, std::ios::binary | std::ios::trunc) {}

  [[nodiscard]] bool good() const { return static_cast<bool>(out_); }

  void append(const Record& record) {
    const std::size_t at = buffer_.size();
    buffer_.resize(at + length_bytes);
    append_binary(record, buffer_);
    const auto length = static_cast<std::uint32_t>(buffer_.size() - at - length_bytes);
    for (std::size_t i = 0; i < length_bytes; ++i) buffer_[at + i] = static_cast<std::uint8_t>(length >> (8 * i));
    if (buffer_.size() >= kFlushBytes) flush();
  }

  void flush() {
    out_.write(reinterpret_cast<const char*>(buffer_.data()), static_cast<std::streamsize>(buffer_.size()));
    bytes_ += buffer_.size();
    buffer_.clear();
  }

  [[nodiscard]] bool close() {
    flush();
    out_.close();
    return static_cast<bool>(out_);
  }
  [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_ + buffer_.size(); }

 private:
  static constexpr std::size_t kFlushBytes = std::size_t{8} << 20U;
  std::ofstream out_;
  std::vector<std::uint8_t> buffer_;
  std::uint64_t bytes_ = 0;
};

/// Reads a journal file record by record, in large pieces; a record never straddles what is handed
/// back. The blob stays valid until the next call.
class JournalFileReader {
 public:
  /// The file ended cleanly after the last record.
  struct End {};
  /// Where and why the file is not a sequence of framed records (1-based record number).
  struct Broken {
    std::uint64_t record = 0;
    Text why;  ///< in English and Vietnamese
  };
  using Next = std::variant<ByteView, End, Broken>;

  explicit JournalFileReader(const std::string& path) : in_(path, std::ios::binary) {}

  [[nodiscard]] bool good() const { return static_cast<bool>(in_); }

  [[nodiscard]] Next next() {
    const std::uint64_t number = read_ + 1;
    if (!have(length_bytes)) {
      if (buffer_.size() == at_) return End{};
      const std::string have = std::to_string(buffer_.size() - at_);
      return Broken{number, Text{"the file ends inside record " + std::to_string(number) + "'s length (" + have + " of 4 bytes)",
                                 "tệp kết thúc giữa độ dài của bản ghi " + std::to_string(number) + " (" + have + " trên 4 byte)"}};
    }
    const std::uint8_t* length = buffer_.data() + at_;
    const std::uint32_t size = length[0] | (length[1] << 8U) | (length[2] << 16U) | (static_cast<std::uint32_t>(length[3]) << 24U);
    if (size == 0 || size > max_record_bytes) {
      return Broken{number, Text{"record " + std::to_string(number) + " claims " + std::to_string(size) +
                                     " bytes; a record takes 1 to " + std::to_string(max_record_bytes),
                                 "bản ghi " + std::to_string(number) + " ghi độ dài " + std::to_string(size) +
                                     " byte; một bản ghi dài từ 1 đến " + std::to_string(max_record_bytes) + " byte"}};
    }
    if (!have(length_bytes + std::size_t{size})) {
      const std::string have = std::to_string(buffer_.size() - at_ - length_bytes);
      return Broken{number, Text{"the file ends inside record " + std::to_string(number) + " (" + have + " of its " +
                                     std::to_string(size) + " bytes)",
                                 "tệp kết thúc giữa bản ghi " + std::to_string(number) + " (" + have + " trên " +
                                     std::to_string(size) + " byte)"}};
    }
    const ByteView blob{buffer_.data() + at_ + length_bytes, size};
    at_ += length_bytes + std::size_t{size};
    ++read_;
    return blob;
  }

 private:
  bool have(std::size_t bytes) {
    if (buffer_.size() - at_ >= bytes) return true;
    buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(at_));
    at_ = 0;
    const std::size_t kept = buffer_.size();
    buffer_.resize(std::max(kept + bytes, kept + (std::size_t{8} << 20U)));
    in_.read(reinterpret_cast<char*>(buffer_.data() + kept), static_cast<std::streamsize>(buffer_.size() - kept));
    buffer_.resize(kept + static_cast<std::size_t>(in_.gcount()));
    return buffer_.size() >= bytes;
  }

  std::ifstream in_;
  std::vector<std::uint8_t> buffer_;
  std::size_t at_ = 0;
  std::uint64_t read_ = 0;
};

}  // namespace exemplar::files
