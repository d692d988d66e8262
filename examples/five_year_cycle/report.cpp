#include "report.hpp"

#include <set>
#include <tuple>

#include "csv.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>
#include <nlohmann/json.hpp>

namespace sim {
namespace {

std::size_t column_of(CommandKind kind, const Event& event) {
  switch (kind) {
    case CommandKind::discover: return 0;
    case CommandKind::foster: return 1;
    case CommandKind::register_: return 2;
    case CommandKind::review: return std::get<events::Reviewed>(event.data).proposed ? 3 : funnel_stages.size();
    case CommandKind::recognize: return 4;
    case CommandKind::commend: return 5;
    case CommandKind::replicate: return 6;
    default: return funnel_stages.size();
  }
}

std::string funnel_line(const Funnel& funnel, Lang lang) {
  std::string line;
  for (std::size_t i = 0; i < funnel.size(); ++i) {
    if (i) line += " → ";
    line += std::string(label(funnel_stages[i], lang)) + " " + std::to_string(funnel[i]);
  }
  return line;
}

std::string iso(bg::date day) { return bg::to_iso_extended_string(day); }

}  // namespace

const Unit* unit_named(const History& history, UnitId id) {
  for (const Unit& unit : history.units) {
    if (unit.id == id) return &unit;
  }
  return nullptr;
}

bool honoured(const Candidate& candidate) {
  return candidate.stage == Stage::commended || candidate.stage == Stage::replicated || candidate.level != Level::agency;
}

std::vector<CandidateId> exemplars(const History& history) {
  std::vector<CandidateId> out;
  for (const auto& [id, candidate] : history.candidates) {
    if (honoured(candidate) && candidate.award != Award::public_commendation) out.push_back(id);
  }
  return out;
}

std::string_view candidate_field_label(std::string_view id, Lang lang) {
  std::string_view found = "?";
  std::apply([&](const auto&... field) { ((field.label.id == id ? (found = lang == Lang::vi ? field.label.vi : field.label.en) : found), ...); },
             Candidate::fields());
  return found;
}

LabelTable label_table(Column) noexcept {
  static constexpr Label labels[] = {
      {"unit_name", "unit name", "tên đơn vị"},
      {"year_discovered", "year discovered", "năm phát hiện"},
      {"why", "why they qualified", "lý do được công nhận"},
  };
  return {labels, std::size(labels)};
}

std::string thousands(std::uint64_t n, Lang lang) {
  std::string digits = std::to_string(n);
  const char separator = lang == Lang::vi ? '.' : ',';
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), 1, separator);
  return digits;
}

Tally count(const History& history) {
  Tally tally;
  std::set<std::pair<CandidateId, std::size_t>> reached;
  for (const Record& record : history.journal) {
    const Event& event = record.event;
    if (event.kind() == CommandKind::nominate) ++tally.nominated;
    const auto cohort = history.cohort.find(event.candidate);
    if (cohort == history.cohort.end()) continue;
    // The funnel follows the first walk at agency level; a nominated exemplar's second round is
    // counted as a nomination.
    const std::size_t column = column_of(event.kind(), event);
    if (column >= funnel_stages.size() || !reached.emplace(event.candidate, column).second) continue;
    ++tally.by_year_and_unit[cohort->second][history.candidates.at(event.candidate).unit][column];
    ++tally.by_year[cohort->second][column];
  }
  for (const auto& [id, candidate] : history.candidates) ++tally.final_stages[candidate.stage];
  return tally;
}

std::vector<std::string> check(const History& history, const Tally& tally) {
  std::vector<std::string> problems;
  for (const auto& [year, units] : tally.by_year_and_unit) {
    Funnel sum{};
    for (const auto& [unit, funnel] : units) {
      for (std::size_t i = 0; i < funnel.size(); ++i) {
        sum[i] += funnel[i];
        if (i > 0 && funnel[i] > funnel[i - 1]) {
          problems.push_back("year " + std::to_string(year) + ", unit " + std::to_string(unit.value()) + ": " +
                             std::string(identifier(funnel_stages[i])) + " exceeds " +
                             std::string(identifier(funnel_stages[i - 1])));
        }
      }
    }
    if (sum != tally.by_year.at(year)) problems.push_back("year " + std::to_string(year) + ": units do not add up");
  }
  unsigned finals = 0;
  for (const auto& [stage, n] : tally.final_stages) finals += n;
  if (finals != history.candidates.size()) problems.push_back("final stages do not cover every candidate");
  unsigned discovered = 0;
  for (const auto& [year, funnel] : tally.by_year) discovered += funnel[0];
  if (discovered != history.candidates.size()) problems.push_back("discoveries do not match the candidates");
  // Each unit registers as many as the plan's least: the simulation keeps that many on time.
  for (const QuotaStanding& standing : history.quotas) {
    if (standing.state == QuotaState::short_ && standing.unit.valid()) {
      problems.push_back("unit " + std::to_string(standing.unit.value()) + " is short of quota " + std::to_string(standing.quota) +
                         " in milestone " + standing.milestone + " (" + std::to_string(standing.count) + ")");
    }
  }
  for (const Refused& refused : history.refused) {
    if (refused.refusal.code == RefusalCode::quota_exceeded) {
      problems.push_back("a step beyond the plan's quota was tried: " + refused.refusal.message(Lang::en));
      break;
    }
  }
  return problems;
}

