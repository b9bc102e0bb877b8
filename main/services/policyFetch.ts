// Reads the real policies of the cross-account API scenario with the caller's own credentials: the API's resource
// policy (API Gateway GetRestApi), a role's trust policy (IAM GetRole) and the identity policies attached to a role
// or user (managed at their default version, and inline). Each read that AWS refuses is a note ("could not read X:
// not allowed"), never a failure of the whole: a newcomer's role can usually read some of these and not others.
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
// The IAM and API Gateway clients load when a reader is made (the policy workshop), not at start.
import type { PolicyDoc } from '../../src/policy';
import { sdkAgents } from './caBundle';
import type { Credentials } from './credentials';
import type { Env } from './profiles';

export interface PolicyEndpoints {
  iam?: string;
  apiGateway?: string;
}

export interface FetchedIdentityPolicy {
  /** The policy's name; for a managed policy also its ARN. */
  name: string;
  source: 'attached' | 'inline';
  arn?: string;
  policy: PolicyDoc;
}

export interface FetchedPolicies {
  resourcePolicy?: PolicyDoc;
  trustPolicy?: PolicyDoc;
  /** The role's (or user's) ARN as IAM reports it, path included, when GetRole answered. */
  roleArn?: string;
  identityPolicies: FetchedIdentityPolicy[];
  /** What could not be read, and other facts the user should know (an API without a resource policy). */
  notes: string[];
  /** Which reads were refused or failed: the evaluation says it could not judge those. */
  unread: Array<'resource' | 'trust' | 'identity'>;
}

/** Whose identity policies to read: a role (by name) or an IAM user (by name). */
export type PolicyOwner = { kind: 'role'; name: string } | { kind: 'user'; name: string };

const HTTP = { connectionTimeout: 5_000, requestTimeout: 15_000 };

/** The network settings STS gets: the environment's proxy (proxy.ts) and the CA bundle (AWS_CA_BUNDLE or ca_bundle). */
export interface PolicyNetwork {
  env: Env;
  caBundle?: string;
}

/** IAM and API Gateway go out as STS does (credentials.ts): through the proxy, trusting the bundle's CAs too. */
function requestHandler(network: PolicyNetwork | undefined) {
  return network ? { ...HTTP, ...sdkAgents(network.env, network.caBundle) } : HTTP;
}
/** Pages of a List call read at most: a role has at most 20 managed policies by default, inline ones are few. */
const MAX_PAGES = 10;

/** The SDK's own endpoint variables (AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL), as the CLI honours them. */
export function endpointsFromEnv(env: Env): PolicyEndpoints {
  const iam = env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL;
  const apiGateway = env.AWS_ENDPOINT_URL_API_GATEWAY || env.AWS_ENDPOINT_URL;
  return { ...(iam ? { iam } : {}), ...(apiGateway ? { apiGateway } : {}) };
}

