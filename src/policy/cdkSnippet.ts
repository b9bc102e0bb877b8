// AWS CDK v2 (TypeScript): two stacks, one per account. The policies are passed with PolicyDocument.fromJson so
// the deployed JSON is exactly the JSON the workshop explained; the trust policy is the role's assumedBy
// principal with its conditions, which CDK renders to the same trust statement.
import { snippetNames } from './snippetNames';
import type { SnippetInput } from './snippetInput';
import type { PolicyStatement } from './types';

export function cdkSnippet(s: SnippetInput): string {
  const names = snippetNames(s.callerRoleArn, s.baseArn);
  const trust = (Array.isArray(s.trust.Statement) ? s.trust.Statement[0] : s.trust.Statement) as PolicyStatement;
  const assumedBy = trust.Condition
    ? `new iam.ArnPrincipal(${js(s.baseArn)}).withConditions(${js(trust.Condition, 6)})`
    : `new iam.ArnPrincipal(${js(s.baseArn)})`;
  const attach =
    names.base.kind === 'user'
      ? `iam.User.fromUserName(this, 'BaseUser', ${js(names.base.name)})`
      : names.base.kind === 'role'
        ? `iam.Role.fromRoleName(this, 'BaseRole', ${js(names.base.name)})`
        : undefined;
  return `// RoleCall policy workshop: ${s.callerRoleArn} may invoke API ${s.target.apiId} (${s.target.region}).
import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Deploy in the API owner's account (${s.target.account}) and the role's account. */
export class ApiInvokerAccessStack extends cdk.Stack {
  /** Give this to the RestApi that defines API ${s.target.apiId}: new apigateway.RestApi(this, 'Api', { policy: ... }). */
  readonly apiResourcePolicy: iam.PolicyDocument;
  readonly invokerRole: iam.Role;

  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    this.apiResourcePolicy = iam.PolicyDocument.fromJson(${js(s.resource, 4)});
    this.invokerRole = new iam.Role(this, 'InvokerRole', {
      roleName: ${js(names.roleName)},
      path: ${js(names.rolePath)},
      assumedBy: ${assumedBy},
      inlinePolicies: {
        InvokeApi: iam.PolicyDocument.fromJson(${js(s.identity, 8)}),
      },
    });
  }
}

/** Deploy in the caller's account (${names.base.account}): lets ${s.baseArn} assume the role. */
export class CallerAssumeStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    new iam.Policy(this, 'AssumeInvokerRole', {
      document: iam.PolicyDocument.fromJson(${js(s.base, 6)}),${attach ? `\n      ${names.base.kind === 'user' ? 'users' : 'roles'}: [${attach}],` : ''}
    });
  }
}
`;
}

/** A value as a TypeScript literal (JSON is one), indented to sit at `indent` spaces. */
function js(value: unknown, indent = 0): string {
  return JSON.stringify(value, null, 2).replace(/\n/g, `\n${' '.repeat(indent)}`);
}