std::string text_report(const Plan& plan, const Settings& settings, const History& history, const Tally& tally,
                        Lang lang) {
  const bool vi = lang == Lang::vi;
  std::string out;
  out += (vi ? plan.title.vi : plan.title.en) + "\n";
  out += fmt::format(vi ? "Kế hoạch «{}» (văn bản gốc {}). Cơ quan mô phỏng: {} đơn vị, {} người; hạt giống {}; từ {} đến {}.\n"
                        : "Plan '{}' (seed {}). Simulated agency: {} units, {} people; random seed {}; from {} to {}.\n",
                     plan.id, plan.seed, history.units.size(), history.people.size(), settings.seed,
                     format_date(history.first_day, lang), format_date(history.last_day, lang));

  out += vi ? "\n== Các mốc của lộ trình (trạng thái ngày cuối) ==\n" : "\n== Roadmap milestones (state on the last day) ==\n";
  for (const MilestoneStatus& status : history.status.milestones) {
    const Milestone* m = nullptr;
    for (const Milestone& each : plan.roadmap.milestones) {
      if (each.id == status.id) m = &each;
    }
    if (!m) continue;
    out += fmt::format("  {:<10} {:<24} {}\n", format_date(status.days.last_on_time, lang),
                       std::string(label(status.state, lang)), vi ? m->title.vi : m->title.en);
  }

  out += vi ? "\n== Phễu từng năm (theo năm phát hiện) ==\n" : "\n== Each year's funnel (by the year of discovery) ==\n";
  for (const auto& [year, funnel] : tally.by_year) {
    out += fmt::format("{}: {}\n", year, funnel_line(funnel, lang));
    for (const auto& [unit, unit_funnel] : tally.by_year_and_unit.at(year)) {
      const Unit* named = unit_named(history, unit);
      std::string cells;
      for (std::size_t i = 0; i < unit_funnel.size(); ++i) cells += (i ? "/" : "") + std::to_string(unit_funnel[i]);
      out += fmt::format("    {:<48} {}\n", named ? named->name : std::to_string(unit.value()), cells);
    }
  }
  out += fmt::format(vi ? "Đề nghị lên cấp tỉnh: {}\n" : "Nominated to the province: {}\n", tally.nominated);
  out += vi ? "Giai đoạn cuối của các ứng viên:" : "Where the candidates ended:";
  for (const auto& [stage, n] : tally.final_stages) out += fmt::format(" {} {};", label(stage, lang), n);
  out += "\n";

  out += vi ? "\n== Điển hình tiên tiến của giai đoạn và lý do ==\n" : "\n== The period's exemplars and why they qualified ==\n";
  for (CandidateId id : exemplars(history)) {
    const Candidate& candidate = history.candidates.at(id);
    const Unit* unit = unit_named(history, candidate.unit);
    out += fmt::format("  {} {} ({}, {}): {}, {}\n", vi ? "ứng viên" : "candidate", id, label(candidate.subject, lang),
                       unit ? unit->name : "?", label(candidate.award, lang), label(candidate.stage, lang));
    const auto why = history.why.find(id);
    if (why != history.why.end()) out += "      " + why->second.in(lang) + "\n";
  }

  out += vi ? "\n== Hạn chót bị trễ hoặc bỏ lỡ ==\n" : "\n== Deadlines met late or missed ==\n";
  for (const MilestoneStatus& status : history.status.milestones) {
    if (exemplar::is_late(status.state)) {
      out += fmt::format("  {} ({}): {}\n", status.id, format_date(status.days.last_on_time, lang), label(status.state, lang));
    }
  }
  std::map<StepFlag, unsigned> flags;
  for (const Event& event : history.flagged) {
    for (StepFlag flag : all_values<StepFlag>()) {
      if (event.has(flag)) ++flags[flag];
    }
  }
  for (const auto& [flag, n] : flags) out += fmt::format(vi ? "  Bước được chấp nhận, {}: {}\n" : "  Steps accepted, {}: {}\n", label(flag, lang), n);
  std::map<RefusalCode, unsigned> refused;
  for (const Refused& r : history.refused) ++refused[r.refusal.code];
  for (const auto& [code, n] : refused) {
    out += fmt::format(vi ? "  Bước bị từ chối, {}: {}\n" : "  Steps refused, {}: {}\n", label(code, lang), n);
  }
  for (const Refused& r : history.refused) {
    if (r.refusal.code == RefusalCode::deadline_passed || r.refusal.code == RefusalCode::needs_waiver) {
      out += "    " + r.refusal.message(lang) + "\n";
      break;
    }
  }

  out += fmt::format(vi ? "\nNhật ký: {} bản ghi, mã băm cuối {}.\n" : "\nJournal: {} records, head hash {}.\n",
                     history.journal.size(), history.journal.empty() ? std::string("-") : to_hex(history.journal.back().hash));
  return out;
}

