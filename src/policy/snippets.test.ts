// The CDK, CloudFormation and Terraform snippets are syntactically valid (TypeScript's own parser, the yaml
// package, HashiCorp's HCL parser compiled to wasm) and carry exactly the generated policies.
import { parse as parseHcl } from '@cdktn/hcl2json';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generateWorkshop, type WorkshopInput } from './generate';

const A = '111111111111';
const B = '222222222222';
const input: WorkshopInput = {
  target: { region: 'ap-northeast-1', account: A, apiId: 'abc123', stage: 'stag', method: 'GET', path: 'hoge' },
  callerRoleArn: `arn:aws:iam::${A}:role/ApiAllowByIamRoleStag`,
  basePrincipalArn: `arn:aws:sts::${B}:assumed-role/LambdaRoleDeve/fn`,
  // Quotes, a template opener and a backslash: the characters each syntax must escape.
  externalId: `it's "\${x}" %{y} \\z`,
  mfa: true,
  scope: 'stage',
};
const w = generateWorkshop(input);

function tsDiagnostics(code: string): string[] {
  const out = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Runs the CDK snippet against stand-ins for aws-cdk-lib that record what the stacks were given. */
function runCdk(code: string) {
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const calls: { fromJson: unknown[]; principal?: unknown; conditions?: unknown; role?: Record<string, unknown>; policy?: Record<string, unknown> } = { fromJson: [] };
  const iam = {
    PolicyDocument: { fromJson: (doc: unknown) => (calls.fromJson.push(doc), { doc }) },
    ArnPrincipal: class {
      constructor(arn: string) {
        calls.principal = arn;
      }
      withConditions(c: unknown) {
        calls.conditions = c;
        return this;
      }
    },
    Role: class {
      constructor(_scope: unknown, _id: string, props: Record<string, unknown>) {
        calls.role = props;
      }
      static fromRoleName = (_s: unknown, _i: string, name: string) => ({ role: name });
    },
    User: { fromUserName: (_s: unknown, _i: string, name: string) => ({ user: name }) },
    Policy: class {
      constructor(_scope: unknown, _id: string, props: Record<string, unknown>) {
        calls.policy = props;
      }
    },
  };
  const modules: Record<string, unknown> = { 'aws-cdk-lib': { Stack: class {} }, 'aws-cdk-lib/aws-iam': iam, constructs: {} };
  const exports: Record<string, new (...args: unknown[]) => unknown> = {};
  new Function('require', 'exports', js)((name: string) => modules[name], exports);
  new exports['ApiInvokerAccessStack']!({}, 'Owner');
  new exports['CallerAssumeStack']!({}, 'Caller');
  return calls;
}

function statementOf(doc: { Statement: unknown }) {
  return (Array.isArray(doc.Statement) ? doc.Statement[0] : doc.Statement) as Record<string, unknown>;
}

describe('CDK snippet', () => {
  it('parses without a diagnostic', () => {
    expect(tsDiagnostics(w.snippets.cdk)).toEqual([]);
  });
  it('the check can fail: a broken snippet has diagnostics', () => {
    expect(tsDiagnostics(w.snippets.cdk.replace('readonly invokerRole', 'readonly invokerRole = {')).length).toBeGreaterThan(0);
  });
  it('hands CDK exactly the generated policies', () => {
    const calls = runCdk(w.snippets.cdk);
    expect(calls.fromJson).toEqual([w.resourcePolicy.policy, w.identityPolicy.policy, w.basePolicy.policy]);
    const trust = statementOf(w.trustPolicy.policy);
    expect(calls.principal).toBe((trust['Principal'] as { AWS: string }).AWS);
    expect(calls.conditions).toEqual(trust['Condition']);
    expect(calls.role).toMatchObject({ roleName: 'ApiAllowByIamRoleStag', path: '/' });
    expect(calls.policy?.['roles']).toEqual([{ role: 'LambdaRoleDeve' }]);
  });
});

describe('CloudFormation snippets', () => {
  it('YAML parses to the same template as the JSON, holding the generated policies', () => {
    const owner = parseYaml(w.snippets.cloudFormation.yaml);
    expect(owner).toEqual(JSON.parse(w.snippets.cloudFormation.json));
    expect(owner.Resources.Api.Properties.Policy).toEqual(w.resourcePolicy.policy);
    expect(owner.Resources.InvokerRole.Properties.AssumeRolePolicyDocument).toEqual(w.trustPolicy.policy);
    expect(owner.Resources.InvokerRole.Properties.Policies[0].PolicyDocument).toEqual(w.identityPolicy.policy);
    const caller = parseYaml(w.snippets.cloudFormationCaller.yaml);
    expect(caller).toEqual(JSON.parse(w.snippets.cloudFormationCaller.json));
    expect(caller.Resources.AssumeInvokerRole.Properties).toEqual({ PolicyDocument: w.basePolicy.policy, Roles: ['LambdaRoleDeve'] });
  });
  it('keeps line breaks and tabs in a value intact', () => {
    const odd = generateWorkshop({ ...input, externalId: "a\nb\tc 'd'" });
    const owner = parseYaml(odd.snippets.cloudFormation.yaml);
    expect(owner.Resources.InvokerRole.Properties.AssumeRolePolicyDocument).toEqual(odd.trustPolicy.policy);
  });
  it('attaches the caller policy to a user when the base is a user', () => {
    const u = generateWorkshop({ ...input, basePrincipalArn: `arn:aws:iam::${B}:user/alice` });
    expect(parseYaml(u.snippets.cloudFormationCaller.yaml).Resources.AssumeInvokerRole.Properties.Users).toEqual(['alice']);
  });
});

describe('Terraform snippet', () => {
  /** jsonencode(...) comes back from hcl2json as "${jsonencode(...)}": unwrap it and undo HCL's template escapes. */
  const policyOf = (expr: string) => {
    const m = /^\$\{jsonencode\(([\s\S]*)\)\}$/.exec(expr);
    if (!m) throw new Error(`not a jsonencode expression: ${expr.slice(0, 80)}`);
    return JSON.parse((m[1] as string).replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{'));
  };

  it('parses with HashiCorp\'s HCL parser and carries exactly the generated policies', async () => {
    const hcl = (await parseHcl('rolecall.tf', w.snippets.terraform)) as { resource: Record<string, Record<string, Array<Record<string, string>>>> };
    const r = hcl.resource;
    expect(r['aws_api_gateway_rest_api_policy']!['invoke']![0]!['rest_api_id']).toBe('abc123');
    expect(policyOf(r['aws_api_gateway_rest_api_policy']!['invoke']![0]!['policy']!)).toEqual(w.resourcePolicy.policy);
    expect(policyOf(r['aws_iam_role']!['invoker']![0]!['assume_role_policy']!)).toEqual(w.trustPolicy.policy);
    // "${x}" in a value must reach AWS as text, not be read by Terraform as an interpolation.
    expect(r['aws_iam_role']!['invoker']![0]!['assume_role_policy']).toContain('\\"$${x}\\" %%{y}');
    expect(policyOf(r['aws_iam_role_policy']!['invoke_api']![0]!['policy']!)).toEqual(w.identityPolicy.policy);
    expect(r['aws_iam_role_policy']!['assume_invoker_role']![0]!['role']).toBe('LambdaRoleDeve');
    expect(policyOf(r['aws_iam_role_policy']!['assume_invoker_role']![0]!['policy']!)).toEqual(w.basePolicy.policy);
  });

  it('the check can fail: an unescaped template or an open string is refused by the parser', async () => {
    await expect(parseHcl('bad.tf', w.snippets.terraform.replace('$${x}', '${x')).then(() => 'parsed')).rejects.toThrow();
    await expect(parseHcl('bad.tf', w.snippets.terraform.replace('"abc123"', '"abc123')).then(() => 'parsed')).rejects.toThrow();
  });
});
