#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include <exemplar/binary.hpp>
#include <exemplar/journal.hpp>
#include <exemplar/lifecycle.hpp>

#include "support/journal_fixture.hpp"

namespace {

using namespace exemplar;
using exemplar::fixture::every_kind_journal;
namespace bg = boost::gregorian;
using Blob = std::vector<std::uint8_t>;

// Offsets of a record's fixed fields in format 2 (docs/journal.md, "Binary layout"): the tag, the
// version, sequence, candidate_sequence, previous hash, then the event's candidate, actor,
// actor_unit (added in format 2), role, date, flags and kind.
constexpr std::size_t version_offset = 1;
constexpr std::size_t actor_unit_offset = 55;
constexpr std::size_t role_offset = 59;
constexpr std::size_t date_offset = 60;
constexpr std::size_t kind_offset = 65;

std::vector<Blob> stored_form(const std::vector<Record>& records) {
  std::vector<Blob> stored;
  for (const auto& record : records) stored.push_back(to_binary(record));
  return stored;
}

/// A hasher that mixes a secret into SHA-256, standing in for a host's HMAC.
class KeyedHasher final : public Hasher {
 public:
  Digest sha256(ByteView bytes) const override {
    std::vector<std::uint8_t> keyed{'k', 'e', 'y'};
    keyed.insert(keyed.end(), bytes.begin(), bytes.end());
    return default_hasher().sha256(keyed);
  }
};

Snapshot state_after(const std::vector<Record>& records, std::size_t count, const Workflow& flow) {
  return *replay(std::vector<Record>(records.begin(), records.begin() + static_cast<long>(count)), flow);
}

TEST(Binary, EveryEventKindReadsBackAsTheSameRecord) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  std::set<CommandKind> kinds;

  for (const auto& record : records) {
    const auto back = record_from_binary(to_binary(record));

    ASSERT_TRUE(back) << back.error().message();
    EXPECT_EQ(*back, record);
    kinds.insert(record.event.kind());
  }
  EXPECT_EQ(kinds.size(), command_count);
}

TEST(Binary, ARecordIsItsCanonicalBytesFollowedByItsHash) {
  const Workflow flow;
  const Record record = every_kind_journal(flow).at(5);

  const Blob blob = to_binary(record);
  Blob expected = canonical_bytes(record);
  expected.insert(expected.end(), record.hash.begin(), record.hash.end());

  EXPECT_EQ(blob, expected);
  EXPECT_EQ(default_hasher().sha256(canonical_bytes(record)), record.hash);
}

TEST(Binary, AFosteringRecordTakesAHundredAndTwoBytes) {
  // 66 bytes of header (62 in format 1, and the actor's 4-byte unit), a 4-byte mentor id and the
  // 32-byte hash.
  const Workflow flow;
  const Record foster = every_kind_journal(flow).at(5);

  const Blob blob = to_binary(foster);

  ASSERT_EQ(foster.event.kind(), CommandKind::foster);
  EXPECT_EQ(blob.size(), 102U);
  EXPECT_EQ(blob[0], 'R');
  EXPECT_EQ(blob[version_offset], journal_format_version);
  EXPECT_EQ(blob[actor_unit_offset], foster.event.actor_unit.value());
  EXPECT_EQ(blob[kind_offset], static_cast<std::uint8_t>(CommandKind::foster));
}

TEST(Binary, EveryBlobTheReaderAcceptsIsExactlyTheStoredFormOfWhatItReads) {
  // Replay hashes a blob's own bytes rather than encoding the record again: sound only because the
  // reader accepts no second spelling of any record, whatever bytes are changed.
  const Workflow flow;
  const auto stored = stored_form(every_kind_journal(flow));
  std::size_t accepted = 0;

  for (const Blob& blob : stored) {
    for (std::size_t i = 0; i < blob.size(); ++i) {
      for (std::uint8_t mask : {0x01, 0x02, 0x10, 0x80, 0xFF}) {
        Blob changed = blob;
        changed[i] ^= mask;

        const auto back = record_from_binary(changed);

        if (!back) continue;
        ++accepted;
        EXPECT_EQ(to_binary(*back), changed) << "byte " << i << ", mask " << int{mask};
      }
    }
  }
  EXPECT_GT(accepted, 0U);
}

TEST(Binary, AppendCanonicalBytesAddsTheHashedBytesAfterWhatIsAlreadyThere) {
  const Workflow flow;
  const Record record = every_kind_journal(flow).at(0);
  Blob buffer{0xAA, 0xBB};

  append_canonical_bytes(record, buffer);

  Blob expected{0xAA, 0xBB};
  const Blob canonical = canonical_bytes(record);
  expected.insert(expected.end(), canonical.begin(), canonical.end());
  EXPECT_EQ(buffer, expected);
}

