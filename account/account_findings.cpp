// Reading an account's findings; see account_findings.h.
#include "account/account_findings.h"

#include "model/input_limits.h"
#include "model/json_text.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace leastpriv::account {

namespace {

using model::Json;

std::string string_field(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

// One ListFindingsV2 page: remember who has unused-permission findings.
Status add_list_page(const Json& page, const std::string& where, const std::string& pointer, AccountFindings& findings) {
  const Json& list = page["findings"];
  if (!list.is_array()) return model::error_at(where, pointer + "/findings", "expected an array of finding summaries");
  for (const auto& summary : list) {
    if (!summary.is_object()) continue;
    if (string_field(summary, "findingType") != "UnusedPermission") continue;
    if (string_field(summary, "status") != "" && string_field(summary, "status") != "ACTIVE") continue;
    const std::string resource = string_field(summary, "resource");
    if (!resource.empty()) findings.listed.insert(resource);
  }
  return Ok{};
}

Status add_response(const Json& response, const std::string& where, const std::string& pointer, AccountFindings& findings) {
  const std::string named = pointer.empty() ? where : where + " " + pointer;
  const auto resource = response.find("resource");
  if (resource == response.end() || !resource->is_string() || resource->get_ref<const std::string&>().empty()) {
    return model::error_at(where, pointer + "/resource", "a GetFindingV2 response needs the `resource` ARN of its principal");
  }
  const std::string arn = resource->get<std::string>();
  const std::string type = string_field(response, "findingType");
  if (!type.empty() && type != "UnusedPermission") {
    findings.set_aside.push_back({named, arn, "finding type `" + type + "` is not about unused permissions: nothing to remove"});
    return Ok{};
  }
  const std::string status = string_field(response, "status");
  if (!status.empty() && status != "ACTIVE") {
    findings.set_aside.push_back({named, arn, "finding status `" + status + "` (only ACTIVE findings are refined against)"});
    return Ok{};
  }
  // The shared reader, on the response alone: its pointers are relative to it, so prefix the
  // response's own pointer to the file name it reports. (It reads the parsed value: dumping and
  // parsing it again was a sixth of a 10,000-role account's --no-verify run.)
  auto read = model::UnusedFindings::from_json(response, named);
  if (!read) return read.error();
  ++findings.responses;
  auto [place, fresh] = findings.by_principal.try_emplace(arn, std::move(read).value());
  if (!fresh) merge_findings(place->second, read.value());
  return Ok{};
}

Status add_value(const Json& value, const std::string& where, const std::string& pointer, AccountFindings& findings) {
  if (value.is_object() && value.contains("findingDetails")) return add_response(value, where, pointer, findings);
  if (value.is_object() && value.contains("findings")) return add_list_page(value, where, pointer, findings);
  return model::error_at(where, pointer, "expected a GetFindingV2 response (with `findingDetails`) or a ListFindingsV2 page (with `findings`)");
}

}  // namespace

void merge_findings(model::UnusedFindings& into, const model::UnusedFindings& more) {
  for (const auto& action : more.unused_actions()) into.add_unused_action_from(more, action);
  for (const auto& service : more.unused_services()) into.add_unused_service(service);
}

Status add_findings_text(std::string_view text, const std::string& where, AccountFindings& findings) {
  auto parsed = model::parse_json_text(text, where);
  if (!parsed) return parsed.error();
  if (parsed->is_array()) {
    for (std::size_t i = 0; i < parsed->size(); ++i) {
      if (auto status = add_value((*parsed)[i], where, "/" + std::to_string(i), findings); !status) return status;
    }
    return Ok{};
  }
  return add_value(*parsed, where, "", findings);
}

Result<AccountFindings> read_account_findings(const std::string& path) {
  AccountFindings findings;
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      if (entry.path().extension() == ".json" && entry.is_regular_file()) files.push_back(entry.path().string());
    }
    if (error) return bad_input(path + ": cannot list the folder: " + error.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) return bad_input(path + ": no `*.json` findings in the folder");
    for (const auto& file : files) {
      auto text = model::read_text_file(file);
      if (!text) return text.error();
      if (auto status = add_findings_text(*text, file, findings); !status) return status.error();
    }
  } else {
    auto text = model::read_text_file(path, model::kMaxBatchInputBytes);
    if (!text) return text.error();
    std::size_t line_number = 0;
    std::size_t start = 0;
    while (start < text->size()) {
      auto end = text->find('\n', start);
      if (end == std::string::npos) end = text->size();
      ++line_number;
      const std::string_view line(text->data() + start, end - start);
      const std::string where = path + ":" + std::to_string(line_number);
      if (line.size() > model::kMaxInputBytes) {
        return bad_input(where + ": the line is " + std::to_string(line.size()) + " bytes, more than the limit of " +
                         std::to_string(model::kMaxInputBytes >> 20) + " MiB for one response (README \"Resource limits\")");
      }
      if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
        if (auto status = add_findings_text(line, where, findings); !status) return status.error();
      }
      start = end + 1;
    }
  }
  for (const auto& arn : findings.listed) {
    if (!findings.by_principal.contains(arn)) {
      findings.set_aside.push_back({path, arn, "listed by ListFindingsV2 with an unused-permission finding, but no GetFindingV2 response was given: nothing known to remove"});
    }
  }
  return findings;
}

}  // namespace leastpriv::account
