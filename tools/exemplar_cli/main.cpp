// exemplar: the command-line tool installed with the library, for the people who keep plan files
// and journal files.
//
//   exemplar plan check FILE [--lang vi|en]
//       reads a plan file (docs/plan-schema.md) the way every host does and prints what it holds:
//       the roadmap's years, phases and milestones, the criteria, and the procedure's steps, arrows,
//       rights, award powers, timings and quotas.
//   exemplar journal verify FILE [--plan ID | --plan-file F] [--lang vi|en]
//       replays a journal file, binary (each record as a 4-byte little-endian length and its blob,
//       as `five_year_cycle --scale national` writes it) or JSON (`--journal` of the agency run,
//       {"schema":"exemplar.journal",...}), with the plan's own procedure (seed 000's by default),
//       and reports the first bad record, or how many records there are and the last hash.
//   exemplar --version
//
// Exit codes: 0 done (the plan loads, the journal replays); 1 the journal holds a bad record;
// 2 a bad command line, or a file that cannot be read as what it should be (a directory, an empty
// file, a file too large, a truncated file, a plan the loader refuses). Messages go to standard
// error, prefixed with "exemplar:"; what was found goes to standard output.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <variant>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <exemplar/exemplar.hpp>
#include <exemplar/json/journal.hpp>
#include <exemplar/json/plan.hpp>

#include "../../examples/common/journal_file.hpp"

namespace {

using namespace exemplar;
namespace fs = std::filesystem;

constexpr int exit_done = 0;
constexpr int exit_bad_record = 1;
constexpr int exit_usage = 2;

/// The largest JSON journal read whole; larger journals are kept in the binary form.
constexpr std::uintmax_t max_json_journal_bytes = std::uintmax_t{32} << 20U;

const char* tr(Lang lang, const char* en, const char* vi) { return lang == Lang::vi ? vi : en; }

int fail(const std::string& message, int code = exit_usage) {
  std::cerr << "exemplar: " << message << "\n";
  return code;
}

/// Why `path` cannot be read as a file of at most `max_bytes` (nullopt: it can).
std::optional<std::string> unreadable(const std::string& path, std::uintmax_t max_bytes, Lang lang) {
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status)) {
    return fmt::format(tr(lang, "{}: no such file", "{}: không có tệp này"), path);
  }
  if (fs::is_directory(status)) {
    return fmt::format(tr(lang, "{} is a directory, not a file", "{} là thư mục, không phải tệp"), path);
  }
  if (!fs::is_regular_file(status)) {
    return fmt::format(tr(lang, "{} is not a regular file", "{} không phải tệp thông thường"), path);
  }
  const std::uintmax_t size = fs::file_size(path, error);
  if (error) return fmt::format(tr(lang, "{}: cannot read its size", "{}: không đọc được kích thước"), path);
  if (size == 0) return fmt::format(tr(lang, "{} is empty", "{} là tệp rỗng"), path);
  if (size > max_bytes) {
    return fmt::format(tr(lang, "{} is {} bytes, more than the {} this file may take", "{} dài {} byte, quá {} byte cho phép"),
                       path, size, max_bytes);
  }
  if (!std::ifstream(path, std::ios::binary)) return fmt::format(tr(lang, "{}: cannot open it", "{}: không mở được"), path);
  return std::nullopt;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// The plan of a plan file, or the message and exit code.
tl::expected<Plan, int> load_plan_file(const std::string& path, Lang lang) {
  if (auto why = unreadable(path, json::max_plan_bytes, lang)) return tl::make_unexpected(fail(*why));
  auto plan = json::plan_from_text(read_file(path));
  if (!plan) return tl::make_unexpected(fail(path + ": " + plan.error().message(lang)));
  return std::move(*plan);
}

// plan check