TEST(Binary, AJournalReplaysStoredBlobsOneByOneToTheSameStateAndRecords) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  const auto stored = stored_form(records);
  Journal journal{flow};
  std::vector<Record> heard;
  FunctionObserver listener{[&](const Change& change) {
    EXPECT_EQ(change.origin, Origin::replayed);
    heard.push_back(change.record);
  }};
  ASSERT_TRUE(journal.subscribe(listener));

  for (const Blob& blob : stored) {
    const auto applied = journal.replay_binary(blob);

    ASSERT_TRUE(applied) << applied.error().message();
  }

  EXPECT_EQ(journal.snapshot(), *replay(records, flow));
  EXPECT_EQ(heard, records);
}

TEST(Binary, ABlobThatCannotBeReadStopsTheJournalAtTheNumberItExpectsAndChangesNothing) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  const auto stored = stored_form(records);
  Journal journal{flow};
  for (std::size_t k = 0; k < 5; ++k) ASSERT_TRUE(journal.replay_binary(stored[k]));
  const Snapshot before = journal.snapshot();

  const auto cut = journal.replay_binary(ByteView{stored[5].data(), stored[5].size() - 1});
  const auto edited = [&] {
    Blob changed = stored[5];
    changed[kind_offset + 1] ^= 0x01;  // the mentor's id: still readable, no longer what was hashed
    return journal.replay_binary(changed);
  }();

  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(cut.error().record, 6U);
  ASSERT_FALSE(edited);
  EXPECT_EQ(edited.error().code, RefusalCode::record_edited);
  EXPECT_EQ(edited.error().record, 6U);
  EXPECT_EQ(journal.snapshot(), before);
  EXPECT_TRUE(journal.replay_binary(stored[5]));
}

TEST(Binary, AJournalChecksStoredBlobsWithTheHostsOwnHasher) {
  const Workflow flow;
  const KeyedHasher keyed;
  Journal writer{flow, keyed};
  std::vector<Blob> sealed_with_key;
  for (const auto& record : every_kind_journal(flow)) sealed_with_key.push_back(to_binary(*writer.append(record.event)));
  Journal with_key{flow, keyed};
  Journal without_key{flow};

  for (const Blob& blob : sealed_with_key) ASSERT_TRUE(with_key.replay_binary(blob));
  const auto refused = without_key.replay_binary(sealed_with_key.front());

  EXPECT_EQ(with_key.snapshot(), writer.snapshot());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, RefusalCode::record_edited);
  EXPECT_EQ(refused.error().record, 1U);
}

TEST(Binary, SnapshotsAndCandidatesReadBackTheSame) {
  const Workflow flow;
  const auto snapshot = replay(every_kind_journal(flow), flow);
  ASSERT_TRUE(snapshot);

  const auto back = snapshot_from_binary(to_binary(*snapshot));

  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, *snapshot);
  for (const auto& [id, entry] : snapshot->candidates) {
    const auto candidate = candidate_from_binary(to_binary(entry.candidate));
    ASSERT_TRUE(candidate) << candidate.error().message();
    EXPECT_EQ(*candidate, entry.candidate);
  }
}

TEST(Binary, EveryTruncatedRecordIsRefusedAsMalformed) {
  const Workflow flow;
  const Blob blob = to_binary(every_kind_journal(flow).at(0));

  for (std::size_t size = 0; size < blob.size(); ++size) {
    const auto back = record_from_binary(ByteView{blob.data(), size});

    ASSERT_FALSE(back) << size << " bytes";
    EXPECT_EQ(back.error().code, RefusalCode::record_malformed) << size << " bytes";
  }
}

TEST(Binary, ABlobWithBytesAfterTheRecordIsRefused) {
  const Workflow flow;
  Blob blob = to_binary(every_kind_journal(flow).at(0));
  blob.push_back(0);

  const auto back = record_from_binary(blob);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(back.error().subject, "hash");
}

TEST(Binary, ASnapshotIsNotReadAsARecord) {
  const Workflow flow;
  const auto snapshot = replay(every_kind_journal(flow), flow);

  const auto back = record_from_binary(to_binary(*snapshot));

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(back.error().subject, "form");
}

TEST(Binary, ANewerFormatVersionIsRefusedNotGuessed) {
  const Workflow flow;
  Blob blob = to_binary(every_kind_journal(flow).at(0));
  blob[version_offset] = journal_format_version + 1;

  const auto back = record_from_binary(blob);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, RefusalCode::record_unknown_version);
  EXPECT_EQ(back.error().detail.en, fmt::format("format version {} is newer than this library reads (up to {})",
                                                journal_format_version + 1, journal_format_version));
}

TEST(Binary, AnUnknownEventKindIsRefused) {
  const Workflow flow;
  Blob blob = to_binary(every_kind_journal(flow).at(0));
  blob[kind_offset] = static_cast<std::uint8_t>(command_count);

  const auto back = record_from_binary(blob);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, RefusalCode::record_unknown_kind);
  EXPECT_EQ(back.error().subject, "event.kind");
  EXPECT_EQ(back.error().record, 1U);
}

