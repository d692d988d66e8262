// The CSV of five_year_cycle (issue 15, "reports people open"): it opens in Excel as it is — a UTF-8
// byte-order mark, RFC 4180 quoting with doubled quotes, CRLF line ends — with its headers in the
// reader's language and one row per candidate.
#include <gtest/gtest.h>

#include <string>

#include "csv.hpp"
#include "report.hpp"

namespace {

using namespace sim;

constexpr std::string_view bom = "\xEF\xBB\xBF";

/// A small history with a unit whose name holds a comma and quotes, and one whose name is plain.
History two_units() {
  History history;
  history.units = {Unit{UnitId{1}, "Phòng \"Nghiệp vụ 1\", Thanh tra tỉnh", Field::inspection},
                   Unit{UnitId{2}, "Thanh tra huyện Cẩm Xuyên", Field::inspection}};
  for (std::uint32_t i = 1; i <= 3; ++i) {
    Candidate candidate;
    candidate.id = CandidateId{i};
    candidate.unit = UnitId{i == 3 ? 2U : 1U};
    candidate.stage = i == 1 ? Stage::commended : Stage::registered;
    candidate.award = Award::agency_certificate;
    history.candidates[candidate.id] = candidate;
    history.cohort[candidate.id] = 2021;
  }
  history.why[CandidateId{1}] = Text{"met rules 1, 2", "đạt tiêu chí 1, 2"};
  return history;
}

std::vector<std::string> records(const std::string& csv) {
  std::vector<std::string> out;
  std::size_t from = csv.compare(0, bom.size(), bom) == 0 ? bom.size() : 0;
  for (std::size_t end; (end = csv.find("\r\n", from)) != std::string::npos; from = end + 2) out.push_back(csv.substr(from, end - from));
  if (from != csv.size()) out.push_back(csv.substr(from));
  return out;
}

TEST(ReportCsv, StartsWithAUtf8ByteOrderMark) {
  const std::string csv = csv_report(two_units(), Lang::vi);
  ASSERT_GE(csv.size(), bom.size());
  EXPECT_EQ(csv.substr(0, 3), bom);
  EXPECT_EQ(csv.find(bom, 3), std::string::npos) << "one mark, at the start only";
}

TEST(ReportCsv, LeavesPlainFieldsBare) {
  EXPECT_EQ(csv::field("Thanh tra huyện Cẩm Xuyên"), "Thanh tra huyện Cẩm Xuyên");
  EXPECT_EQ(csv::field(""), "");
}

TEST(ReportCsv, QuotesFieldsWithACommaAQuoteOrALineBreakAndDoublesTheQuotes) {
  EXPECT_EQ(csv::field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv::field("Phòng \"Nghiệp vụ 1\""), "\"Phòng \"\"Nghiệp vụ 1\"\"\"");
  EXPECT_EQ(csv::field("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(csv::field("carriage\rreturn"), "\"carriage\rreturn\"");
  EXPECT_EQ(csv::row({"1", "a,b", "\""}), "1,\"a,b\",\"\"\"\"\r\n");
}

TEST(ReportCsv, EndsEveryRecordWithCrLf) {
  const std::string csv = csv_report(two_units(), Lang::en);
  ASSERT_GE(csv.size(), 2U);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  for (std::size_t at = csv.find('\n'); at != std::string::npos; at = csv.find('\n', at + 1)) {
    EXPECT_EQ(csv[at - 1], '\r') << "a bare LF at byte " << at;
  }
}

TEST(ReportCsv, HeadersAreInVietnameseForVi) {
  const auto lines = records(csv_report(two_units(), Lang::vi));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0].rfind("ứng viên,đơn vị,tên đơn vị,đối tượng,chức vụ,lĩnh vực,năm phát hiện,năm của đợt,trạng thái,cấp,"
                           "hình thức khen thưởng,số quyết định công nhận,ngày quyết định công nhận,lý do được công nhận",
                           0),
            0U)
      << lines[0];
}

TEST(ReportCsv, HeadersAreInEnglishForEn) {
  const auto lines = records(csv_report(two_units(), Lang::en));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines[0],
            "candidate,unit,unit name,subject,position,field,year discovered,year of the round,stage,level,form of award,"
            "number of the recognition decision,date of the recognition decision,why they qualified");
}

TEST(ReportCsv, WritesOneRowPerCandidateWithTheUnitNameQuoted) {
  const History history = two_units();
  const auto lines = records(csv_report(history, Lang::vi));
  ASSERT_EQ(lines.size(), 1 + history.candidates.size());
  EXPECT_EQ(lines[1].rfind("1,1,\"Phòng \"\"Nghiệp vụ 1\"\", Thanh tra tỉnh\",", 0), 0U) << lines[1];
  EXPECT_NE(lines[1].find(",\"đạt tiêu chí 1, 2\""), std::string::npos) << "the reasons, quoted for their comma: " << lines[1];
  EXPECT_EQ(lines[3].rfind("3,2,Thanh tra huyện Cẩm Xuyên,", 0), 0U) << lines[3];
}

TEST(ReportNumbers, VietnameseGroupsThousandsWithDotsAndEnglishWithCommas) {
  EXPECT_EQ(thousands(2500000, Lang::vi), "2.500.000");
  EXPECT_EQ(thousands(2500000, Lang::en), "2,500,000");
  EXPECT_EQ(thousands(999, Lang::vi), "999");
  EXPECT_EQ(thousands(0, Lang::en), "0");
}

}  // namespace
