// The execute-api ARN a request invokes (arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/METHOD/PATH) and the
// same ARN widened to the scope the user picks for a policy. The account is not in the URL: it is the API owner's,
// given by the caller (usually the invoked role's account).
import { detectEndpoint, parseRequestUrl } from '../endpoint';

export type PolicyScope = 'method-path' | 'stage' | 'api';

export interface ExecuteApiTarget {
  region: string;
  account: string;
  apiId: string;
  stage: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The resource path without its leading "/" ("" for the stage root), as typed. */
  path: string;
}

/**
 * Reads region, API id, stage and path from an execute-api URL (https://API_ID.execute-api.REGION.amazonaws.com/STAGE/PATH).
 * Undefined for a custom domain or a URL without a stage: those say nothing of the API id, so the user must.
 */
export function executeApiTarget(url: string, method: string, account: string): ExecuteApiTarget | undefined {
  let parsed;
  try {
    parsed = parseRequestUrl(url);
  } catch {
    return undefined;
  }
  const endpoint = detectEndpoint(parsed.url);
  if (endpoint.kind !== 'execute-api' || !endpoint.region) return undefined;
  const apiId = parsed.url.hostname.split('.')[0] ?? '';
  const [stage, ...rest] = parsed.path.replace(/^\//, '').split('/');
  if (!stage || !/^[a-z0-9]+$/.test(apiId)) return undefined;
  return { region: endpoint.region, account, apiId, stage, method: method.toUpperCase(), path: rest.join('/') };
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The ARN covering exactly the chosen scope: this method and path, every route of this stage, or the whole API. */
export function scopedExecuteApiArn(t: ExecuteApiTarget, scope: PolicyScope): string {
  const base = `arn:${partitionOf(t.region)}:execute-api:${t.region}:${t.account}:${t.apiId}`;
  if (scope === 'api') return `${base}/*`;
  if (scope === 'stage') return `${base}/${t.stage}/*`;
  return `${base}/${t.stage}/${t.method}/${t.path}`;
}
