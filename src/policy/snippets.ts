// The workshop's policies as infrastructure code, one writer per tool.
export { cdkSnippet } from './cdkSnippet';
export { cloudFormationSnippet } from './cloudFormationSnippet';
export { terraformSnippet } from './terraformSnippet';

export interface TemplatePair {
  yaml: string;
  json: string;
}

export interface SnippetSet {
  /** AWS CDK v2 (TypeScript): a stack for the API owner's account and one for the caller's. */
  cdk: string;
  /** Resource policy, role, trust and identity policy: deployed in the API owner's account. */
  cloudFormation: TemplatePair;
  /** The base principal's permission to assume the role: deployed in the caller's account. */
  cloudFormationCaller: TemplatePair;
  /** Terraform (HCL) with the policies as jsonencode() of the exact JSON. */
  terraform: string;
}
