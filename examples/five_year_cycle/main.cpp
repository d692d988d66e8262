// five_year_cycle: a whole plan period simulated on a synthetic agency, with every step decided by
// exemplar and journaled — the main job behind `./build.sh demo`.
//
//   2021 ──registration──▶ council ──▶ recognition ──▶ year-end review ──▶ replication ─┐
//    ...   (each year; the mid-term review in 2023; the final review, the exemplar        │
//   2025    conference and the send-up to the province at the end)  ◀───────────────────┘
//
// Default: the plan hatinh-inspectorate-2021-2025 (seed 000) on 29 units shaped like its readers
// (the Office, the divisions, 13 district and 10 department inspectorates) with 300 people and a
// fixed random seed; evidence grows year by year. It prints, in Vietnamese or English:
//   the milestones with their states; each year's funnel per unit; the exemplars and why they
//   qualified; every deadline met late or missed and the steps the plan refused.
//
// It checks itself and exits 1 when a count does not add up or when the journal, replayed from
// nothing (and read back from --journal's file), does not give the live state exactly.
//
// Usage: five_year_cycle --version
//        five_year_cycle [--plan ID | --plan-file F] [--seed N] [--units N] [--people N]
//                        [--until YYYY-MM-DD] [--lang vi|en] [--format text|json|csv|html|svg]
//                        [--journal F] [--diagram lifecycle|period|year|roadmap --format dot|mermaid|scxml]
//        five_year_cycle --scale national [--plan ID | --plan-file F] [--seed N] [--lang vi|en]
//                        [--units N] [--people N] [--journal F] [--no-verify]
//
// --scale national runs the plan over 2.5 million individuals and 150 thousand collectives in 700
// units (national.hpp; --units and --people make a smaller country with the same proportions), writes the binary journal to --journal (national-journal.bin by default),
// reads it back and replays it, prints what it did on standard output (the same seed, the same
// text) and how long each phase took on standard error, with where the journal file went and its size.
//
// Exit codes (docs/cli.md): 0 done; 1 a self-check failed; 2 a bad command line or plan file.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <boost/date_time/gregorian/gregorian.hpp>
#include <exemplar/json/journal.hpp>
#include <exemplar/json/plan.hpp>

#include "charts.hpp"
#include "html_report.hpp"
#include "national.hpp"
#include "report.hpp"

