// The Vietnamese and English names of the vocabulary. Identifiers are stable: hosts store them.
#include <array>

#include "exemplar/vocabulary.hpp"

namespace exemplar {
namespace {

template <std::size_t N>
constexpr LabelTable table_of(const std::array<Label, N>& labels) noexcept {
  return LabelTable{labels.data(), N};
}

constexpr std::array<Label, 2> lang_labels{{
    {"en", "English", "Tiếng Anh"},
    {"vi", "Vietnamese", "Tiếng Việt"},
}};

constexpr std::array<Label, 2> subject_labels{{
    {"individual", "individual", "cá nhân"},
    {"collective", "collective", "tập thể"},
}};

constexpr std::array<Label, 4> position_labels{{
    {"none", "no position", "không có chức vụ"},
    {"agency_leader", "agency leader", "lãnh đạo cơ quan"},
    {"unit_leader", "head of a unit", "trưởng phòng, đơn vị"},
    {"staff", "staff", "công chức, viên chức"},
}};

constexpr std::array<Label, level_count> level_labels{{
    {"unit", "unit level", "cấp đơn vị"},
    {"agency", "agency level", "cấp cơ quan, ngành"},
    {"province", "provincial level", "cấp tỉnh"},
    {"nation", "national level", "cấp toàn quốc"},
}};

constexpr std::array<Label, 10> field_labels{{
    {"general", "general", "toàn diện"},
    {"inspection", "inspection", "thanh tra"},
    {"citizen_reception", "citizen reception and complaints", "tiếp công dân, giải quyết khiếu nại, tố cáo"},
    {"anti_corruption", "anti-corruption", "phòng, chống tham nhũng"},
    {"advisory", "general direction and advice", "chỉ đạo, tham mưu tổng hợp"},
    {"force_building", "force building", "xây dựng lực lượng"},
    {"administrative_reform", "administrative reform", "cải cách hành chính"},
    {"digital_transformation", "IT and digital transformation", "ứng dụng công nghệ thông tin, chuyển đổi số"},
    {"ho_chi_minh_example", "learning from Ho Chi Minh's example", "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"},
    {"new_rural_development", "new rural development", "xây dựng nông thôn mới"},
}};

constexpr std::array<Label, stage_count> stage_labels{{
    {"initial", "not yet discovered", "chưa phát hiện"},
    {"discovered", "discovered", "đã phát hiện"},
    {"fostered", "fostered", "đang bồi dưỡng"},
    {"registered", "registered", "đã đăng ký"},
    {"reviewed", "reviewed by the council", "đã được Hội đồng bình xét"},
    {"recognized", "recognised", "đã được công nhận"},
    {"commended", "commended", "đã được biểu dương, khen thưởng"},
    {"replicated", "replicated", "đã được nhân rộng"},
    {"withdrawn", "withdrawn", "đã rút"},
    {"rejected", "rejected", "bị loại"},
    {"disqualified", "disqualified", "bị đưa ra khỏi danh sách"},
    {"revoked", "revoked", "bị thu hồi"},
}};

constexpr std::array<Label, command_count> command_labels{{
    {"discover", "discover", "phát hiện"},
    {"foster", "foster", "bồi dưỡng"},
    {"register", "register", "đăng ký"},
    {"review", "review in council", "bình xét"},
    {"recognize", "recognise", "công nhận"},
    {"commend", "commend", "biểu dương, khen thưởng"},
    {"replicate", "replicate", "nhân rộng"},
    {"withdraw", "withdraw", "rút tên khỏi danh sách"},
    {"reject", "reject", "loại"},
    {"disqualify", "disqualify", "đưa ra khỏi danh sách"},
    {"nominate", "nominate to the next level", "đề nghị lên cấp trên"},
    {"revoke", "revoke", "thu hồi"},
    {"propose", "propose a higher award", "đề nghị cấp trên khen thưởng"},
}};

constexpr std::array<Label, role_count> role_labels{{
    {"unit_head", "head of unit", "Trưởng phòng, đơn vị"},
    {"mass_organization", "mass organisation", "tổ chức đoàn thể"},
    {"secretariat", "council secretariat", "Thường trực Hội đồng Thi đua - Khen thưởng"},
    {"council", "Emulation and Commendation Council", "Hội đồng Thi đua - Khen thưởng"},
    {"agency_head", "head of agency", "Thủ trưởng cơ quan"},
    {"provincial_board", "provincial Emulation and Commendation Board", "Ban Thi đua - Khen thưởng tỉnh"},
}};

constexpr std::array<Label, award_count> award_labels{{
    {"public_commendation", "public commendation", "biểu dương"},
    {"agency_certificate", "agency certificate of merit", "Giấy khen"},
    {"provincial_certificate", "provincial chairman's certificate of merit", "Bằng khen của Chủ tịch UBND tỉnh"},
    {"ministry_certificate", "ministry certificate of merit", "Bằng khen của Bộ, ngành Trung ương"},
    {"prime_minister_certificate", "Prime Minister's certificate of merit", "Bằng khen của Thủ tướng Chính phủ"},
}};

constexpr std::array<Label, replication_count> replication_labels{{
    {"meeting", "experience shared at a meeting", "chia sẻ kinh nghiệm tại hội nghị"},
    {"web_publication", "published on the web portal", "đăng trên Cổng thông tin điện tử"},
    {"study_visit", "study visit", "học tập kinh nghiệm"},
    {"writing_contest", "writing contest", "cuộc thi viết"},
}};

}  // namespace

LabelTable label_table(Lang) noexcept { return table_of(lang_labels); }
LabelTable label_table(Subject) noexcept { return table_of(subject_labels); }
LabelTable label_table(Position) noexcept { return table_of(position_labels); }
LabelTable label_table(Level) noexcept { return table_of(level_labels); }
LabelTable label_table(Field) noexcept { return table_of(field_labels); }
LabelTable label_table(Stage) noexcept { return table_of(stage_labels); }
LabelTable label_table(CommandKind) noexcept { return table_of(command_labels); }
LabelTable label_table(Role) noexcept { return table_of(role_labels); }
LabelTable label_table(Award) noexcept { return table_of(award_labels); }
LabelTable label_table(Replication) noexcept { return table_of(replication_labels); }

}  // namespace exemplar
