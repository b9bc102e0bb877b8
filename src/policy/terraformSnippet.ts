// Terraform (HCL, AWS provider): the policies are jsonencode() of the exact JSON the workshop explained. JSON is
// valid HCL expression syntax; only "${" and "%{" must be escaped, or Terraform would read them as templates.
import { snippetNames } from './snippetNames';
import type { SnippetInput } from './snippetInput';

export function terraformSnippet(s: SnippetInput): string {
  const names = snippetNames(s.callerRoleArn, s.baseArn);
  const baseBlock =
    names.base.kind === 'root'
      ? `resource "aws_iam_policy" "assume_invoker_role" {\n  name   = "AssumeInvokerRole"\n  policy = ${hclJson(s.base)}\n}`
      : `resource "aws_iam_${names.base.kind}_policy" "assume_invoker_role" {\n  name   = "AssumeInvokerRole"\n  ${names.base.kind.padEnd(6)} = ${hclString(names.base.name)}\n  policy = ${hclJson(s.base)}\n}`;
  return `# RoleCall policy workshop: ${s.callerRoleArn} may invoke API ${s.target.apiId} (${s.target.region}).

# In the API owner's account (${s.target.account}).
resource "aws_api_gateway_rest_api_policy" "invoke" {
  rest_api_id = ${hclString(s.target.apiId)}
  policy      = ${hclJson(s.resource)}
}

resource "aws_iam_role" "invoker" {
  name               = ${hclString(names.roleName)}
  path               = ${hclString(names.rolePath)}
  assume_role_policy = ${hclJson(s.trust)}
}

resource "aws_iam_role_policy" "invoke_api" {
  name   = "InvokeApi"
  role   = aws_iam_role.invoker.id
  policy = ${hclJson(s.identity)}
}

# In the caller's account (${names.base.account || 'of the base principal'}), with a provider for that account.
${baseBlock}
`;
}

function escapeTemplates(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function hclString(text: string): string {
  return escapeTemplates(JSON.stringify(text));
}

function hclJson(value: unknown): string {
  return `jsonencode(${escapeTemplates(JSON.stringify(value, null, 2)).replace(/\n/g, '\n  ')})`;
}