std::string json_report(const Plan& plan, const Settings& settings, const History& history, const Tally& tally) {
  nlohmann::ordered_json doc;
  doc["schema"] = "exemplar.five_year_cycle";
  doc["version"] = 1;
  doc["plan"] = plan.id;
  doc["seed"] = settings.seed;
  doc["units"] = history.units.size();
  doc["people"] = history.people.size();
  doc["from"] = iso(history.first_day);
  doc["until"] = iso(history.last_day);
  for (const MilestoneStatus& status : history.status.milestones) {
    doc["milestones"].push_back({{"id", status.id},
                                 {"year", status.year},
                                 {"deadline", iso(status.days.last_on_time)},
                                 {"state", std::string(identifier(status.state))}});
  }
  for (const auto& [year, units] : tally.by_year_and_unit) {
    for (const auto& [unit, funnel] : units) {
      nlohmann::ordered_json row{{"year", year}, {"unit", unit.value()}};
      for (std::size_t i = 0; i < funnel.size(); ++i) row[std::string(identifier(funnel_stages[i]))] = funnel[i];
      doc["funnel"].push_back(row);
    }
  }
  for (const auto& [stage, n] : tally.final_stages) doc["final_stages"][std::string(identifier(stage))] = n;
  doc["nominated"] = tally.nominated;
  for (const auto& [id, candidate] : history.candidates) {
    if (!honoured(candidate)) continue;
    const auto why = history.why.find(id);
    doc["exemplars"].push_back({{"candidate", id.value()},
                                {"unit", candidate.unit.value()},
                                {"stage", std::string(identifier(candidate.stage))},
                                {"level", std::string(identifier(candidate.level))},
                                {"award", std::string(identifier(candidate.award))},
                                {"why", why == history.why.end() ? std::string() : why->second.en}});
  }
  for (const Refused& r : history.refused) {
    doc["refused"].push_back({{"date", iso(r.date)},
                              {"candidate", r.candidate.value()},
                              {"code", std::string(identifier(r.refusal.code))},
                              {"message", r.refusal.message(Lang::en)}});
  }
  doc["journal"] = {{"records", history.journal.size()},
                    {"head", history.journal.empty() ? std::string() : to_hex(history.journal.back().hash)}};
  return doc.dump(2) + "\n";
}

std::string csv_report(const History& history, Lang lang) {
  const auto header = [lang](std::string_view id) { return std::string(candidate_field_label(id, lang)); };
  const auto column = [lang](Column c) { return std::string(label(c, lang)); };
  std::string out(csv::bom);
  out += csv::row({header("id"), header("unit"), column(Column::unit_name), header("subject"), header("position"),
                   header("field"), column(Column::year_discovered), header("round_year"), header("stage"),
                   header("level"), header("award"), header("decision"), header("decision_date"),
                   column(Column::why)});
  const auto date = [lang](bg::date day) { return day.is_special() ? std::string() : format_date(day, lang); };
  for (const auto& [id, c] : history.candidates) {
    const Unit* unit = unit_named(history, c.unit);
    const auto cohort = history.cohort.find(id);
    const auto why = history.why.find(id);
    out += csv::row({std::to_string(id.value()), std::to_string(c.unit.value()), unit ? unit->name : std::string(),
                     std::string(label(c.subject, lang)), std::string(label(c.position, lang)),
                     std::string(label(c.field, lang)), cohort == history.cohort.end() ? std::string() : std::to_string(cohort->second),
                     c.round_year ? std::to_string(c.round_year) : std::string(), std::string(label(c.stage, lang)),
                     std::string(label(c.level, lang)), honoured(c) ? std::string(label(c.award, lang)) : std::string(),
                     std::string(c.decision.view()), date(c.decision_date),
                     why == history.why.end() ? std::string() : why->second.in(lang)});
  }
  return out;
}

}  // namespace sim