export async function createPolicyReader(credentials: Credentials, endpoints: PolicyEndpoints = {}, network?: PolicyNetwork) {
  const [
    { APIGatewayClient, GetRestApiCommand },
    {
      GetPolicyCommand,
      GetPolicyVersionCommand,
      GetRoleCommand,
      GetRolePolicyCommand,
      GetUserPolicyCommand,
      IAMClient,
      ListAttachedRolePoliciesCommand,
      ListAttachedUserPoliciesCommand,
      ListRolePoliciesCommand,
      ListRoleTagsCommand,
      ListUserPoliciesCommand,
    },
  ] = await Promise.all([import('@aws-sdk/client-api-gateway'), import('@aws-sdk/client-iam')]);
  const http = requestHandler(network);
  const creds = {
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
  };
  // IAM is global: its one endpoint lives in us-east-1 (aws partition).
  const iam = new IAMClient({ region: 'us-east-1', credentials: creds, maxAttempts: 2, requestHandler: http, ...(endpoints.iam ? { endpoint: endpoints.iam } : {}) });
  const apiClients = new Map<string, APIGatewayClient>();
  const apiGateway = (region: string) => {
    let client = apiClients.get(region);
    if (!client) {
      client = new APIGatewayClient({ region, credentials: creds, maxAttempts: 2, requestHandler: http, ...(endpoints.apiGateway ? { endpoint: endpoints.apiGateway } : {}) });
      apiClients.set(region, client);
    }
    return client;
  };

  async function readManaged(arn: string, what: string): Promise<PolicyDoc> {
    const meta = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    const versionId = meta.Policy?.DefaultVersionId;
    if (!versionId) throw new Error('GetPolicy answered without DefaultVersionId');
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
    const text = version.PolicyVersion?.Document;
    if (!text) throw new Error('GetPolicyVersion answered without Document');
    return parsePolicyText(text, what);
  }

  /**
   * The role's tags (aws:PrincipalTag/*), or undefined when iam:ListRoleTags is refused: no note then, since it
   * matters only to a policy with a tag condition, whose verdict says it depends on the tag.
   */
  async function roleTags(roleName: string): Promise<Record<string, string> | undefined> {
    const got = await listAll(`the tags of role ${roleName} (iam:ListRoleTags)`, [], async (Marker) => {
      const out = await iam.send(new ListRoleTagsCommand({ RoleName: roleName, Marker }));
      return { items: out.Tags ?? [], next: out.IsTruncated ? out.Marker : undefined };
    });
    return got === 'unread' ? undefined : tagRecord(got);
  }

  return {
    /** The REST API's resource policy; undefined (with a note) when it has none or it cannot be read. */
    async resourcePolicy(region: string, apiId: string, notes: string[]): Promise<PolicyDoc | undefined | 'unread'> {
      const what = `the resource policy of API ${apiId} (apigateway:GET on /restapis/${apiId})`;
      try {
        const api = await apiGateway(region).send(new GetRestApiCommand({ restApiId: apiId }));
        if (!api.policy) {
          notes.push(`API ${apiId} has no resource policy.`);
          return undefined;
        }
        return parsePolicyText(api.policy, what);
      } catch (err) {
        notes.push(refusal(what, err));
        return 'unread';
      }
    },

    /**
     * The role's trust policy and its ARN (with path), with what GetRole also tells: the ARN of its permission
     * boundary ('none' when it has none) and its tags (iam:ListRoleTags when GetRole shows none; absent when unreadable).
     */
    async trustPolicy(roleName: string, notes: string[]): Promise<RoleFacts | 'unread'> {
      const what = `the trust policy of role ${roleName} (iam:GetRole)`;
      try {
        const out = await iam.send(new GetRoleCommand({ RoleName: roleName }));
        const text = out.Role?.AssumeRolePolicyDocument;
        if (!text) throw new Error('GetRole answered without AssumeRolePolicyDocument');
        const tags = out.Role?.Tags?.length ? tagRecord(out.Role.Tags) : await roleTags(roleName);
        const boundaryArn = out.Role?.PermissionsBoundary?.PermissionsBoundaryArn;
        return { policy: parsePolicyText(text, what), ...(out.Role?.Arn ? { arn: out.Role.Arn } : {}), boundaryArn: boundaryArn ?? 'none', ...(tags ? { tags } : {}) };
      } catch (err) {
        notes.push(refusal(what, err));
        return 'unread';
      }
    },

    /** A managed policy's default version (a permission boundary); 'unread' with a note when AWS refuses. */
    async managedPolicy(arn: string, what: string, notes: string[]): Promise<PolicyDoc | 'unread'> {
      try {
        return await readManaged(arn, what);
      } catch (err) {
        notes.push(refusal(what, err));
        return 'unread';
      }
    },

    /** Managed (default version) and inline identity policies of a role or user; partial when some reads fail. */
    async identityPolicies(owner: PolicyOwner, notes: string[]): Promise<{ policies: FetchedIdentityPolicy[]; complete: boolean }> {
      const who = `${owner.kind} ${owner.name}`;
      const policies: FetchedIdentityPolicy[] = [];
      let complete = true;
      const attached = await listAll(
        `the managed policies attached to ${who} (iam:ListAttached${owner.kind === 'role' ? 'Role' : 'User'}Policies)`,
        notes,
        async (Marker) => {
          const out = owner.kind === 'role'
            ? await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: owner.name, Marker }))
            : await iam.send(new ListAttachedUserPoliciesCommand({ UserName: owner.name, Marker }));
          return { items: out.AttachedPolicies ?? [], next: out.IsTruncated ? out.Marker : undefined };
        },
      );
      if (attached === 'unread') complete = false;
      for (const p of attached === 'unread' ? [] : attached) {
        if (!p.PolicyArn) continue;
        const name = p.PolicyName ?? p.PolicyArn;
        const what = `managed policy ${name} (iam:GetPolicy, iam:GetPolicyVersion)`;
        try {
          policies.push({ name, source: 'attached', arn: p.PolicyArn, policy: await readManaged(p.PolicyArn, what) });
        } catch (err) {
          notes.push(refusal(what, err));
          complete = false;
        }
      }
      const inline = await listAll(
        `the inline policies of ${who} (iam:List${owner.kind === 'role' ? 'Role' : 'User'}Policies)`,
        notes,
        async (Marker) => {
          const out = owner.kind === 'role'
            ? await iam.send(new ListRolePoliciesCommand({ RoleName: owner.name, Marker }))
            : await iam.send(new ListUserPoliciesCommand({ UserName: owner.name, Marker }));
          return { items: out.PolicyNames ?? [], next: out.IsTruncated ? out.Marker : undefined };
        },
      );
      if (inline === 'unread') complete = false;
      for (const name of inline === 'unread' ? [] : inline) {
        const what = `inline policy ${name} of ${who} (iam:Get${owner.kind === 'role' ? 'Role' : 'User'}Policy)`;
        try {
          const text = owner.kind === 'role'
            ? (await iam.send(new GetRolePolicyCommand({ RoleName: owner.name, PolicyName: name }))).PolicyDocument
            : (await iam.send(new GetUserPolicyCommand({ UserName: owner.name, PolicyName: name }))).PolicyDocument;
          if (!text) throw new Error('IAM answered without PolicyDocument');
          policies.push({ name, source: 'inline', policy: parsePolicyText(text, what) });
        } catch (err) {
          notes.push(refusal(what, err));
          complete = false;
        }
      }
      return { policies, complete };
    },

    destroy(): void {
      iam.destroy();
      for (const client of apiClients.values()) client.destroy();
    },
  };
}