TEST(Binary, AnUnknownRoleIsRefusedWithItsField) {
  const Workflow flow;
  Blob blob = to_binary(every_kind_journal(flow).at(0));
  blob[role_offset] = 9;

  const auto back = record_from_binary(blob);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().code, RefusalCode::record_malformed);
  EXPECT_EQ(back.error().subject, "event.role");
}

TEST(Binary, AnImpossibleDateIsRefusedWithItsField) {
  const Workflow flow;
  Blob blob = to_binary(every_kind_journal(flow).at(0));
  blob[date_offset + 2] = 2;   // February
  blob[date_offset + 3] = 30;  // the 30th

  const auto back = record_from_binary(blob);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().subject, "event.date");
  EXPECT_EQ(back.error().detail.en, "2022-02-30 is not a date");
}

TEST(Binary, FlippingAnyByteOfAnyStoredRecordIsDetectedAtThatRecord) {
  const Workflow flow;
  const auto records = every_kind_journal(flow);
  const auto stored = stored_form(records);

  for (std::size_t k = 0; k < stored.size(); ++k) {
    const Snapshot before = state_after(records, k, flow);
    for (std::size_t i = 0; i < stored[k].size(); ++i) {
      for (std::uint8_t mask : {0x01, 0x80, 0xFF}) {
        std::vector<Blob> tampered{stored[k]};
        if (k + 1 < stored.size()) tampered.push_back(stored[k + 1]);
        tampered[0][i] ^= mask;

        const auto replayed = replay_binary(tampered, flow, before);

        ASSERT_FALSE(replayed) << "record " << k + 1 << ", byte " << i << ", mask " << int{mask};
        EXPECT_EQ(replayed.error().record, k + 1) << "byte " << i << ", mask " << int{mask};
      }
    }
  }
}

TEST(Binary, DeletingAnyStoredRecordIsDetectedAtItsPlace) {
  const Workflow flow;
  const auto stored = stored_form(every_kind_journal(flow));

  for (std::size_t k = 0; k + 1 < stored.size(); ++k) {
    auto tampered = stored;
    tampered.erase(tampered.begin() + static_cast<long>(k));

    const auto replayed = replay_binary(tampered, flow);

    ASSERT_FALSE(replayed) << "deleted record " << k + 1;
    EXPECT_EQ(replayed.error().code, RefusalCode::record_gap);
    EXPECT_EQ(replayed.error().record, k + 1);
  }
}

TEST(Binary, SwappingAnyTwoStoredRecordsIsDetectedAtTheFirst) {
  const Workflow flow;
  const auto stored = stored_form(every_kind_journal(flow));

  for (std::size_t a = 0; a < stored.size(); ++a) {
    for (std::size_t b = a + 1; b < stored.size(); ++b) {
      auto tampered = stored;
      std::swap(tampered[a], tampered[b]);

      const auto replayed = replay_binary(tampered, flow);

      ASSERT_FALSE(replayed) << "swapped " << a + 1 << " and " << b + 1;
      EXPECT_EQ(replayed.error().code, RefusalCode::record_out_of_order);
      EXPECT_EQ(replayed.error().record, a + 1);
    }
  }
}

TEST(Binary, EncodingTextLongerThanItsFieldHoldsIsABrokenPrecondition) {
  // Journal::prepare and replay refuse such a record before anything is encoded.
  const Workflow flow;
  Record record = every_kind_journal(flow).at(0);
  std::get<events::Discovered>(record.event.data).description = std::string(4097, 'a');

  EXPECT_DEATH(static_cast<void>(to_binary(record)), "broken precondition");
}

TEST(Binary, EveryTruncatedSnapshotIsRefused) {
  const Workflow flow;
  const Blob blob = to_binary(*replay(every_kind_journal(flow), flow));

  for (std::size_t size = 0; size < blob.size(); ++size) {
    EXPECT_FALSE(snapshot_from_binary(ByteView{blob.data(), size})) << size << " bytes";
  }
}

TEST(Binary, ASnapshotOfANewerVersionIsRefused) {
  const Workflow flow;
  Blob blob = to_binary(*replay(every_kind_journal(flow), flow));
  blob[version_offset] = journal_format_version + 1;

  const auto back = snapshot_from_binary(blob);

  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().subject, "version");
}

TEST(Binary, ACandidateWithAnUnknownStageIsRefusedWithItsField) {
  Candidate candidate;
  candidate.id = CandidateId{4};
  candidate.stage = Stage::registered;
  Blob blob = to_binary(candidate);
  const Blob registered = blob;
  // The stage is the first of the eight one-byte fields at the end: stage, subject, position, level,
  // field, award, council_proposed, and the proposed awards of format 2.
  blob[blob.size() - 8] = static_cast<std::uint8_t>(stage_count);

  const auto back = candidate_from_binary(blob);

  ASSERT_TRUE(candidate_from_binary(registered));
  ASSERT_FALSE(back);
  EXPECT_EQ(back.error().subject, "stage");
}

}  // namespace
