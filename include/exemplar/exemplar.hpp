// exemplar/exemplar.hpp: the whole public API in one include.
#pragma once

#include "authority.hpp"
#include "council.hpp"
#include "export.hpp"
#include "format.hpp"
#include "fsm.hpp"
#include "ids.hpp"
#include "labels.hpp"
#include "lifecycle.hpp"
#include "refusal.hpp"
#include "version.hpp"
#include "vocabulary.hpp"