export type PolicyReader = Awaited<ReturnType<typeof createPolicyReader>>;

/** What GetRole says of a role besides its trust policy. */
export interface RoleFacts {
  policy: PolicyDoc;
  arn?: string;
  /** The permission boundary's policy ARN, or 'none' when the role has no boundary. */
  boundaryArn: string | 'none';
  /** Absent when they could not be read. */
  tags?: Record<string, string>;
}

function tagRecord(tags: Array<{ Key?: string; Value?: string }>): Record<string, string> {
  return Object.fromEntries(tags.filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? '']));
}

async function listAll<T>(what: string, notes: string[], page: (marker: string | undefined) => Promise<{ items: T[]; next: string | undefined }>): Promise<T[] | 'unread'> {
  const items: T[] = [];
  let marker: string | undefined;
  try {
    for (let i = 0; i < MAX_PAGES; i++) {
      const out = await page(marker);
      items.push(...out.items);
      if (!out.next) return items;
      marker = out.next;
    }
    notes.push(`Only the first ${items.length} entries of ${what} were read.`);
    return items;
  } catch (err) {
    notes.push(refusal(what, err));
    return 'unread';
  }
}

/**
 * A policy as the APIs return it: IAM URL-encodes the JSON; API Gateway returns it as a JSON string whose quotes
 * (and slashes) are backslash-escaped. Either way the result is the policy object.
 */
export function parsePolicyText(text: string, what: string): PolicyDoc {
  const attempts = [text, safeDecode(text), text.replace(/\\(["/\\])/g, '$1')];
  for (const candidate of attempts) {
    if (candidate === undefined) continue;
    try {
      const parsed: unknown = JSON.parse(candidate);
      if (typeof parsed === 'string') return parsePolicyText(parsed, what);
      if (parsed && typeof parsed === 'object') return parsed as PolicyDoc;
    } catch {
      // try the next reading
    }
  }
  throw new Error(`${what} is not readable JSON`);
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** "could not read X: not allowed" for a refusal; AWS's reason in a few words otherwise. Never a credential. */
export function refusal(what: string, err: unknown): string {
  const e = (err ?? {}) as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  const status = e.$metadata?.httpStatusCode;
  if (/AccessDenied|UnauthorizedOperation|Forbidden/i.test(name) || status === 403) return `Could not read ${what}: not allowed.`;
  if (/NoSuchEntity|NotFound/i.test(name) || status === 404) return `Could not read ${what}: it does not exist.`;
  const reason = (e.message ?? String(err)).split('\n')[0]!.slice(0, 300);
  return `Could not read ${what}: ${reason}`;
}
