#include <gtest/gtest.h>
#include <exemplar/exemplar.hpp>
TEST(Lifecycle, Placeholder) {}
