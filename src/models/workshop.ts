// The policy workshop across the process boundary: what the renderer asks (a request, an auth, a scope) and what
// main answers (who the caller is, the policies it could read, the local verdict, the generated documents). Policies
// and ARNs only: no credential is ever part of it.
import { z } from 'zod';
import type { DecidingStatement, Decision, PolicyDoc, Workshop } from '../policy';
import { authChoiceSchema, type CredentialHop } from './auth';

export const policyScopeSchema = z.enum(['method-path', 'stage', 'api']);

export const workshopRequestSchema = z
  .object({
    auth: authChoiceSchema,
    request: z.object({ method: z.string().regex(/^[A-Za-z]{1,16}$/), url: z.string().min(1).max(8192) }).strict(),
    scope: policyScopeSchema.default('method-path'),
    /** The API owner's account; defaults to the account of the role the caller ends up as. */
    account: z.string().regex(/^\d{12}$/, 'must be a 12-digit account id').optional(),
    /** For a custom domain, where the URL does not say: the REST API id, its stage and region. */
    apiId: z.string().regex(/^[a-z0-9]{1,32}$/, 'must be an API Gateway API id').optional(),
    stage: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be a stage name').optional(),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region such as eu-west-1').optional(),
  })
  .strict();
export type WorkshopRequest = z.input<typeof workshopRequestSchema>;

export interface FetchedPolicyView {
  name: string;
  source: 'attached' | 'inline';
  arn?: string;
  policy: PolicyDoc;
}

/** One question put to the evaluator: may this principal do this action on this resource? */
export interface PolicyCheck {
  kind: 'invoke' | 'assumeRole';
  principal: string;
  action: string;
  resource: string;
  decision: Decision;
  deciding: Array<DecidingStatement & { where: string }>;
  /** One sentence: the verdict and the statement (or missing statement) that decides it. */
  summary: string;
  reasons: string[];
  unjudged: string[];
}

export interface WorkshopResult {
  identity: {
    arn: string;
    account: string;
    hops: CredentialHop[];
    /** Who assumed the role (the trust policy's principal), when RoleCall could tell. */
    basePrincipal?: string;
  };
  targetArn: string;
  fetched: {
    resourcePolicy?: PolicyDoc;
    trustPolicy?: PolicyDoc;
    identityPolicies: FetchedPolicyView[];
    /** The base principal's own policies (its sts:AssumeRole permission), when they could be read. */
    baseIdentityPolicies?: FetchedPolicyView[];
    /** The role's permission boundary (GetRole names it), when it has one and it could be read. */
    permissionBoundary?: PolicyDoc;
    notes: string[];
  };
  evaluation: {
    /** The overall verdict: a refused AssumeRole hop refuses the call, else the call's own check. */
    decision: Decision;
    summary: string;
    invoke: PolicyCheck;
    assumeRole?: PolicyCheck;
    unjudged: string[];
  };
  /** Absent when the caller is not a role session (the scenario's documents are written for a role). */
  workshop?: Workshop;
  notes: string[];
}
