// CloudFormation templates, in YAML and JSON: the API owner's (resource policy on the RestApi, the role with its
// trust and inline identity policy) and the caller's (a policy letting the base principal assume the role).
import { snippetNames } from './snippetNames';
import type { SnippetInput } from './snippetInput';
import type { TemplatePair } from './snippets';
import { yamlText } from './yamlText';

export function cloudFormationSnippet(s: SnippetInput): { cloudFormation: TemplatePair; cloudFormationCaller: TemplatePair } {
  const names = snippetNames(s.callerRoleArn, s.baseArn);
  const owner = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `RoleCall policy workshop: ${names.roleName} may invoke API ${s.target.apiId}`,
    Resources: {
      // The API exists already: merge Policy into the AWS::ApiGateway::RestApi that defines it.
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: s.target.apiId, Policy: s.resource } },
      InvokerRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: names.roleName,
          Path: names.rolePath,
          AssumeRolePolicyDocument: s.trust,
          Policies: [{ PolicyName: 'InvokeApi', PolicyDocument: s.identity }],
        },
      },
    },
  };
  const attach = names.base.kind === 'user' ? { Users: [names.base.name] } : names.base.kind === 'role' ? { Roles: [names.base.name] } : {};
  const caller = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `RoleCall policy workshop: ${s.baseArn} may assume ${s.callerRoleArn}`,
    Resources: {
      AssumeInvokerRole: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: s.base, ...attach } },
    },
  };
  const ownerHead = `# Deploy in account ${s.target.account}. The API ${s.target.apiId} exists already: merge Api.Properties.Policy into\n# the AWS::ApiGateway::RestApi resource that defines it.\n`;
  const callerHead = `# Deploy in account ${names.base.account || 'of the base principal'}.\n`;
  return {
    cloudFormation: { yaml: ownerHead + yamlText(owner), json: `${JSON.stringify(owner, null, 2)}\n` },
    cloudFormationCaller: { yaml: callerHead + yamlText(caller), json: `${JSON.stringify(caller, null, 2)}\n` },
  };
}