std::string describe(const Plan& plan, Lang lang) {
  const RoadmapSpec& roadmap = plan.roadmap;
  const Procedure& procedure = plan.procedure;
  std::string out;
  out += fmt::format("{} {} ({})\n", tr(lang, "plan", "kế hoạch"), plan.id, plan.title.in(lang));
  if (!plan.seed.empty()) out += fmt::format("  {}: {}\n", tr(lang, "from plan text", "theo văn bản"), plan.seed);
  out += fmt::format("  {}: {}-{}, {} {}, {} {}\n", tr(lang, "roadmap", "lộ trình"), roadmap.first_year, roadmap.last_year,
                     roadmap.phases.size(), tr(lang, "phases", "giai đoạn"), roadmap.milestones.size(),
                     tr(lang, "milestones", "mốc"));
  for (const Milestone& m : roadmap.milestones) {
    out += fmt::format("    {} {}: {}, {} {}, {} {}, {} {} ({})\n", m.year, m.id, lang == Lang::vi ? fmt::format("{:vi}", m.kind) : fmt::format("{}", m.kind),
                       tr(lang, "open", "mở"), format_date(m.open_period.opens, lang),
                       m.deadline.bound == DeadlineBound::exclusive ? tr(lang, "before", "trước ngày") : tr(lang, "by", "hạn"),
                       format_date(m.deadline.date, lang), tr(lang, "closes", "đóng"), format_date(m.open_period.closes, lang),
                       lang == Lang::vi ? fmt::format("{:vi}", m.deadline.late) : fmt::format("{}", m.deadline.late));
  }
  std::size_t rules = 0;
  for (const RuleSet& set : plan.profile.rule_sets) rules += (set.collective ? 1 : 0) + (set.individual ? 1 : 0);
  out += fmt::format("  {}: {}, {} {}, {} {}\n", tr(lang, "criteria", "tiêu chí"), plan.profile.id, plan.profile.rule_sets.size(),
                     tr(lang, "rule sets", "bộ tiêu chí"), rules, tr(lang, "rule trees", "cây tiêu chí"));
  std::string steps;
  for (CommandKind step : all_values<CommandKind>()) {
    if (!procedure.steps.contains(step)) continue;
    steps += (steps.empty() ? "" : ", ") + std::string(identifier(step));
  }
  out += fmt::format("  {}: {}\n", tr(lang, "steps", "các bước"), steps);
  for (const Arrow& a : procedure.arrows) {
    out += fmt::format("    {}: {} --{}--> {}{}\n", tr(lang, "extra arrow", "bước bổ sung"), identifier(a.from),
                       identifier(a.command), identifier(a.to), a.guard.empty() ? "" : " [" + a.guard + "]");
  }
  out += fmt::format("  {}: {}, {}: {}\n", tr(lang, "rights", "thẩm quyền"), procedure.grants.size(),
                     tr(lang, "award powers", "thẩm quyền khen thưởng"), procedure.awards.size());
  for (const Timing& t : procedure.timings) {
    out += fmt::format("    {} {}: {} {}{}\n", tr(lang, "timing", "thời hạn"), identifier(t.step), identifier(t.rule),
                       identifier(t.milestones.kind), t.milestones.id.empty() ? "" : " " + t.milestones.id);
  }
  for (const StepQuota& q : procedure.quotas) {
    out += fmt::format("    {} {}: {} {}, {} {}, {} {}\n", tr(lang, "quota", "chỉ tiêu"), identifier(q.step),
                       identifier(q.scope), identifier(q.milestones.kind), tr(lang, "at least", "tối thiểu"),
                       q.at_least ? std::to_string(*q.at_least) : "-", tr(lang, "at most", "tối đa"),
                       q.at_most ? std::to_string(*q.at_most) : "-");
  }
  out += fmt::format("  {}: {}\n", tr(lang, "registration guard", "kiểm tra khi đăng ký"), identifier(procedure.registration));
  return out;
}

int plan_check(const std::string& path, Lang lang) {
  auto plan = load_plan_file(path, lang);
  if (!plan) return plan.error();
  std::cout << describe(*plan, lang);
  return exit_done;
}

// journal verify

/// The outcome of a replay: the journal's end, or the first bad record.
int report(const Journal& journal, const tl::expected<void, Refusal>& last, const std::string& path, Lang lang) {
  if (!last) {
    std::cout << fmt::format(tr(lang, "{}: the first bad record: {}\n", "{}: bản ghi hỏng đầu tiên: {}\n"), path,
                             last.error().message(lang));
    if (journal.sequence() > 0) {
      std::cout << fmt::format(tr(lang, "  the {} records before it replay, up to hash {}\n",
                                  "  {} bản ghi trước đó phát lại được, đến hash {}\n"),
                               journal.sequence(), to_hex(journal.head()));
    }
    return exit_bad_record;
  }
  std::cout << fmt::format(tr(lang, "{}: {} records, {} candidates, last hash {}\n", "{}: {} bản ghi, {} ứng viên, hash cuối {}\n"),
                           path, journal.sequence(), journal.snapshot().candidates.size(), to_hex(journal.head()));
  return exit_done;
}

