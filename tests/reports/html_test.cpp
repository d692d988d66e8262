// The HTML page and SVG charts of five_year_cycle (issue 15, "reports people open"), read as text:
// the page fetches nothing, speaks the language asked for and escapes what it shows; each chart has
// a bar for everything it counts. tests/reports/html_in_chromium.py renders them in a browser.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "charts.hpp"
#include "html_report.hpp"

namespace {

using namespace sim;

struct SmallRun {
  Plan plan;
  Settings settings;
  History history;
  Tally tally;
};

const SmallRun& small_run() {
  static const SmallRun run = [] {
    SmallRun r;
    r.plan = *plans::find("hatinh-inspectorate-2021-2025");
    r.settings.units = 5;
    r.settings.people = 60;
    r.history = *sim::run(r.plan, r.settings);
    r.tally = count(r.history);
    return r;
  }();
  return run;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

TEST(ReportHtml, NamesNoOtherResourceAndForbidsFetching) {
  const SmallRun& r = small_run();
  const std::string page = html_report(r.plan, r.settings, r.history, r.tally, Lang::vi);
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none';"), std::string::npos);
  const std::regex address("https?://[^\"'<> ]+");
  for (auto it = std::sregex_iterator(page.begin(), page.end(), address); it != std::sregex_iterator(); ++it) {
    EXPECT_EQ(it->str(), "http://www.w3.org/2000/svg") << "the page names another resource";
  }
  EXPECT_EQ(page.find(" src="), std::string::npos);
  EXPECT_EQ(page.find(" href="), std::string::npos);
}

TEST(ReportHtml, IsWhollyInTheLanguageAsked) {
  const SmallRun& r = small_run();
  const std::string vi = html_report(r.plan, r.settings, r.history, r.tally, Lang::vi);
  const std::string en = html_report(r.plan, r.settings, r.history, r.tally, Lang::en);
  EXPECT_NE(vi.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(vi.find("Điển hình tiên tiến của giai đoạn và lý do"), std::string::npos);
  EXPECT_NE(vi.find("Lộ trình: các mốc và trạng thái ngày 31/12/2025"), std::string::npos);
  for (const char* english : {"Roadmap", "Each year's", "The period's exemplars", "Units missing", "Journal:"}) {
    EXPECT_EQ(vi.find(english), std::string::npos) << english;
  }
  EXPECT_NE(en.find("<html lang=\"en\">"), std::string::npos);
  EXPECT_NE(en.find("The period's exemplars and why they qualified"), std::string::npos);
  EXPECT_EQ(en.find("Điển hình"), std::string::npos);
}

TEST(ReportHtml, ListsEveryExemplarInItsSortableTable) {
  const SmallRun& r = small_run();
  const std::string page = html_report(r.plan, r.settings, r.history, r.tally, Lang::vi);
  const auto honoured = exemplars(r.history);
  ASSERT_FALSE(honoured.empty());
  EXPECT_NE(page.find("<table id=\"exemplars\" class=\"sortable\">"), std::string::npos);
  for (CandidateId id : honoured) {
    EXPECT_NE(page.find("<tr><td class=\"n\" data-value=\"" + std::to_string(id.value()) + "\">"), std::string::npos) << id.value();
  }
  const auto why = r.history.why.find(honoured.front());
  ASSERT_NE(why, r.history.why.end());
  EXPECT_NE(page.find(exemplar::detail::xml_escape(why->second.vi)), std::string::npos);
}

TEST(ReportHtml, EscapesTheNamesItShows) {
  SmallRun r = small_run();
  r.history.units.front().name = "Phòng <b>\"A\" & B</b>";
  const std::string page = html_report(r.plan, r.settings, r.history, r.tally, Lang::vi);
  EXPECT_EQ(page.find("<b>"), std::string::npos);
  EXPECT_NE(page.find("Phòng &lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;"), std::string::npos);
}

TEST(ReportSvg, DrawsABarPerMilestonePerStageAndYearAndTwoPerUnit) {
  const SmallRun& r = small_run();
  EXPECT_EQ(occurrences(gantt_svg(r.plan, r.history, Lang::vi), "<rect class=\"bar\""), r.plan.roadmap.milestones.size());
  EXPECT_EQ(occurrences(funnel_svg(r.tally, Lang::vi), "<rect class=\"bar\""), funnel_stages.size() * r.tally.by_year.size());
  EXPECT_EQ(occurrences(units_svg(r.history, r.tally, Lang::vi), "<rect class=\"bar\""), 2 * r.history.units.size());
  const std::string all = charts_svg(r.plan, r.history, r.tally, Lang::en);
  EXPECT_EQ(all.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0U);
  EXPECT_EQ(occurrences(all, "<rect class=\"bar\""),
            r.plan.roadmap.milestones.size() + funnel_stages.size() * r.tally.by_year.size() + 2 * r.history.units.size());
}

TEST(ReportSvg, ColoursEachMilestoneByItsState) {
  const SmallRun& r = small_run();
  const std::string gantt = gantt_svg(r.plan, r.history, Lang::en);
  for (const MilestoneStatus& status : r.history.status.milestones) {
    EXPECT_NE(gantt.find(std::string(label(status.state, Lang::en)) + "; open"), std::string::npos) << status.id;
  }
}

}  // namespace
