// SHA-256 through OpenSSL's EVP interface, and digests as hexadecimal text.
#include <stdexcept>

#include <openssl/evp.h>

#include "exemplar/journal.hpp"

namespace exemplar {

OpenSslHasher::OpenSslHasher()
    : algorithm_(EVP_MD_fetch(nullptr, "SHA256", nullptr), [](void* md) { EVP_MD_free(static_cast<EVP_MD*>(md)); }) {}

Digest OpenSslHasher::sha256(ByteView bytes) const {
  Digest digest{};
  unsigned int size = 0;
  // A fetched EVP_MD is immutable and EVP_Digest keeps no state between calls, so one hasher serves
  // every thread. Should the fetch have failed, the built-in lookup still works, only slower.
  const EVP_MD* algorithm = algorithm_ ? static_cast<const EVP_MD*>(algorithm_.get()) : EVP_sha256();
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &size, algorithm, nullptr) != 1 ||
      size != digest.size()) {
    throw std::runtime_error("exemplar::OpenSslHasher: libcrypto failed to compute SHA-256");
  }
  return digest;
}

const Hasher& default_hasher() noexcept {
  static const OpenSslHasher hasher;
  return hasher;
}

std::string to_hex(const Digest& digest) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(digest.size() * 2);
  for (std::uint8_t byte : digest) {
    hex.push_back(digits[byte >> 4]);
    hex.push_back(digits[byte & 0x0F]);
  }
  return hex;
}

std::optional<Digest> parse_digest(std::string_view hex) noexcept {
  if (hex.size() != 64) return std::nullopt;
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  Digest digest{};
  for (std::size_t i = 0; i < digest.size(); ++i) {
    const int high = nibble(hex[2 * i]);
    const int low = nibble(hex[2 * i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    digest[i] = static_cast<std::uint8_t>(high * 16 + low);
  }
  return digest;
}

}  // namespace exemplar
