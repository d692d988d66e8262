// SHA-256 through OpenSSL's EVP interface, and digests as hexadecimal text.
#include <memory>
#include <stdexcept>
#include <utility>

#include <openssl/evp.h>

#include "exemplar/journal.hpp"

namespace exemplar {

namespace {

/// What a hasher without a session of its own gets: every digest from the hasher itself.
class ForwardingSession final : public HashSession {
 public:
  explicit ForwardingSession(const Hasher& hasher) : hasher_(hasher) {}
  [[nodiscard]] Digest sha256(ByteView bytes) override { return hasher_.sha256(bytes); }

 private:
  const Hasher& hasher_;
};

[[noreturn]] void libcrypto_failed() {
  throw std::runtime_error("exemplar::OpenSslHasher: libcrypto failed to compute SHA-256");
}

/// One EVP_MD_CTX for every record: initialising a context is cheap, allocating one is not.
class OpenSslSession final : public HashSession {
 public:
  OpenSslSession(std::shared_ptr<void> algorithm, EVP_MD_CTX* context)
      : algorithm_(std::move(algorithm)), context_(context) {}

  [[nodiscard]] Digest sha256(ByteView bytes) override {
    Digest digest{};
    unsigned int size = 0;
    EVP_MD_CTX* context = context_.get();
    if (EVP_DigestInit_ex2(context, static_cast<const EVP_MD*>(algorithm_.get()), nullptr) != 1 || EVP_DigestUpdate(context, bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(context, digest.data(), &size) != 1 || size != digest.size()) {
      libcrypto_failed();
    }
    return digest;
  }

 private:
  struct Free {
    void operator()(EVP_MD_CTX* context) const noexcept { EVP_MD_CTX_free(context); }
  };

  std::shared_ptr<void> algorithm_;  ///< the hasher's fetched EVP_MD, kept alive by the session too
  std::unique_ptr<EVP_MD_CTX, Free> context_;
};

}  // namespace

std::unique_ptr<HashSession> Hasher::session() const { return std::make_unique<ForwardingSession>(*this); }

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
    libcrypto_failed();
  }
  return digest;
}

std::unique_ptr<HashSession> OpenSslHasher::session() const {
  EVP_MD_CTX* context = EVP_MD_CTX_new();
  // Without a context of its own (out of memory in libcrypto) the session still hashes, per call.
  if (!algorithm_ || !context) {
    EVP_MD_CTX_free(context);
    return Hasher::session();
  }
  return std::make_unique<OpenSslSession>(algorithm_, context);
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
