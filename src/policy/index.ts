// The policy workshop's pure core. evaluate() says whether IAM would allow a request under given policies (the
// subset the cross-account API scenario uses) and which statement decides; generateWorkshop() writes the three
// policies of that scenario for a request, with explanations and CDK / CloudFormation / Terraform snippets.
export { evaluate, ALWAYS_UNJUDGED } from './evaluate';
export { readPolicy } from './readPolicy';
export { wildcardMatch, actionMatches, arnMatches } from './wildcard';
export { executeApiTarget, scopedExecuteApiArn, type ExecuteApiTarget, type PolicyScope } from './executeApiArn';
export { generateWorkshop, type WorkshopInput, type Workshop, type WorkshopDocument } from './generate';
export { explainPolicy, type ExplainedLine } from './explain';
export { cdkSnippet, cloudFormationSnippet, terraformSnippet, type SnippetSet, type TemplatePair } from './snippets';
export type { SnippetInput } from './snippetInput';
export type {
  ConditionBlock,
  ContextValue,
  DecidingStatement,
  Decision,
  EvalRequest,
  EvalResult,
  PolicyDoc,
  PolicyKind,
  PolicySet,
  PolicyStatement,
  PrincipalElement,
  PrincipalType,
  RequestPrincipal,
} from './types';
