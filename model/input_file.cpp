// Reading an input file once; see input_file.h.
#include "model/input_file.h"

#include "model/json_text.h"

namespace leastpriv::model {

Result<InputFile> read_input_file(const std::string& path, std::size_t max_bytes) {
  auto bytes = read_text_file(path, max_bytes);
  if (!bytes) return bytes.error();
  return InputFile{path, std::move(bytes).value()};
}

}  // namespace leastpriv::model
