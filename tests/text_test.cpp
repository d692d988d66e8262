// Free text from hosts' forms and files must be well-formed UTF-8 (RFC 3629): the automaton in
// detail/text.hpp is checked against a decoder written the other way round — read the code point,
// then judge it — on every sequence of up to three bytes and on the edges of the four-byte ones.
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "detail/text.hpp"

namespace exemplar {
namespace {

/// RFC 3629 by code points: each sequence decodes to one code point of the length its lead byte
/// announces, at least as large as that length needs (no overlong forms), not a surrogate, at most
/// U+10FFFF.
bool valid_by_code_points(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned long point = 0;
    unsigned long smallest = 0;
    if (lead < 0x80) {
      length = 1;
      point = lead;
    } else if ((lead & 0xE0U) == 0xC0U) {
      length = 2;
      point = lead & 0x1FU;
      smallest = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
      length = 3;
      point = lead & 0x0FU;
      smallest = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
      length = 4;
      point = lead & 0x07U;
      smallest = 0x10000;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0U) != 0x80U) return false;
      point = (point << 6U) | (next & 0x3FU);
    }
    if (point < smallest || (point >= 0xD800 && point <= 0xDFFF) || point > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

std::string bytes(std::initializer_list<unsigned> values) {
  std::string text;
  for (unsigned value : values) text.push_back(static_cast<char>(value));
  return text;
}

std::string encode(unsigned long point) {
  if (point < 0x80) return bytes({static_cast<unsigned>(point)});
  if (point < 0x800) return bytes({0xC0U | static_cast<unsigned>(point >> 6U), 0x80U | static_cast<unsigned>(point & 0x3FU)});
  if (point < 0x10000) {
    return bytes({0xE0U | static_cast<unsigned>(point >> 12U), 0x80U | static_cast<unsigned>((point >> 6U) & 0x3FU),
                  0x80U | static_cast<unsigned>(point & 0x3FU)});
  }
  return bytes({0xF0U | static_cast<unsigned>(point >> 18U), 0x80U | static_cast<unsigned>((point >> 12U) & 0x3FU),
                0x80U | static_cast<unsigned>((point >> 6U) & 0x3FU), 0x80U | static_cast<unsigned>(point & 0x3FU)});
}

TEST(Text, EveryUnicodeScalarValueEncodedIsValid) {
  unsigned long refused = 0;

  for (unsigned long point = 0; point <= 0x10FFFF; ++point) {
    if (point >= 0xD800 && point <= 0xDFFF) continue;
    if (!detail::is_valid_utf8(encode(point))) ++refused;
  }

  EXPECT_EQ(refused, 0UL);
}

TEST(Text, SurrogatesAndCodePointsPastTheLastAreRefused) {
  EXPECT_FALSE(detail::is_valid_utf8(encode(0xD800)));
  EXPECT_FALSE(detail::is_valid_utf8(encode(0xDFFF)));
  EXPECT_FALSE(detail::is_valid_utf8(encode(0x110000)));
  EXPECT_FALSE(detail::is_valid_utf8(bytes({0xC0, 0x80})));        // an overlong NUL
  EXPECT_FALSE(detail::is_valid_utf8(bytes({0xE0, 0x80, 0x80})));  // an overlong NUL again
  EXPECT_FALSE(detail::is_valid_utf8(bytes({0xE1, 0x80})));        // cut short
  EXPECT_TRUE(detail::is_valid_utf8("Thanh tra viên có 3 sáng kiến được áp dụng"));
  EXPECT_TRUE(detail::is_valid_utf8(""));
}

TEST(Text, AgreesWithTheCodePointReadingOnEverySequenceOfUpToThreeBytes) {
  unsigned long disagreements = 0;
  std::optional<std::string> first;
  const auto check = [&](const std::string& text) {
    if (detail::is_valid_utf8(text) == valid_by_code_points(text)) return;
    ++disagreements;
    if (!first) first = text;
  };

  for (unsigned a = 0; a < 256; ++a) {
    check(bytes({a}));
    for (unsigned b = 0; b < 256; ++b) {
      check(bytes({a, b}));
      // Three bytes: every lead that announces a sequence of two or more, every two bytes after it.
      if (a < 0xC0) continue;
      for (unsigned c = 0; c < 256; ++c) check(bytes({a, b, c}));
    }
  }

  EXPECT_EQ(disagreements, 0UL) << "first: " << ::testing::PrintToString(first.value_or(""));
}

TEST(Text, AgreesWithTheCodePointReadingOnTheEdgesOfFourByteSequences) {
  unsigned long disagreements = 0;
  const unsigned edges[] = {0x00, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};

  for (unsigned a = 0xF0; a < 0x100; ++a) {
    for (unsigned b = 0; b < 256; ++b) {
      for (unsigned c : edges) {
        for (unsigned d : edges) {
          const std::string text = bytes({a, b, c, d});
          if (detail::is_valid_utf8(text) != valid_by_code_points(text)) ++disagreements;
        }
      }
    }
  }

  EXPECT_EQ(disagreements, 0UL);
}

}  // namespace
}  // namespace exemplar
