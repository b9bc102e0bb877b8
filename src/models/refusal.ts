// Why AWS said no, in plain words: the cause RoleCall recognised in a refusal, what to check and how to fix it,
// with AWS's own text kept alongside. Produced by src/diagnosis from a response (or a credential error); shown by
// the response viewer and printed by the CLI. Never holds a secret: only names, ARNs and AWS's message.

/** Where the refusal came from, for grouping and styling. */
export type RefusalFamily = 'apiGateway' | 'signature' | 'credentials' | 'clock' | 'sts' | 'lambdaUrl' | 'openSearch' | 'aws';

export interface Refusal {
  /** A stable id (e.g. "apigw.missing-token.wrong-path"): tests, docs and the CLI's --json rely on it. */
  id: string;
  family: RefusalFamily;
  title: string;
  /** What happened, in plain words. */
  explanation: string;
  /** What to look at, most likely first. */
  checks: string[];
  /** What to change to make AWS say yes. */
  fixes: string[];
  /** Who AWS saw (an ARN, "anonymous", or the identity RoleCall resolved). */
  principal?: string;
  /** The IAM action refused (execute-api:Invoke, sts:AssumeRole, es:ESHttpGet...). */
  action?: string;
  /** The resource refused (an ARN, or what RoleCall knows of it). */
  resource?: string;
  /** Why one reading of an ambiguous answer is likelier than another, from the request and the URL. */
  likelihood: string[];
  /** AWS's own words, exactly as parsed from the response. */
  awsText: string;
  awsType?: string;
  /** The HTTP status, when the refusal came from a response. */
  status?: number;
  /** AWS's request id, for a support case or CloudTrail. */
  requestId?: string;
  /** Server clock minus the signing clock, in seconds, when AWS's answer or its Date header tells it. */
  clockOffsetSeconds?: number;
}
