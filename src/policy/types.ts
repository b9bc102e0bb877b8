// The shapes the policy evaluator and generator speak: IAM policy JSON as AWS defines it, a request as IAM sees
// it (principal, action, resource, context keys) and the decision with the statements that made it.

/** A value in an IAM policy: one string or a list of them. */
export type OneOrMany<T> = T | T[];

/** A principal element: "*" or an object by kind ({"AWS": [...]}, {"Service": "..."}). */
export type PrincipalElement = '*' | Partial<Record<'AWS' | 'Service' | 'Federated' | 'CanonicalUser', OneOrMany<string>>>;

/** Condition values as written: strings, and booleans or numbers that AWS accepts in place of their text. */
export type ConditionValue = string | number | boolean;
/** {"StringEquals": {"sts:ExternalId": "x"}}: operator -> key -> value(s). */
export type ConditionBlock = Record<string, Record<string, OneOrMany<ConditionValue>>>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PrincipalElement;
  NotPrincipal?: PrincipalElement;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: ConditionBlock;
}

export interface PolicyDoc {
  Version?: '2012-10-17' | '2008-10-17';
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

export type PrincipalType = 'assumed-role' | 'user' | 'role' | 'root' | 'service' | 'anonymous';

export interface RequestPrincipal {
  /** The ARN AWS sees: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION for a role session, or a service name. */
  arn: string;
  /** 12-digit account id; read from the ARN when absent. */
  account?: string;
  /** Read from the ARN when absent. */
  type?: PrincipalType;
  sourceIdentity?: string;
  /** For a role session: the role's ARN with its path (GetRole says it; the session ARN does not carry it). */
  roleArn?: string;
  /** The caller's AWS Organization id (aws:PrincipalOrgID), when known; conditions on it otherwise "depend on" it. */
  orgId?: string;
  /** The caller's tags (aws:PrincipalTag/KEY), when they could be read; when absent, a tag condition depends on them. */
  tags?: Record<string, string>;
}

/** A context key's value in the request: absent keys are simply left out. */
export type ContextValue = string | number | boolean | Array<string | number | boolean>;

export interface EvalRequest {
  principal: RequestPrincipal;
  /** service:Action, e.g. execute-api:Invoke or sts:AssumeRole. */
  action: string;
  /** The resource ARN: arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH, a role ARN for AssumeRole. */
  resource: string;
  /** aws:SourceIp, aws:MultiFactorAuthPresent, sts:ExternalId, aws:CurrentTime, ... (key names case-insensitive). */
  context?: Record<string, ContextValue>;
  /** Keys known to be absent from the request (aws:SourceVpce when it goes over the internet): absent, not unknown. */
  absent?: string[];
}

/** `boundary`: the caller's permission boundary (read with the identity policies). */
export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary';

export interface PolicySet {
  /** The caller's identity-based policies (attached and inline). */
  identity: PolicyDoc[];
  /** The resource-based policy (an API Gateway resource policy, a bucket policy). */
  resource?: PolicyDoc;
  /** The role's trust policy, for sts:AssumeRole requests; AWS requires it to allow. */
  trust?: PolicyDoc;
  /**
   * The caller's permission boundary: an action must be allowed by it and by the identity policies. 'none' when the
   * caller is known to have none; absent when it could not be read (then it is said to be unjudged).
   */
  boundary?: PolicyDoc | 'none';
  /** Whether principal and resource are in one account; read from the ARNs when absent. */
  sameAccount?: boolean;
}

/** A statement that took part in the decision. */
export interface DecidingStatement {
  policy: PolicyKind;
  /** Which identity policy (position in PolicySet.identity); 0 for the resource and trust policies. */
  document: number;
  /** Position of the statement in its policy's Statement list. */
  index: number;
  sid?: string;
  statement: PolicyStatement;
}

export type Decision = 'allow' | 'explicitDeny' | 'implicitDeny';

export interface EvalResult {
  decision: Decision;
  deciding: DecidingStatement[];
  /** Plain-language lines: why this decision. */
  reasons: string[];
  /** What the evaluator could not judge, said plainly (SCPs, boundaries, unknown operators or keys). */
  unjudged: string[];
  /**
   * Condition keys whose value only AWS knows here (aws:PrincipalOrgID, aws:SourceVpce, an unread principal tag) and
   * that could turn this decision: the verdict depends on them.
   */
  dependsOn: string[];
  /** Set on an implicit deny where the identity policies allow but the caller's permission boundary does not. */
  boundaryRefuses?: boolean;
}
