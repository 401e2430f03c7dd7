// A YAML CloudFormation template as the JSON value CloudFormation itself would see, with the
// line of every value. The one file that uses yaml-cpp (its exceptions are caught there).
//
// Tested by: tests/unit/iac_source_document_test.cpp
//
// IMPLEMENTATION: mappings become objects (key order kept), sequences arrays. The short-form
// intrinsic tags become CloudFormation's long form as documented: `!Ref X` -> {"Ref": "X"},
// `!Condition X` -> {"Condition": "X"}, `!GetAtt A.B` -> {"Fn::GetAtt": ["A", "B"]}, any other
// `!Name v` -> {"Fn::Name": v}. Scalars: quoted ones are strings; plain `true`/`false` (any
// case) are booleans, `null`, `~` and empty are null, everything else a string (so
// `Version: 2012-10-17` and an account id stay the text written; IAM compares these as text).
// A key given twice in one mapping is an error naming its pointer (as for JSON: an `Effect`
// given twice must not be silently decided), and so is nesting deeper than model::kMaxJsonDepth
// or an unknown tag.
#pragma once

#include "iac/source_document.h"
#include "model/result.h"

#include <string>
#include <string_view>

namespace leastpriv::iac {

Result<Json> parse_yaml_document(std::string_view text, const std::string& file, LineIndex& lines);

}  // namespace leastpriv::iac