int verify_json(const std::string& path, const Workflow& workflow, Lang lang) {
  if (auto why = unreadable(path, max_json_journal_bytes, lang)) return fail(*why);
  auto document = json::parse(read_file(path));
  if (!document) return fail(path + ": " + document.error().message(lang));
  auto records = json::journal_from_json(*document);
  Journal journal(workflow);
  tl::expected<void, Refusal> last;
  if (records) {
    for (const Record& record : *records) {
      last = journal.replay(record);
      if (!last) break;
    }
    return report(journal, last, path, lang);
  }
  const Refusal& bad = records.error();
  if (!bad.record || *bad.record == 0) {
    return fail(fmt::format(tr(lang, "{} is not a JSON journal: {}", "{} không phải tệp nhật ký JSON: {}"), path,
                            bad.message(lang)));
  }
  // A record that cannot be read is the first bad record: the ones before it are replayed.
  for (const json::Json& each : document->at("records")) {
    auto record = json::record_from_json(each);
    last = record ? journal.replay(*record) : tl::expected<void, Refusal>(tl::make_unexpected(bad));
    if (!last) break;
  }
  if (last) last = tl::make_unexpected(bad);
  return report(journal, last, path, lang);
}

int verify_binary(const std::string& path, const Workflow& workflow, Lang lang) {
  files::JournalFileReader in(path);
  if (!in.good()) return fail(fmt::format(tr(lang, "{}: cannot open it", "{}: không mở được"), path));
  Journal journal(workflow);
  tl::expected<void, Refusal> last;
  for (auto next = in.next(); !std::holds_alternative<files::JournalFileReader::End>(next); next = in.next()) {
    if (const auto* broken = std::get_if<files::JournalFileReader::Broken>(&next)) {
      // A frame that does not hold is the file's fault, not a record's: the file was cut or is not a journal.
      return fail(fmt::format(tr(lang, "{} is not a whole binary journal: {} (after {} good records)",
                                 "{} không phải tệp nhật ký nhị phân nguyên vẹn: {} (sau {} bản ghi tốt)"),
                              path, broken->why.in(lang), journal.sequence()));
    }
    const ByteView blob = std::get<ByteView>(next);
    if (journal.sequence() == 0 && blob.data()[0] != form_tag(BinaryForm::record)) {
      return fail(fmt::format(tr(lang, "{} is not a journal file: it does not start with a record",
                                 "{} không phải tệp nhật ký: không bắt đầu bằng một bản ghi"),
                              path));
    }
    last = journal.replay_binary(blob);
    if (!last) break;
  }
  return report(journal, last, path, lang);
}

int journal_verify(const std::string& path, const Workflow& workflow, Lang lang) {
  // A binary journal may be as large as a country's; the size limit is for the JSON form only.
  if (auto why = unreadable(path, UINTMAX_MAX, lang)) return fail(*why);
  char first = 0;
  std::ifstream in(path, std::ios::binary);
  in >> std::ws;
  in.get(first);
  return first == '{' ? verify_json(path, workflow, lang) : verify_binary(path, workflow, lang);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Checks plan files and journal files of the exemplar library.", "exemplar"};
  app.set_version_flag("--version", std::string("exemplar ") + version_string);
  app.require_subcommand(1);
  // Subcommands made after this inherit it: --lang may come anywhere on the line.
  app.fallthrough();
  std::string lang_text = "vi";
  app.add_option("--lang", lang_text, "the language of messages: vi or en")->check(CLI::IsMember({"vi", "en"}))->capture_default_str();

  std::string file;
  CLI::App* plan = app.add_subcommand("plan", "plan files");
  plan->require_subcommand(1);
  CLI::App* check = plan->add_subcommand("check", "validate a plan file and print what it contains");
  check->add_option("FILE", file, "the plan file (JSON)")->required();

  std::string plan_id = "hatinh-inspectorate-2021-2025";
  std::string plan_file;
  CLI::App* journal = app.add_subcommand("journal", "journal files");
  journal->require_subcommand(1);
  CLI::App* verify = journal->add_subcommand("verify", "replay a binary or JSON journal file");
  verify->add_option("FILE", file, "the journal file")->required();
  auto* plan_option = verify->add_option("--plan", plan_id, "the built-in plan whose procedure replays it")->capture_default_str();
  verify->add_option("--plan-file", plan_file, "a plan file whose procedure replays it")->excludes(plan_option);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? exit_done : exit_usage;
  }
  const Lang lang = from_identifier<Lang>(lang_text).value_or(Lang::vi);

  if (check->parsed()) return plan_check(file, lang);

  Plan chosen;
  if (!plan_file.empty()) {
    auto loaded = load_plan_file(plan_file, lang);
    if (!loaded) return loaded.error();
    chosen = std::move(*loaded);
  } else {
    auto found = plans::find(plan_id);
    if (!found) return fail(found.error().message(lang));
    chosen = std::move(*found);
  }
  auto workflow = Workflow::make(chosen.procedure);
  if (!workflow) return fail(workflow.error().message(lang));
  return journal_verify(file, *workflow, lang);
}
