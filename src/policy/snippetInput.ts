// What every snippet writer is given: the four generated policies and the names around them.
import type { ExecuteApiTarget } from './executeApiArn';
import type { PolicyDoc } from './types';

export interface SnippetInput {
  target: ExecuteApiTarget;
  callerRoleArn: string;
  /** The principal the trust policy names (a role ARN when the base was a role session). */
  baseArn: string;
  resource: PolicyDoc;
  trust: PolicyDoc;
  identity: PolicyDoc;
  base: PolicyDoc;
}
