// Reading an input file once; see input_file.h.
#include "model/input_file.h"

#include "model/json_text.h"

namespace leastpriv::model {

Result<InputFile> read_input_file(const std::string& path) {
  auto bytes = read_text_file(path);
  if (!bytes) return bytes.error();
  return InputFile{path, std::move(bytes).value()};
}

}  // namespace leastpriv::model
