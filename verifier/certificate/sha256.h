// SHA-256 (FIPS 180-4), for the input hashes a certificate carries. Written here so that the
// verifier needs no crypto library; it is not used for anything secret.
//
// Tested by: tests/unit/verifier_sha256_test.cpp (the FIPS 180-2 / NIST example vectors)
//
// IMPLEMENTATION: the textbook compression function over 64-byte blocks, with the message
// padded by 0x80, zeros and the 64-bit big-endian bit length.
//
// TRUSTED: check-certificate binds a certificate to its files through these digests; a wrong
// digest could let a certificate of other files pass.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace leastpriv::verifier {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  // The digest; the object must not be updated afterwards.
  std::array<std::uint8_t, 32> finish();

 private:
  void compress(const std::uint8_t* block);

  std::array<std::uint32_t, 8> state_;
  std::array<std::uint8_t, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;  // bytes
};

// Lower-case hex digest of `data`.
std::string sha256_hex(std::string_view data);
// Lower-case hex of a finished digest.
std::string digest_hex(const std::array<std::uint8_t, 32>& digest);

}  // namespace leastpriv::verifier
