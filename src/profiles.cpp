// The seed plans' criteria and the national titles, written out as rule trees. Each rule's section
// points at the sentence of the seed (or the article of the law) it encodes.
#include "exemplar/profiles.hpp"

#include <string>
#include <utility>

namespace exemplar::profiles {
namespace bg = boost::gregorian;

namespace {

Rule leaf(std::string id, std::string section, Text title, RuleSpec spec) {
  return make_rule(std::move(id), std::move(section), std::move(title), std::move(spec));
}

Rule all_of(std::string id, std::string section, Text title, std::vector<Rule> children) {
  return make_rule(std::move(id), std::move(section), std::move(title), rules::AllOf{}, std::move(children));
}

Rule any_of(std::string id, std::string section, Text title, std::vector<Rule> children) {
  return make_rule(std::move(id), std::move(section), std::move(title), rules::AnyOf{}, std::move(children));
}

Rule judgement(std::string id, std::string section, Text title) {
  return make_rule(std::move(id), std::move(section), std::move(title), rules::Judgement{});
}

rules::IndicatorAtLeast indicator(std::string_view id, double percent, bool strict) {
  rules::IndicatorAtLeast spec;
  spec.indicator = std::string(id);
  spec.percent = percent;
  spec.strict = strict;
  return spec;
}

rules::TitleCount titles(CountedYears years, Title title, std::uint16_t required, bool or_higher, bool consecutive) {
  rules::TitleCount spec;
  spec.years = years;
  spec.at_least = title;
  spec.required = required;
  spec.or_higher = or_higher;
  spec.consecutive = consecutive;
  return spec;
}

rules::CertificateCount certificates(CountedYears years, AwardSet awards, std::uint16_t required) {
  rules::CertificateCount spec;
  spec.years = years;
  spec.awards = awards;
  spec.required = required;
  return spec;
}

rules::InitiativeCount initiatives(CountedYears years, InitiativeLevel level, std::uint16_t required) {
  rules::InitiativeCount spec;
  spec.years = years;
  spec.at_least = level;
  spec.required = required;
  return spec;
}

rules::RatingYears rated(CountedYears years, Rating at_least, std::uint16_t required, std::uint16_t excellent) {
  rules::RatingYears spec;
  spec.years = years;
  spec.at_least = at_least;
  spec.required = required;
  spec.top = Rating::excellent;
  spec.top_required = excellent;
  return spec;
}

rules::NoSanction no_sanction(CountedYears years, SanctionLevel level, bool members, bool proceedings) {
  rules::NoSanction spec;
  spec.years = years;
  spec.at_least = level;
  spec.members = members;
  spec.proceedings = proceedings;
  return spec;
}

/// No sanction of the candidate's own in force on the day of evaluation: every individual profile
/// starts with it (no award while a sanction is in force; Decree 98/2023 art. 4 from 2024).
Rule not_under_sanction(const std::string& id, const std::string& section) {
  rules::NoSanction spec = no_sanction(CountedYears::latest(1), SanctionLevel::reprimand, false, false);
  spec.on_the_day = true;
  return leaf(id, section,
              {"Not under a sanction in force on the day", "Không trong thời gian thi hành kỷ luật vào ngày xét"}, spec);
}

/// A seed's individual rules, behind the sanction rule: all of them.
Rule individual_root(const std::string& id, const std::string& section, const std::string& conduct_section, Text title,
                     std::vector<Rule> rules) {
  rules.insert(rules.begin(), not_under_sanction(id + ".no_sanction", conduct_section));
  return all_of(id, section, std::move(title), std::move(rules));
}

constexpr AwardSet any_certificate{Award::agency_certificate, Award::provincial_certificate,
                                   Award::ministry_certificate, Award::prime_minister_certificate};

Profile profile(std::string id, Text title, std::string seed, RatingCalendar calendar, std::vector<RuleSet> sets) {
  Profile p;
  p.id = std::move(id);
  p.title = std::move(title);
  p.seed = std::move(seed);
  p.calendar = calendar;
  p.rule_sets = std::move(sets);
  return p;
}

RuleSet rule_set(bg::date from, Text basis, std::optional<Rule> collective, std::optional<Rule> individual) {
  return RuleSet{from, std::move(basis), std::move(collective), std::move(individual)};
}

Text law_2022() {
  return {"Law on Emulation and Commendation 06/2022/QH15, Decree 98/2023/ND-CP",
          "Luật Thi đua, khen thưởng số 06/2022/QH15, Nghị định 98/2023/NĐ-CP"};
}
Text law_2003() {
  return {"Law on Emulation and Commendation 15/2003/QH11", "Luật Thi đua, khen thưởng số 15/2003/QH11"};
}
/// The 2022 law and Decree 98/2023 are in force from 1/1/2024; the 2003 law from 1/7/2004.
bg::date law_2022_from() { return bg::date{2024, 1, 1}; }
bg::date law_2003_from() { return bg::date{2004, 7, 1}; }

/// Seed 000's field indicators (000 II.2.2a), listed once: the field branches read them, and a
/// comprehensive collective is judged on those it reports.
struct FieldIndicator {
  const char* rule;  ///< the rule id's last part in its field branch
  std::string_view indicator;
  double percent;
  bool strict;
  Text title;
};

std::vector<FieldIndicator> seed000_indicators() {
  return {{"planned_inspections", indicators::planned_inspections, 100.0, false,
           {"100% of planned inspections carried out", "Triển khai 100% các cuộc thanh tra theo kế hoạch"}},
          {"administrative_recommendations", indicators::administrative_recommendations, 100.0, false,
           {"Administrative recommendations handled 100%", "Tỷ lệ xử lý kiến nghị về hành chính đạt 100%"}},
          {"economic_recommendations", indicators::economic_recommendations, 80.0, true,
           {"Economic recommendations handled over 80%", "Xử lý về kinh tế đạt trên 80%"}},
          {"citizen_reception", indicators::complaints_resolved, 100.0, false,
           {"100% of arising complaints and denunciations resolved on time",
            "Giải quyết kịp thời 100% các vụ việc khiếu nại, tố cáo phát sinh"}},
          {"anti_corruption", indicators::anti_corruption_plan, 100.0, false,
           {"100% of the anti-corruption inspection plan carried out",
            "Thực hiện 100% kế hoạch kiểm tra, thanh tra trách nhiệm thực hiện Luật Phòng, chống tham nhũng"}}};
}

Rule indicator_leaf(const std::string& prefix, const std::string& section, const FieldIndicator& f, bool when_reported) {
  rules::IndicatorAtLeast spec = indicator(f.indicator, f.percent, f.strict);
  spec.when_reported = when_reported;
  return leaf(prefix + f.rule, section, f.title, spec);
}

Rule seed000_collective() {
  const std::string s = "000 II.2.2a";
  const std::string c = "000 I.3; II.2.1";
  const std::string field = "000.collective.";
  const std::vector<FieldIndicator> fields = seed000_indicators();
  rules::RatingYears ratings = rated(CountedYears::latest(5), Rating::good, 5, 3);
  rules::NoSanction nobody = no_sanction(CountedYears::latest(5), SanctionLevel::reprimand, true, false);
  rules::ByField by_field;
  by_field.when = {FieldSet{Field::advisory}, FieldSet{Field::inspection}, FieldSet{Field::citizen_reception},
                   FieldSet{Field::anti_corruption},
                   FieldSet{Field::force_building, Field::administrative_reform, Field::digital_transformation},
                   FieldSet{Field::general}};
  // A comprehensive collective ("toàn diện", 000 I.3): the general criteria of II.2.1, judged by the
  // council, and every field indicator it reports.
  std::vector<Rule> comprehensive{judgement("000.collective.general", "000 II.2.1",
                                            {"Outstanding, leading the emulation movements, united, tasks completed excellently",
                                             "Thành tích tiêu biểu xuất sắc, dẫn đầu phong trào thi đua, đoàn kết, hoàn thành "
                                             "xuất sắc nhiệm vụ được giao"})};
  for (const FieldIndicator& f : fields) comprehensive.push_back(indicator_leaf(field + "comprehensive.", c, f, true));
  return all_of(
      "000.collective", s, {"Exemplary collective of the Inspectorate", "Tập thể điển hình tiên tiến ngành Thanh tra"},
      {leaf("000.collective.ratings", s,
            {"5 consecutive years rated good or better, at least 3 excellent",
             "05 năm liền hoàn thành tốt nhiệm vụ trở lên, ít nhất 03 năm hoàn thành xuất sắc"},
            ratings),
       leaf("000.collective.no_discipline", s,
            {"No member disciplined", "Không có cá nhân vi phạm đến mức thi hành kỷ luật"}, nobody),
       leaf("000.collective.commended", s, {"Commended by some level", "Được các cấp, ngành khen thưởng"},
            certificates(CountedYears::latest(5), any_certificate, 1)),
       make_rule(
           "000.collective.field", s, {"Exemplary in its field", "Điển hình trên lĩnh vực"}, by_field,
           {judgement("000.collective.advisory", s,
                      {"Exemplary in general direction and advice", "Điển hình trong công tác tham mưu, chỉ đạo điều hành chung"}),
            all_of("000.collective.inspection", s, {"Exemplary in inspection", "Điển hình trong thực hiện công tác thanh tra"},
                   {indicator_leaf(field, s, fields[0], false), indicator_leaf(field, s, fields[1], false),
                    indicator_leaf(field, s, fields[2], false)}),
            indicator_leaf(field, s, fields[3], false), indicator_leaf(field, s, fields[4], false),
            judgement("000.collective.force_building", s,
                      {"Exemplary in force building, administrative reform and IT",
                       "Điển hình trong xây dựng lực lượng, cải cách hành chính, ứng dụng công nghệ thông tin"}),
            all_of("000.collective.comprehensive", c,
                   {"Comprehensive exemplar: the general criteria and every field it reports",
                    "Điển hình toàn diện: tiêu chí chung và các lĩnh vực có số liệu"},
                   std::move(comprehensive))})});
}

Rule seed000_individual(const HaTinhInspectorateSettings& settings) {
  const std::string s = "000 II.2.2b";
  rules::InitiativeCount applied = initiatives(CountedYears::all(), InitiativeLevel::grassroots, 3);
  return individual_root(
      "000.individual", s, s, {"Exemplary individual of the Inspectorate", "Cá nhân điển hình tiên tiến ngành Thanh tra"},
      {any_of("000.individual.paths", s, {"Record of achievements or the Ho Chi Minh example", "Thành tích hoặc điển hình học tập và làm theo Bác"},
      {all_of("000.individual.record", s, {"Record of achievements", "Thành tích"},
              {leaf("000.individual.initiatives", s,
                    {"At least 3 initiatives or research topics applied effectively",
                     "Có ít nhất 3 sáng kiến hoặc đề tài khoa học được áp dụng có hiệu quả"},
                    applied),
               leaf("000.individual.titles", s,
                    {"2 times grassroots emulation soldier or higher", "02 lần đạt danh hiệu Chiến sĩ thi đua cơ sở trở lên"},
                    titles(CountedYears::all(), Title::grassroots_emulation_soldier, 2, true, false)),
               leaf("000.individual.ratings", s,
                    {"5 years rated good or better, at least 3 excellent",
                     "5 năm hoàn thành tốt nhiệm vụ trở lên, ít nhất 3 năm hoàn thành xuất sắc"},
                    rated(CountedYears::latest(settings.individual_lookback_years), Rating::good, 5, 3))}),
       judgement("000.individual.ho_chi_minh", s,
                 {"Outstanding in learning and following Ho Chi Minh's thought, morality and style, with wide influence",
                  "Điển hình tích cực, sáng tạo trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, "
                  "có ảnh hưởng rộng lớn trong toàn ngành"})})});
}

Rule seed002_kinds(const std::string& who, const Text& ho_chi_minh, const std::string& root_id) {
  rules::ByField by_field;
  by_field.when = {FieldSet{Field::ho_chi_minh_example}, FieldSet{Field::administrative_reform},
                   FieldSet{Field::digital_transformation}, FieldSet{Field::general}};
  const std::string id = "002." + who;
  return make_rule(
      root_id, "002 II.3.2", {"Exemplar in one of the three kinds", "Điển hình tiên tiến theo một trong ba loại"}, by_field,
      {judgement(id + ".ho_chi_minh", "002 II.3.2a", ho_chi_minh),
       judgement(id + ".administrative_reform", "002 II.3.2b",
                 {"Models and initiatives in administrative reform", "Mô hình, sáng kiến về thực hiện cải cách hành chính"}),
       judgement(id + ".digital_transformation", "002 II.3.2c",
                 {"Models and initiatives in IT and digital transformation",
                  "Mô hình, sáng kiến về ứng dụng công nghệ thông tin, chuyển đổi số"}),
       judgement(id + ".comprehensive", "002 II.1; II.3.1",
                 {"Comprehensive exemplar: outstanding in work and study, leading the movements (general criteria)",
                  "Điển hình toàn diện: thành tích tiêu biểu, xuất sắc trong công tác, học tập, dẫn đầu phong trào thi đua "
                  "(tiêu chí chung)"})});
}

Rule seed003_collective(const IndustryTradeSettings& settings) {
  const std::string s = "003 III.1";
  rules::RatingYears every_year = rated(settings.period, Rating::good, 1, 0);
  every_year.every_year = true;
  return all_of("003.collective", s, {"Exemplary collective of the Department", "Tập thể điển hình tiên tiến của Sở"},
                {judgement("003.collective.reform_rural", s,
                           {"Outstanding in administrative reform and new rural development",
                            "Tiêu biểu trong thực hiện nhiệm vụ cải cách hành chính, xây dựng nông thôn mới"}),
                 judgement("003.collective.excellent", s,
                           {"United, always completing its tasks excellently, an outstanding factor of the Department",
                            "Tập thể đoàn kết, luôn hoàn thành xuất sắc nhiệm vụ được giao, là nhân tố tiêu biểu, nổi bật"}),
                 leaf("003.collective.provincial_certificates", s,
                      {"2 provincial chairman's certificates of merit in the period",
                       "Trong giai đoạn được Chủ tịch UBND tỉnh tặng 02 Bằng khen"},
                      certificates(settings.period, AwardSet{Award::provincial_certificate}, 2)),
                 leaf("003.collective.ratings", s,
                      {"Rated good or better every year", "Được xếp loại hàng năm từ hoàn thành tốt nhiệm vụ trở lên"},
                      every_year),
                 leaf("003.collective.no_discipline", s,
                      {"No member disciplined", "Không có cán bộ, công chức, viên chức vi phạm bị xử lý kỷ luật"},
                      no_sanction(settings.period, SanctionLevel::reprimand, true, false))});
}

Rule seed003_individual() {
  const std::string s = "003 III.2";
  rules::ByPosition by_position;
  by_position.when = {PositionSet{Position::agency_leader}, PositionSet{Position::unit_leader}, PositionSet{Position::staff}};
  const CountedYears ever = CountedYears::all();
  auto provincial_initiatives = [&](std::uint16_t n) {
    rules::InitiativeCount spec = initiatives(ever, InitiativeLevel::provincial, n);
    spec.research_topics = false;
    return spec;
  };
  Rule position = make_rule(
      "003.individual.by_position", s, {"Thresholds by position", "Tiêu chí cụ thể theo chức vụ"}, by_position,
      {any_of("003.individual.agency_leader", s, {"Agency leader", "Đối với lãnh đạo Sở"},
              {leaf("003.individual.agency_leader.titles", s,
                    {"At least 2 times provincial emulation soldier", "Có ít nhất 02 lần đạt danh hiệu Chiến sĩ thi đua cấp tỉnh"},
                    titles(ever, Title::provincial_emulation_soldier, 2, false, false)),
               leaf("003.individual.agency_leader.initiatives", s,
                    {"At least 2 provincial initiatives recognised and applied",
                     "Có ít nhất 02 sáng kiến cấp tỉnh được công nhận, áp dụng hiệu quả"},
                    provincial_initiatives(2))}),
       any_of("003.individual.unit_leader", s, {"Head of a division or centre", "Đối với lãnh đạo cấp phòng, Trung tâm"},
              {leaf("003.individual.unit_leader.titles", s,
                    {"At least 1 time provincial emulation soldier", "Có ít nhất 01 lần đạt danh hiệu Chiến sĩ thi đua cấp tỉnh"},
                    titles(ever, Title::provincial_emulation_soldier, 1, false, false)),
               leaf("003.individual.unit_leader.initiatives", s,
                    {"At least 1 provincial initiative recognised and applied",
                     "Có ít nhất 01 sáng kiến cấp tỉnh được công nhận và áp dụng hiệu quả"},
                    provincial_initiatives(1))}),
       any_of("003.individual.staff", s, {"Staff", "Đối với cán bộ, công chức, viên chức"},
              {leaf("003.individual.staff.provincial_certificates", s,
                    {"At least 2 provincial chairman's certificates of merit",
                     "Có ít nhất 02 lần được tặng Bằng khen của Chủ tịch UBND tỉnh"},
                    certificates(ever, AwardSet{Award::provincial_certificate}, 2)),
               leaf("003.individual.staff.ministry_certificates", s,
                    {"At least 2 ministry or central certificates of merit",
                     "Có ít nhất 02 lần được Bộ, ngành, đoàn thể Trung ương tặng Bằng khen"},
                    certificates(ever, AwardSet{Award::ministry_certificate}, 2)),
               all_of("003.individual.staff.mixed_certificates", s,
                      {"1 provincial chairman's and 1 ministry certificate of merit",
                       "01 lần Bằng khen Chủ tịch UBND tỉnh và 01 lần Bằng khen của Bộ, ngành, đoàn thể Trung ương"},
                      {leaf("003.individual.staff.mixed_certificates.provincial", s,
                            {"1 provincial chairman's certificate of merit", "01 Bằng khen của Chủ tịch UBND tỉnh"},
                            certificates(ever, AwardSet{Award::provincial_certificate}, 1)),
                       leaf("003.individual.staff.mixed_certificates.ministry", s,
                            {"1 ministry or central certificate of merit", "01 Bằng khen của Bộ, ngành, đoàn thể Trung ương"},
                            certificates(ever, AwardSet{Award::ministry_certificate}, 1))}),
               leaf("003.individual.staff.grassroots_titles", s,
                    {"4 times grassroots emulation soldier", "Có 04 lần được tặng Chiến sĩ thi đua cơ sở"},
                    titles(ever, Title::grassroots_emulation_soldier, 4, false, false))})});
  return individual_root(
      "003.individual", s, "003 II.2.2", {"Exemplary individual of the Department", "Cá nhân điển hình của Sở"},
      {judgement("003.individual.ho_chi_minh", s,
                 {"Exemplary in following Ho Chi Minh's example, honoured under Directive 05-CT/TW",
                  "Điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, được Sở, tỉnh vinh danh "
                  "trong thực hiện Chỉ thị 05-CT/TW"}),
       judgement("003.individual.office_culture", s,
                 {"Carries out the office culture movement 2021-2025 well",
                  "Thực hiện tốt phong trào thi đua thực hiện văn hóa công sở giai đoạn 2021-2025"}),
       std::move(position)});
}

Rule seed004_collective() {
  const std::string s = "004 III.1";
  rules::MemberShare all_good;
  all_good.basis = MemberBasis::rating;
  all_good.rating = Rating::good;
  all_good.share = Fraction{1, 1, false};
  rules::MemberCount one_soldier;
  one_soldier.basis = MemberBasis::title;
  one_soldier.title = Title::grassroots_emulation_soldier;
  one_soldier.required = 1;
  rules::NoSanction no_breach = no_sanction(CountedYears::latest(1), SanctionLevel::reprimand, true, false);
  no_breach.breaches = true;
  return all_of("004.collective", s, {"Exemplary collective of the Inspectorate", "Tập thể điển hình tiên tiến"},
                {leaf("004.collective.members_good", s,
                      {"100% of members rated good or better", "Có 100% cá nhân trong tập thể hoàn thành tốt nhiệm vụ được giao"},
                      all_good),
                 leaf("004.collective.grassroots_soldier", s,
                      {"At least one member grassroots emulation soldier", "Có cá nhân đạt danh hiệu Chiến sĩ thi đua cơ sở"},
                      one_soldier),
                 leaf("004.collective.no_breach", s,
                      {"No member broke the agency's rules", "Không có cá nhân vi phạm các quy chế, quy định của cơ quan"},
                      no_breach)});
}

Rule seed004_individual() {
  rules::ByPosition by_position;
  by_position.when = {PositionSet{Position::agency_leader, Position::unit_leader}, PositionSet{Position::staff}};
  Rule position = make_rule(
      "004.individual.by_position", "004 III.2", {"Exemplary individual, by position", "Gương cá nhân điển hình tiên tiến, theo chức vụ"}, by_position,
      {judgement("004.individual.leader", "004 III.2.1",
                 {"Leader: responsibility as head, effective direction, initiatives applied",
                  "Lãnh đạo, quản lý: nêu cao trách nhiệm người đứng đầu, lãnh đạo thực hiện hiệu quả, áp dụng sáng kiến"}),
       judgement("004.individual.civil_servant", "004 III.2.2",
                 {"Civil servant: exemplary, excellent in tasks, yearly pledge to follow Ho Chi Minh's example assessed",
                  "Công chức: gương mẫu, hoàn thành xuất sắc nhiệm vụ, hằng năm làm theo tấm gương đạo đức Hồ Chí Minh được "
                  "cấp có thẩm quyền đánh giá"})});
  return individual_root("004.individual", "004 III.2", "004 II.2",
                         {"Exemplary individual", "Gương cá nhân điển hình tiên tiến"}, {std::move(position)});
}

/// The law a national rule set gives: the law of 2022 with Decree 98/2023 from 1/1/2024; before it,
/// Law 15/2003, whose criteria for these titles are applied in the 2022 wording (docs/criteria.md,
/// "The national titles"), without citing a decree not yet in force.
struct Era {
  std::string prefix;   ///< rule ids: "law2022" or "law2003"
  std::string conduct;  ///< the section of the no-sanction rules
  [[nodiscard]] std::string id(std::string_view rest) const { return prefix + "." + std::string(rest); }
};
Era era_2022() { return {"law2022", "Decree 98/2023 art. 4"}; }
Era era_2003() { return {"law2003", "Law 15/2003/QH11"}; }

Text law_2003_applied() {
  return {"Law on Emulation and Commendation 15/2003/QH11 (rules before 1/1/2024), applied in the 2022 wording",
          "Luật Thi đua, khen thưởng số 15/2003/QH11 (trước ngày 01/01/2024), áp dụng theo tiêu chí của Luật năm 2022"};
}

Rule advanced_worker_rules(const std::string& prefix, const std::string& article, const std::string& conduct) {
  return all_of(prefix, article, {"Advanced worker", "Lao động tiên tiến"},
                {leaf(prefix + ".rating", article, {"Rated good or better in the year", "Hoàn thành tốt nhiệm vụ trở lên trong năm"},
                      rated(CountedYears::latest(1), Rating::good, 1, 0)),
                 leaf(prefix + ".no_sanction", conduct,
                      {"Not under sanction, investigation or complaint", "Không trong thời gian bị kỷ luật, điều tra, khiếu nại"},
                      no_sanction(CountedYears::latest(1), SanctionLevel::reprimand, false, true))});
}

Rule grassroots_rules(bool law_2022_rules) {
  const std::string id = law_2022_rules ? "law2022.grassroots" : "law2003.grassroots";
  const std::string article = law_2022_rules ? "Law 06/2022 art. 23" : "Law 15/2003 art. 23";
  rules::InitiativeCount initiative = initiatives(CountedYears::latest(1), InitiativeLevel::grassroots, 1);
  initiative.research_topics = false;
  initiative.applied_only = false;
  rules::InitiativeCount research = initiative;
  research.initiatives = false;
  research.research_topics = true;
  // Law 06/2022 art. 23: a research topic counts once "nghiệm thu và áp dụng" (accepted and applied).
  research.applied_only = law_2022_rules;
  std::vector<Rule> merits;
  if (law_2022_rules) {
    merits.push_back(leaf(id + ".excellent", article, {"Rated excellent in the year", "Hoàn thành xuất sắc nhiệm vụ trong năm"},
                          rated(CountedYears::latest(1), Rating::excellent, 1, 0)));
  }
  merits.push_back(leaf(id + ".initiative", article, {"An initiative recognised at grassroots level", "Có sáng kiến được công nhận cấp cơ sở"},
                        initiative));
  merits.push_back(leaf(id + ".research", article,
                        law_2022_rules ? Text{"A research topic accepted and applied", "Có đề tài khoa học được nghiệm thu và áp dụng"}
                                       : Text{"A research topic accepted", "Có đề tài khoa học được nghiệm thu"},
                        research));
  return all_of(id, article, {"Grassroots emulation soldier", "Chiến sĩ thi đua cơ sở"},
                {advanced_worker_rules(id + ".advanced_worker", article,
                                       law_2022_rules ? era_2022().conduct : era_2003().conduct),
                 any_of(id + ".merit", article, {"One merit beyond an advanced worker's", "Thành tích ngoài tiêu chuẩn Lao động tiên tiến"},
                        std::move(merits))});
}

/// A national title's rule sets: the 2003 law's from 1/7/2004, the 2022 law's from 1/1/2024, so that
/// no date of a plan (2021-2025) is refused.
template <class Rules>
std::vector<RuleSet> both_laws(bool collective, Rules rules) {
  auto set = [&](bg::date from, Text basis, const Era& era) {
    Rule rule = rules(era);
    return collective ? rule_set(from, std::move(basis), std::move(rule), std::nullopt)
                      : rule_set(from, std::move(basis), std::nullopt, std::move(rule));
  };
  std::vector<RuleSet> sets;
  sets.push_back(set(law_2003_from(), law_2003_applied(), era_2003()));
  sets.push_back(set(law_2022_from(), law_2022(), era_2022()));
  return sets;
}

}  // namespace

Profile hatinh_inspectorate_2021_2025(const HaTinhInspectorateSettings& settings) {
  return profile("hatinh-inspectorate-2021-2025",
                 {"Ha Tinh provincial Inspectorate, exemplars 2021-2025 (plan 10/KH-TT)",
                  "Thanh tra tỉnh Hà Tĩnh, điển hình tiên tiến giai đoạn 2021-2025 (Kế hoạch 10/KH-TT)"},
                 "000", settings.calendar,
                 {rule_set(bg::date{2021, 1, 1}, {"Plan 10/KH-TT of 28/05/2021", "Kế hoạch số 10/KH-TT ngày 28/5/2021"},
                           seed000_collective(), seed000_individual(settings))});
}

Profile inspectorate_2021() {
  const Text many{"A new factor meeting many criteria of an outstanding model or exemplar",
                  "Nhân tố mới đạt nhiều tiêu chí của mô hình tiêu biểu, điển hình tiên tiến xuất sắc"};
  return profile("inspectorate-2021",
                 {"Provincial Inspectorate, outstanding exemplars of 2021", "Thanh tra tỉnh, điển hình tiên tiến xuất sắc năm 2021"},
                 "001", RatingCalendar{},
                 {rule_set(bg::date{2021, 1, 1}, {"Plan of the provincial Inspectorate for 2021", "Kế hoạch năm 2021 của Thanh tra tỉnh"},
                           judgement("001.collective", "001 II.1-2", many),
                           individual_root("001.individual", "001 II.1-2", "001 II.2",
                                           {"Outstanding individual exemplar", "Cá nhân điển hình tiên tiến xuất sắc"},
                                           {judgement("001.individual.new_factor", "001 II.1-2", many)}))});
}

Profile quangbinh_office_2021_2025() {
  return profile(
      "quangbinh-office-2021-2025",
      {"Office of the Quang Binh Provincial People's Committee, exemplars 2021-2025",
       "Văn phòng UBND tỉnh Quảng Bình, điển hình tiên tiến giai đoạn 2021-2025"},
      "002", RatingCalendar{},
      {rule_set(bg::date{2021, 1, 1}, {"Plan of the Office for 2021-2025", "Kế hoạch giai đoạn 2021-2025 của Văn phòng UBND tỉnh"},
                seed002_kinds("collective", {"Collective learning and following Ho Chi Minh's example creatively and widely",
                                             "Tập thể học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh sáng tạo, lan tỏa"},
                              "002.collective"),
                individual_root("002.individual", "002 II.3", "002 II.3.1",
                                {"Exemplary individual of the Office", "Cá nhân điển hình tiên tiến của Văn phòng"},
                                {seed002_kinds("individual", {"Individual carrying out a personal action plan to follow Ho Chi Minh's example",
                                                              "Cá nhân thực hiện tốt chương trình hành động học tập và làm theo tư tưởng, "
                                                              "đạo đức, phong cách Hồ Chí Minh"},
                                               "002.individual.kind")}))});
}

Profile hatinh_industry_trade_2021_2025(const IndustryTradeSettings& settings) {
  return profile("hatinh-industry-trade-2021-2025",
                 {"Ha Tinh Department of Industry and Trade, exemplars 2021-2025",
                  "Sở Công Thương Hà Tĩnh, điển hình tiên tiến giai đoạn 2021-2025"},
                 "003", settings.calendar,
                 {rule_set(bg::date{2021, 1, 1}, {"Plan of the Department for 2021-2025", "Kế hoạch giai đoạn 2021-2025 của Sở Công Thương"},
                           seed003_collective(settings), seed003_individual())});
}

Profile langson_inspectorate_2025() {
  return profile("langson-inspectorate-2025",
                 {"Lang Son provincial Inspectorate, exemplars of 2025", "Thanh tra tỉnh Lạng Sơn, điển hình tiên tiến năm 2025"},
                 "004", RatingCalendar{},
                 {rule_set(bg::date{2025, 1, 1}, {"Plan of the Inspectorate for 2025", "Kế hoạch năm 2025 của Thanh tra tỉnh Lạng Sơn"},
                           seed004_collective(), seed004_individual())});
}

Profile advanced_worker(const NationalSettings& settings) {
  return profile("law-advanced-worker", {"Advanced worker", "Lao động tiên tiến"}, "", settings.calendar,
                 both_laws(false, [](const Era& era) { return advanced_worker_rules(era.id("advanced_worker"), "Law 06/2022 art. 24", era.conduct); }));
}

Profile grassroots_emulation_soldier(const NationalSettings& settings) {
  return profile("law-grassroots-emulation-soldier", {"Grassroots emulation soldier", "Chiến sĩ thi đua cơ sở"}, "",
                 settings.calendar,
                 {rule_set(law_2003_from(), law_2003(), std::nullopt, grassroots_rules(false)),
                  rule_set(law_2022_from(), law_2022(), std::nullopt, grassroots_rules(true))});
}

Profile provincial_emulation_soldier(const NationalSettings& settings) {
  const std::string a = "Law 06/2022 art. 22";
  rules::InitiativeCount replicable = initiatives(CountedYears::latest(3), InitiativeLevel::provincial, 1);
  return profile(
      "law-provincial-emulation-soldier", {"Provincial emulation soldier", "Chiến sĩ thi đua cấp tỉnh"}, "", settings.calendar,
      both_laws(false, [&](const Era& era) { return all_of(
          era.id("provincial_soldier"), a, {"Provincial emulation soldier", "Chiến sĩ thi đua cấp tỉnh"},
          {leaf(era.id("provincial_soldier.titles"), a,
                {"3 consecutive years grassroots emulation soldier", "03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở"},
                titles(CountedYears::latest(3), Title::grassroots_emulation_soldier, 3, true, true)),
           leaf(era.id("provincial_soldier.initiative"), a,
                {"An initiative applied and replicable across the province", "Có sáng kiến được áp dụng, nhân rộng trong phạm vi cấp tỉnh"},
                replicable),
           leaf(era.id("provincial_soldier.no_sanction"), era.conduct,
                {"Not sanctioned in those years, nor under investigation or complaint",
                 "Không bị kỷ luật trong thời gian tính thành tích, không bị điều tra, khiếu nại"},
                no_sanction(CountedYears::latest(3), SanctionLevel::reprimand, false, true))}); }));
}

Profile national_emulation_soldier(const NationalSettings& settings) {
  const std::string a = "Law 06/2022 art. 21";
  // "02 lần liên tục": a provincial title crowns three years, so two titles three years apart.
  rules::TitleCount consecutive_provincial = titles(CountedYears::all(), Title::provincial_emulation_soldier, 2, false, true);
  consecutive_provincial.every = 3;
  return profile(
      "law-national-emulation-soldier", {"National emulation soldier", "Chiến sĩ thi đua toàn quốc"}, "", settings.calendar,
      both_laws(false, [&](const Era& era) { return all_of(
          era.id("national_soldier"), a, {"National emulation soldier", "Chiến sĩ thi đua toàn quốc"},
          {leaf(era.id("national_soldier.titles"), a,
                {"2 consecutive times provincial emulation soldier", "02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp tỉnh"},
                consecutive_provincial),
           leaf(era.id("national_soldier.initiative"), a,
                {"An initiative replicable nationwide", "Có sáng kiến có phạm vi ảnh hưởng toàn quốc"},
                initiatives(CountedYears::all(), InitiativeLevel::national, 1)),
           leaf(era.id("national_soldier.no_sanction"), era.conduct,
                {"Not sanctioned recently, nor under investigation or complaint",
                 "Không bị kỷ luật trong thời gian tính thành tích, không bị điều tra, khiếu nại"},
                no_sanction(CountedYears::latest(3), SanctionLevel::reprimand, false, true))}); }));
}

Profile provincial_certificate(const NationalSettings& settings) {
  const std::string a = "Law 06/2022 art. 74";
  rules::InitiativeCount fresh = initiatives(CountedYears::latest(2), InitiativeLevel::grassroots, 2);
  fresh.skip_rewarded = true;
  return profile(
      "law-provincial-certificate",
      {"Provincial chairman's or ministry certificate of merit", "Bằng khen của Chủ tịch UBND tỉnh, của Bộ, ngành"}, "",
      settings.calendar,
      both_laws(false, [&](const Era& era) { return all_of(
          era.id("provincial_certificate"), a,
          {"Provincial or ministry certificate of merit", "Bằng khen cấp tỉnh, cấp bộ"},
          {any_of(era.id("provincial_certificate.path"), a, {"One path of achievement", "Một trong các trường hợp"},
                  {leaf(era.id("provincial_certificate.titles"), a,
                        {"2 consecutive years grassroots emulation soldier", "02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở"},
                        titles(CountedYears::latest(2), Title::grassroots_emulation_soldier, 2, true, true)),
                   all_of(era.id("provincial_certificate.excellent_path"), a,
                          {"2 consecutive excellent years with 2 initiatives", "02 năm liên tục hoàn thành xuất sắc nhiệm vụ, có 02 sáng kiến"},
                          {leaf(era.id("provincial_certificate.excellent"), a,
                                {"2 consecutive years rated excellent", "02 năm liên tục hoàn thành xuất sắc nhiệm vụ"},
                                rated(CountedYears::latest(2), Rating::excellent, 2, 0)),
                           leaf(era.id("provincial_certificate.initiatives"), a,
                                {"2 initiatives applied, not already used for another award",
                                 "02 sáng kiến được áp dụng, chưa dùng để xét khen thưởng khác"},
                                fresh)})}),
           leaf(era.id("provincial_certificate.no_sanction"), era.conduct,
                {"Not sanctioned in those years, nor under investigation or complaint",
                 "Không bị kỷ luật trong thời gian tính thành tích, không bị điều tra, khiếu nại"},
                no_sanction(CountedYears::latest(2), SanctionLevel::reprimand, false, true))}); }));
}

Profile prime_minister_certificate(const NationalSettings& settings) {
  const std::string a = "Law 06/2022 art. 73";
  return profile(
      "law-prime-minister-certificate", {"Prime Minister's certificate of merit", "Bằng khen của Thủ tướng Chính phủ"}, "",
      settings.calendar,
      both_laws(false, [&](const Era& era) { return all_of(
          era.id("prime_minister_certificate"), a, {"Prime Minister's certificate of merit", "Bằng khen của Thủ tướng Chính phủ"},
          {leaf(era.id("prime_minister_certificate.held"), a,
                {"Already holds a provincial or ministry certificate of merit", "Đã được tặng Bằng khen cấp bộ, cấp tỉnh"},
                certificates(CountedYears::all(), AwardSet{Award::provincial_certificate, Award::ministry_certificate}, 1)),
           leaf(era.id("prime_minister_certificate.ratings"), a,
                {"5 consecutive years rated good or better", "05 năm liên tục hoàn thành tốt nhiệm vụ trở lên"},
                rated(CountedYears::latest(5), Rating::good, 5, 0)),
           leaf(era.id("prime_minister_certificate.titles"), a,
                {"3 times grassroots emulation soldier in those years", "Có 03 lần đạt danh hiệu Chiến sĩ thi đua cơ sở trong thời gian đó"},
                titles(CountedYears::latest(5), Title::grassroots_emulation_soldier, 3, true, false)),
           leaf(era.id("prime_minister_certificate.no_sanction"), era.conduct,
                {"Not sanctioned in those years, nor under investigation or complaint",
                 "Không bị kỷ luật trong thời gian tính thành tích, không bị điều tra, khiếu nại"},
                no_sanction(CountedYears::latest(5), SanctionLevel::reprimand, false, true))}); }));
}

Profile excellent_collective(const NationalSettings& settings) {
  const std::string a = "Law 06/2022 art. 27";
  rules::MemberShare completed;
  completed.basis = MemberBasis::rating;
  completed.rating = Rating::completed;
  completed.share = Fraction{1, 1, false};
  rules::MemberShare advanced;
  advanced.basis = MemberBasis::title;
  advanced.title = Title::advanced_worker;
  advanced.share = settings.excellent_collective_advanced_workers;
  rules::MemberCount soldier;
  soldier.basis = MemberBasis::title;
  soldier.title = Title::grassroots_emulation_soldier;
  auto rules = [&](const Era& era) { return all_of(
      era.id("excellent_collective"), a, {"Excellent collective", "Tập thể lao động xuất sắc"},
      {leaf(era.id("excellent_collective.rating"), a,
            {"The collective rated excellent", "Tập thể hoàn thành xuất sắc nhiệm vụ"},
            rated(CountedYears::latest(1), Rating::excellent, 1, 0)),
       leaf(era.id("excellent_collective.completed"), a, {"100% of members complete their tasks", "100% cá nhân hoàn thành nhiệm vụ"},
            completed),
       leaf(era.id("excellent_collective.advanced"), a, {"Enough advanced workers", "Đủ tỷ lệ Lao động tiên tiến"}, advanced),
       leaf(era.id("excellent_collective.soldier"), a, {"At least one grassroots emulation soldier", "Có cá nhân đạt Chiến sĩ thi đua cơ sở"},
            soldier),
       leaf(era.id("excellent_collective.no_sanction"), a, {"No member disciplined at warning or above", "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"},
            no_sanction(CountedYears::latest(1), SanctionLevel::warning, true, false))}); };
  return profile("law-excellent-collective", {"Excellent collective", "Tập thể lao động xuất sắc"}, "", settings.calendar,
                 both_laws(true, rules));
}

Profile advanced_collective(const NationalSettings& settings) {
  const std::string a = "Law 06/2022 art. 28";
  rules::MemberShare advanced;
  advanced.basis = MemberBasis::title;
  advanced.title = Title::advanced_worker;
  advanced.share = settings.advanced_collective_advanced_workers;
  auto rules = [&](const Era& era) { return all_of(
      era.id("advanced_collective"), a, {"Advanced collective", "Tập thể lao động tiên tiến"},
      {leaf(era.id("advanced_collective.rating"), a, {"The collective rated good or better", "Tập thể hoàn thành tốt nhiệm vụ trở lên"},
            rated(CountedYears::latest(1), Rating::good, 1, 0)),
       leaf(era.id("advanced_collective.advanced"), a, {"Enough advanced workers", "Đủ tỷ lệ Lao động tiên tiến"}, advanced),
       leaf(era.id("advanced_collective.no_sanction"), a, {"No member disciplined at warning or above", "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên"},
            no_sanction(CountedYears::latest(1), SanctionLevel::warning, true, false))}); };
  return profile("law-advanced-collective", {"Advanced collective", "Tập thể lao động tiên tiến"}, "", settings.calendar,
                 both_laws(true, rules));
}

std::vector<Profile> seeds() {
  std::vector<Profile> all;
  all.reserve(5);
  all.push_back(hatinh_inspectorate_2021_2025());
  all.push_back(inspectorate_2021());
  all.push_back(quangbinh_office_2021_2025());
  all.push_back(hatinh_industry_trade_2021_2025());
  all.push_back(langson_inspectorate_2025());
  return all;
}

std::vector<Profile> national() {
  std::vector<Profile> all;
  all.reserve(8);
  all.push_back(advanced_worker());
  all.push_back(grassroots_emulation_soldier());
  all.push_back(provincial_emulation_soldier());
  all.push_back(national_emulation_soldier());
  all.push_back(provincial_certificate());
  all.push_back(prime_minister_certificate());
  all.push_back(excellent_collective());
  all.push_back(advanced_collective());
  return all;
}

}  // namespace exemplar::profiles
