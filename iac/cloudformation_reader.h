// The IAM identity policies of a CloudFormation template: AWS::IAM::Policy,
// AWS::IAM::ManagedPolicy, AWS::IAM::RolePolicy, AWS::IAM::UserPolicy, AWS::IAM::GroupPolicy
// (Properties.PolicyDocument) and the inline Policies[] of AWS::IAM::Role, AWS::IAM::User and
// AWS::IAM::Group (each {PolicyName, PolicyDocument}). A role's AssumeRolePolicyDocument is a
// trust policy, not an identity policy, and is not read. Shapes as in the CloudFormation
// resource reference (AWS::IAM::* "Properties").
//
// Tested by: tests/unit/iac_readers_test.cpp
#pragma once

#include "iac/found_policy.h"
#include "model/result.h"

namespace leastpriv::iac {

// INVARIANT: `source.root` is an object with `Resources`.
Result<PolicySet> read_cloudformation_policies(const SourceDocument& source);

}  // namespace leastpriv::iac
