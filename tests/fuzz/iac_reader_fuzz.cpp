// Fuzzes the readers of policies where they live (iac/iac_input.h): any bytes, read as a YAML
// template and as a JSON template or plan, must give the policies or an Error naming the file,
// never a crash, a hang or a leak; every policy found must carry a location in that file.
// YAML goes through yaml-cpp, the one third-party parser the gate adds to the untrusted input.
#include "iac/iac_input.h"

#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

void read_as(const std::string& path, const std::uint8_t* data, std::size_t size) {
  const leastpriv::model::InputFile input{path, std::string(reinterpret_cast<const char*>(data), size)};
  auto read = leastpriv::iac::read_policies(input);
  if (!read) {
    if (read.error().message.find(path) == std::string::npos) std::abort();  // every error names the file
    return;
  }
  for (const auto& policy : read->current.policies) {
    if (policy.location.file != path) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  read_as("fuzz.yaml", data, size);
  read_as("fuzz.json", data, size);
  return 0;
}
