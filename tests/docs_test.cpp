// Docs only show what the code does: every generated block in docs/ and every file in
// docs/diagrams/ must equal what the library exports from its own tables today.
// To refresh them after changing a table: EXEMPLAR_UPDATE_DOCS=1 build/tests/exemplar_docs_test
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <exemplar/exemplar.hpp>

namespace exemplar {
namespace {

namespace fs = std::filesystem;

const fs::path docs_dir = fs::path(EXEMPLAR_SOURCE_DIR) / "docs";

/// What each generated piece of the docs is made from.
const std::map<std::string, std::function<std::string()>>& generators() {
  static const std::map<std::string, std::function<std::string()>> all{
      {"lifecycle.mermaid", [] { return to_mermaid(lifecycle_table, Lang::en); }},
      {"lifecycle.vi.mermaid", [] { return to_mermaid(lifecycle_table, Lang::vi); }},
      {"authority.markdown", [] { return policy_markdown(Policy::defaults(), Lang::en); }},
      {"awards.markdown", [] { return awards_markdown(default_award_powers(), Lang::en); }},
      {"pipeline.mermaid", [] { return pipeline_mermaid(standard_checks(), Lang::en); }},
      {"period.mermaid", [] { return to_mermaid(period_table, Lang::en); }},
      {"year.mermaid", [] { return to_mermaid(year_table, Lang::en); }},
      {"diagrams/period.dot", [] { return to_dot(period_table, "period", Lang::en); }},
      {"diagrams/year.dot", [] { return to_dot(year_table, "year", Lang::en); }},
      {"diagrams/lifecycle.dot", [] { return to_dot(lifecycle_table, "lifecycle", Lang::en); }},
      {"diagrams/lifecycle.scxml", [] { return to_scxml(lifecycle_table, "lifecycle"); }},
  };
  return all;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool updating() { return std::getenv("EXEMPLAR_UPDATE_DOCS") != nullptr; }

// A block is "<!-- generated: KEY -->\n", optionally a ``` fence line, the text, the closing fence,
// then "<!-- end generated -->".
TEST(Docs, EveryGeneratedBlockMatchesTheLibrarysTables) {
  int blocks = 0;
  for (const auto& entry : fs::directory_iterator(docs_dir)) {
    if (entry.path().extension() != ".md") continue;
    std::string text = read(entry.path());
    const std::string open = "<!-- generated: ";
    const std::string close = "<!-- end generated -->";
    std::size_t at = 0;
    bool changed = false;
    while ((at = text.find(open, at)) != std::string::npos) {
      const std::size_t key_end = text.find(" -->\n", at);
      ASSERT_NE(key_end, std::string::npos) << entry.path();
      const std::string key = text.substr(at + open.size(), key_end - at - open.size());
      const auto generator = generators().find(key);
      ASSERT_NE(generator, generators().end()) << entry.path() << ": unknown generated block " << key;
      std::size_t body = key_end + 5;
      const bool fenced = text.compare(body, 3, "```") == 0;
      if (fenced) body = text.find('\n', body) + 1;
      const std::size_t end = text.find(fenced ? "```\n" + close : close, body);
      ASSERT_NE(end, std::string::npos) << entry.path() << ": block " << key << " is not closed";
      const std::string expected = generator->second();
      if (text.compare(body, end - body, expected) != 0) {
        if (updating()) {
          text.replace(body, end - body, expected);
          changed = true;
        } else {
          ADD_FAILURE() << entry.path() << ": block " << key
                        << " no longer matches the table; run EXEMPLAR_UPDATE_DOCS=1 build/tests/exemplar_docs_test";
        }
      }
      ++blocks;
      at = body;
    }
    if (changed) write(entry.path(), text);
  }
  EXPECT_GT(blocks, 0);
}

TEST(Docs, EveryDiagramFileMatchesTheLibrarysTables) {
  for (const auto& [key, generator] : generators()) {
    if (key.rfind("diagrams/", 0) != 0) continue;
    const fs::path path = docs_dir / key;
    const std::string expected = generator();
    if (updating()) write(path, expected);
    EXPECT_EQ(read(path), expected) << path << " no longer matches; run EXEMPLAR_UPDATE_DOCS=1 build/tests/exemplar_docs_test";
  }
}

TEST(Docs, TheLifecycleDiagramNamesEveryStage) {
  const std::string dot = to_dot(lifecycle_table, "lifecycle");
  const std::string scxml = to_scxml(lifecycle_table, "lifecycle");

  for (Stage stage : all_values<Stage>()) {
    EXPECT_NE(dot.find(std::string(identifier(stage)) + " [label="), std::string::npos) << identifier(stage);
    EXPECT_NE(scxml.find("id=\"" + std::string(identifier(stage)) + "\""), std::string::npos) << identifier(stage);
  }
}

// The docs stand alone: the repository's pages, headers and sources cite plans by number, issuer,
// date and section, never notes kept outside the repository.
TEST(Docs, NoPageHeaderOrSourceCitesAFileOutsideTheRepository) {
  const fs::path root = fs::path(EXEMPLAR_SOURCE_DIR);
  const char* const outside[] = {"domain.md", "DESIGN.md", "STYLE.md", "office.md", "seeds/", "../shared"};
  std::vector<fs::path> files{root / "README.md"};
  for (const char* dir : {"docs", "include", "src"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / dir)) {
      if (entry.is_regular_file()) files.push_back(entry.path());
    }
  }
  for (const fs::path& file : files) {
    const std::string text = read(file);
    for (const char* name : outside) EXPECT_EQ(text.find(name), std::string::npos) << file << " cites " << name;
  }
}

// docs/plans.md has one table per seed: each rule and deadline of the text, where it lives, how it
// was read.
TEST(Docs, ThePlansPageHasOneTablePerSeed) {
  const std::string plans = read(docs_dir / "plans.md");
  for (const char* seed : {"### 000 ", "### 001 ", "### 002 ", "### 003 ", "### 004 "}) {
    const std::size_t at = plans.find(seed);
    ASSERT_NE(at, std::string::npos) << seed;
    EXPECT_NE(plans.find("| the text | where it lives | reading |", at), std::string::npos) << seed;
  }
}

}  // namespace
}  // namespace exemplar