namespace {

using namespace exemplar;
namespace bg = boost::gregorian;

int fail(const std::string& message, int code = 2) {
  std::cerr << "five_year_cycle: " << message << "\n";
  return code;
}

std::string read_file(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The diagram asked for, or an error message.
tl::expected<std::string, std::string> diagram(const std::string& which, const std::string& format, const Plan& plan,
                                               bg::date today, Lang lang) {
  if (which == "roadmap") {
    if (format != "mermaid") return tl::make_unexpected(std::string("--diagram roadmap is a Mermaid Gantt chart: use --format mermaid"));
    auto roadmap = Roadmap::make(plan.roadmap);
    if (!roadmap) return tl::make_unexpected(roadmap.error().message(lang));
    return roadmap_gantt(*roadmap, today, lang);
  }
  const auto render = [&](const auto& table, const char* name) -> tl::expected<std::string, std::string> {
    if (format == "dot") return to_dot(table, name, lang);
    if (format == "mermaid") return to_mermaid(table, lang);
    if (format == "scxml") return to_scxml(table, name);
    return tl::make_unexpected("--diagram takes --format dot, mermaid or scxml, not '" + format + "'");
  };
  if (which == "lifecycle") {
    // The plan's own lifecycle: the steps its procedure uses and its extra arrows.
    auto flow = Workflow::make(plan.procedure);
    if (!flow) return tl::make_unexpected(flow.error().message(lang));
    return render(flow->table(), "lifecycle");
  }
  if (which == "period") return render(period_table, "period");
  if (which == "year") return render(year_table, "year");
  return tl::make_unexpected("--diagram takes lifecycle, period, year or roadmap, not '" + which + "'");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Simulates a plan's five-year cycle of advanced exemplars on a synthetic agency.", "five_year_cycle"};
  std::string plan_id = "hatinh-inspectorate-2021-2025";
  std::string plan_file;
  sim::Settings settings;
  std::string until;
  std::string lang_text = "vi";
  std::string format;
  std::string journal_path;
  std::string diagram_name;
  std::string scale = "agency";
  bool no_verify = false;
  auto* plan_option = app.add_option("--plan", plan_id, "a built-in plan's id")->capture_default_str();
  app.add_option("--plan-file", plan_file, "a plan in JSON (see docs/plan-schema.md)")->excludes(plan_option);
  app.set_version_flag("--version", std::string("five_year_cycle ") + version_string);
  // Digits only: "-1" must be refused, not read as 18446744073709551615 (numbers too large for
  // 64 bits CLI11 refuses itself).
  const CLI::Validator whole_number(
      [](std::string& text) {
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        return digits ? std::string() : "'" + text + "' is not a whole number from 0 to 18446744073709551615";
      },
      "N");
  app.add_option("--seed", settings.seed, "the random seed: the same seed gives the same report")
      ->check(whole_number)
      ->capture_default_str();
  app.add_option("--units", settings.units, "how many units")->check(CLI::Range(1U, 5000U))->capture_default_str();
  app.add_option("--people", settings.people, "how many people (individuals at national scale: 2500000)")
      ->check(CLI::Range(1U, 5000000U))
      ->capture_default_str();
  app.add_option("--until", until, "stop on this day (YYYY-MM-DD)");
  app.add_option("--lang", lang_text, "vi or en")->check(CLI::IsMember({"vi", "en"}))->capture_default_str();
  app.add_option("--format", format, "text, json, csv, html or svg; with --diagram: dot, mermaid or scxml");
  app.add_option("--journal", journal_path, "write the journal (JSON) to this file");
  app.add_option("--diagram", diagram_name, "print a diagram instead: lifecycle, period, year or roadmap");
  app.add_option("--scale", scale, "agency (--units, --people) or national (2.5M individuals, 150k collectives, 700 units)")
      ->check(CLI::IsMember({"agency", "national"}))
      ->capture_default_str();
  app.add_flag("--no-verify", no_verify, "national scale: do not read the journal file back and replay it");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    // Help and --version exit 0; every bad command line exits 2, whatever CLI11's own code is.
    return app.exit(error) == 0 ? 0 : 2;
  }

  const Lang lang = *from_identifier<Lang>(lang_text);
  Plan plan;
  if (!plan_file.empty()) {
    bool ok = false;
    const std::string text = read_file(plan_file, ok);
    if (!ok) return fail("cannot read the plan file '" + plan_file + "'");
    auto loaded = json::plan_from_text(text);
    if (!loaded) return fail(plan_file + ": " + loaded.error().message(lang));
    plan = std::move(*loaded);
  } else {
    auto found = plans::find(plan_id);
    if (!found) return fail(found.error().message(lang));
    plan = std::move(*found);
  }
  // The simulated units discover their own people at agency level: a plan that lets no unit head
  // do that would run five empty years and then fail its self-check, so say so before the run.
  if (diagram_name.empty()) {
    auto policy = Policy::make(plan.procedure.grants);
    const Actor head{ActorId{1}, Role::unit_head, UnitId{1}};
    if (!policy) return fail(policy.error().message(lang));
    if (auto may = policy->check(head, CommandKind::discover, Stage::initial, Level::agency, head.unit); !may) {
      return fail(lang == Lang::vi ? "kế hoạch không cho trưởng đơn vị nào phát hiện ứng viên ở cấp cơ quan, nên không có gì để "
                                     "mô phỏng: " + may.error().message(lang)
                                   : "the plan lets no unit head discover a candidate at agency level, so there is nothing to "
                                     "simulate: " + may.error().message(lang));
    }
  }
  if (!until.empty()) {
    auto parsed = json::parse_iso_date(until);
    if (!parsed) return fail("--until takes a date as YYYY-MM-DD, not '" + until + "'");
    settings.until = *parsed;
  }

  if (!diagram_name.empty()) {
    const bg::date today = settings.until.is_special() ? bg::date{plan.roadmap.last_year, 12, 31} : settings.until;
    auto picture = diagram(diagram_name, format.empty() ? "dot" : format, plan, today, lang);
    if (!picture) return fail(picture.error());
    std::cout << *picture;
    return 0;
  }
  if (scale == "national") {
    if (!format.empty() && format != "text") return fail("--scale national prints text only");
    if (!until.empty()) return fail("--scale national runs the whole plan: --until does not apply");
    sim::NationalSettings national;
    national.seed = settings.seed;
    // Smaller countries keep the national proportions: 6 collectives per 100 individuals.
    if (app.count("--units") > 0) national.units = settings.units;
    if (app.count("--people") > 0) {
      national.individuals = settings.people;
      national.collectives = std::max(national.units, static_cast<std::uint32_t>(settings.people * 3ULL / 50ULL));
    }
    national.verify = !no_verify;
    if (!journal_path.empty()) national.journal_path = journal_path;
    auto outcome = sim::run_national(plan, national);
    if (!outcome) return fail(outcome.error(), 1);
    std::cout << sim::national_report(plan, national, *outcome, lang);
    std::cerr << sim::national_timings(*outcome);
    // Where the journal went and how large it is: the absolute path differs between machines, so
    // it goes with the timings, not into the report.
    std::error_code error;
    const auto where = std::filesystem::absolute(national.journal_path, error);
    std::string mib = fmt::format("{:.1f}", static_cast<double>(outcome->journal_bytes) / (1024.0 * 1024.0));
    if (lang == Lang::vi) std::replace(mib.begin(), mib.end(), '.', ',');  // the Vietnamese decimal comma
    std::cerr << "five_year_cycle: " << (lang == Lang::vi ? "đã ghi nhật ký vào " : "wrote the journal to ")
              << (error ? national.journal_path : where.string()) << " ("
              << fmt::format("{} MiB, {} {}", mib, outcome->journal_bytes, lang == Lang::vi ? "byte" : "bytes") << ")\n";
    return 0;
  }
  if (settings.people > 200000U) return fail("the agency run keeps at most 200000 people; use --scale national for more");
  if (format.empty()) format = "text";
  if (format != "text" && format != "json" && format != "csv" && format != "html" && format != "svg") {
    return fail("--format takes text, json, csv, html or svg (dot, mermaid and scxml go with --diagram)");
  }

  auto history = sim::run(plan, settings);
  if (!history) return fail(history.error().message(lang));
  const sim::Tally tally = sim::count(*history);

  std::vector<std::string> problems = sim::check(*history, tally);

  // Replaying the journal from nothing must give every candidate exactly as the run left it. The
  // replayer is the plan's own procedure; replay checks every step but the running plan's state.
  auto replayer_made = Workflow::make(plan.procedure);
  if (!replayer_made) return fail(replayer_made.error().message(lang));
  const Workflow& replayer = *replayer_made;
  const auto same_as_live = [&](const std::vector<Record>& records, const std::string& what) {
    auto replayed = replay(records, replayer);
    if (!replayed) {
      problems.push_back(what + " does not replay: " + replayed.error().message(Lang::en));
      return;
    }
    if (replayed->candidates.size() != history->candidates.size()) problems.push_back(what + ": candidates differ in number");
    for (const auto& [id, entry] : replayed->candidates) {
      const auto live = history->candidates.find(id);
      if (live == history->candidates.end() || live->second != entry.candidate) {
        problems.push_back(what + ": candidate " + std::to_string(id.value()) + " differs from the live state");
      }
    }
  };
  same_as_live(history->journal, "the journal");
  if (!journal_path.empty()) {
    {
      std::ofstream out(journal_path, std::ios::binary);
      out << json::to_json(history->journal).dump() << "\n";
      if (!out) return fail("cannot write the journal to '" + journal_path + "'");
    }
    bool ok = false;
    const std::string text = read_file(journal_path, ok);
    bool read_back = false;
    if (auto document = json::parse(text); ok && document) {
      if (auto records = json::journal_from_json(*document)) {
        read_back = true;
        same_as_live(*records, "the journal file");
      }
    }
    if (!read_back) problems.push_back("the journal file does not read back");
  }

  if (format == "json") {
    std::cout << sim::json_report(plan, settings, *history, tally);
  } else if (format == "csv") {
    std::cout << sim::csv_report(*history, lang);
  } else if (format == "html") {
    std::cout << sim::html_report(plan, settings, *history, tally, lang);
  } else if (format == "svg") {
    std::cout << sim::charts_svg(plan, *history, tally, lang);
  } else {
    std::cout << sim::text_report(plan, settings, *history, tally, lang);
  }
  for (const std::string& problem : problems) std::cerr << "five_year_cycle: CHECK FAILED: " << problem << "\n";
  return problems.empty() ? 0 : 1;
}
