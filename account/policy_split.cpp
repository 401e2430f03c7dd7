// Splitting a policy over the managed limit; see policy_split.h.
#include "account/policy_split.h"

#include "engine/render/policy_metrics.h"

#include <string>

namespace leastpriv::account {

namespace {

model::PolicyDocument document_of(const model::PolicyDocument& like, std::vector<model::Statement> statements) {
  model::PolicyDocument document;
  document.source = like.source;
  document.statements = std::move(statements);
  return document;
}

std::size_t characters(const model::PolicyDocument& like, const std::vector<model::Statement>& statements) {
  return engine::policy_character_count(document_of(like, statements));
}

// `statement` as statements each within `limit` alone, appended to `out`; false when it cannot be.
bool split_statement(const model::PolicyDocument& like, const model::Statement& statement, std::size_t limit,
                     std::vector<model::Statement>& out) {
  if (characters(like, {statement}) <= limit) {
    out.push_back(statement);
    return true;
  }
  if (statement.action_key != model::ActionKey::kAction || statement.patterns.size() < 2) return false;
  const auto middle = statement.patterns.begin() + static_cast<std::ptrdiff_t>(statement.patterns.size() / 2);
  model::Statement first = statement;
  model::Statement second = statement;
  first.patterns.assign(statement.patterns.begin(), middle);
  second.patterns.assign(middle, statement.patterns.end());
  first.patterns_as_string = second.patterns_as_string = false;
  return split_statement(like, first, limit, out) && split_statement(like, second, limit, out);
}

}  // namespace

std::optional<std::vector<model::PolicyDocument>> split_to_fit(const model::PolicyDocument& document, std::size_t limit) {
  std::vector<model::Statement> pieces;
  for (const auto& statement : document.statements) {
    const std::size_t before = pieces.size();
    if (!split_statement(document, statement, limit, pieces)) return std::nullopt;
    const auto sid = statement.source.find("Sid");
    if (pieces.size() - before > 1 && sid != statement.source.end() && sid->is_string()) {
      for (std::size_t k = before; k < pieces.size(); ++k) {
        pieces[k].source["Sid"] = sid->get<std::string>() + std::to_string(k - before + 1);
      }
    }
  }
  std::vector<model::PolicyDocument> parts;
  std::vector<model::Statement> current;
  for (auto& piece : pieces) {
    current.push_back(piece);
    if (current.size() > 1 && characters(document, current) > limit) {
      current.pop_back();
      parts.push_back(document_of(document, std::move(current)));
      current = {std::move(piece)};
    }
  }
  if (!current.empty()) parts.push_back(document_of(document, std::move(current)));
  return parts;
}

model::PolicyDocument joined(const std::vector<model::PolicyDocument>& parts) {
  std::vector<model::Statement> statements;
  for (const auto& part : parts) statements.insert(statements.end(), part.statements.begin(), part.statements.end());
  return document_of(parts.empty() ? model::PolicyDocument{} : parts.front(), std::move(statements));
}

}  // namespace leastpriv::account
