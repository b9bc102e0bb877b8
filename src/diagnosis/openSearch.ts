// OpenSearch refusals. Managed domains (es) refuse with the IAM sentence "User: … is not authorized to perform:
// es:ESHttpGet" when the domain's access policy does not allow the caller, and with a security_exception when
// fine-grained access control maps the caller to no role with the permission. Serverless collections (aoss) answer
// a bare 403 "Forbidden": a data access or network policy, or a request signed without x-amz-content-sha256.
import { accessAdvice } from './accessDenied';
import { refusal, type Facts } from './facts';
import { parseNotAuthorized } from './notAuthorized';
import type { Refusal } from '../models/refusal';

export function openSearchRefusal(f: Facts): Refusal | undefined {
  const kind = f.endpoint.kind;
  const service = f.input.request.signing?.service;
  const isEs = kind === 'opensearch' || service === 'es';
  const isAoss = kind === 'opensearch-serverless' || service === 'aoss';
  const denied = parseNotAuthorized(f.text);
  if (denied && (denied.action.startsWith('es:') || denied.action.startsWith('aoss:'))) {
    const who = { principal: denied.principal, action: denied.action, ...(denied.resource ? { resource: denied.resource } : {}) };
    if (denied.principal === 'anonymous') {
      return refusal(f, 'openSearch', {
        id: 'opensearch.anonymous',
        title: 'The domain refused an unsigned request',
        explanation: `The request carried no signature, so OpenSearch saw "anonymous", and the domain's access policy does not let anonymous callers ${denied.action}.`,
        checks: ['Auth: choose an identity so RoleCall signs the request (service es, the domain\'s region).', "The domain's access policy: which principals it allows."],
        fixes: ["Sign the request with an identity the domain's access policy allows."],
        likelihood: ['AWS saw no identity at all.'],
        ...who,
      });
    }
    const advice = accessAdvice(denied, "the domain's access policy");
    return refusal(f, 'openSearch', {
      id: 'opensearch.access-denied',
      title: 'The domain access policy refuses this caller',
      ...advice,
      principal: denied.principal,
      action: denied.action,
      ...(denied.resource ? { resource: denied.resource } : {}),
    });
  }
  const security = securityException(f);
  if (security && (isEs || isAoss || f.status === 403)) {
    return refusal(f, 'openSearch', {
      id: 'opensearch.fine-grained',
      title: 'Fine-grained access control refuses this caller',
      explanation: `The domain accepted the signature, but its security plugin maps ${security.user ?? 'this caller'} to no role with ${security.permission ?? 'the permission needed'}.`,
      checks: ['The role mappings in OpenSearch Dashboards (Security → Roles → Mapped users): is this IAM role a backend role of a role with the permission?', 'The index pattern and cluster permissions of the mapped role.'],
      fixes: [`Map ${security.user ?? 'the IAM role'} as a backend role to an OpenSearch role granting ${security.permission ?? 'the permission'}.`],
      likelihood: [],
      ...(security.user ? { principal: security.user } : {}),
      ...(security.permission ? { action: security.permission } : {}),
      awsText: security.reason,
    });
  }
  if (!isAoss || f.status !== 403) return undefined;
  const signedHeaders = f.input.request.signing?.signedHeaders;
  const noHash = signedHeaders !== undefined && !signedHeaders.includes('x-amz-content-sha256');
  return refusal(f, 'openSearch', {
    id: noHash ? 'aoss.missing-content-sha256' : f.signed ? 'aoss.forbidden' : 'aoss.unsigned',
    title: noHash ? 'OpenSearch Serverless needs the x-amz-content-sha256 header' : f.signed ? 'The collection refused this caller' : 'The collection needs a signed request',
    explanation: noHash
      ? 'OpenSearch Serverless requires the body hash as an x-amz-content-sha256 header, signed; this request was signed without it.'
      : f.signed
        ? 'OpenSearch Serverless answered a bare "Forbidden": no data access policy grants this principal the operation, or the network policy does not admit where the request came from.'
        : 'OpenSearch Serverless collections refuse unsigned requests.',
    checks: noHash
      ? ['Signing options: "Add x-amz-content-sha256" (on by default for aoss; a service override may have switched it off).']
      : [
          'The data access policy of the collection: does a rule grant this principal aoss:* or the index/collection operation?',
          'The network policy: public access, or the VPC endpoint you are calling through.',
          'The signing service must be aoss, not es.',
        ],
    fixes: noHash
      ? ['Turn on "Add x-amz-content-sha256" and send again.']
      : f.signed
        ? [`Add ${f.knownPrincipal ?? 'the caller\'s role ARN'} as a principal in a data access policy rule for this collection.`]
        : ['Sign the request with service aoss.'],
    likelihood: noHash ? ['The signed headers list lacks x-amz-content-sha256.'] : [],
    action: 'aoss:APIAccessAll',
  });
}

interface Security {
  reason: string;
  user?: string;
  permission?: string;
}

/** {"error":{"type":"security_exception","reason":"no permissions for [indices:data/read/search] and User [name=arn:…, …]"}} */
function securityException(f: Facts): Security | undefined {
  const error = f.json?.error;
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
  if (record?.type !== 'security_exception' || typeof record.reason !== 'string') return undefined;
  const reason = record.reason.slice(0, 2000);
  const out: Security = { reason };
  const perm = bracketAfter(reason, 'no permissions for [');
  if (perm) out.permission = perm;
  const name = reason.indexOf('name=');
  if (name >= 0) {
    const end = reason.slice(name + 5).search(/[,\]]/);
    out.user = reason.slice(name + 5, end < 0 ? undefined : name + 5 + end).trim();
  }
  return out;
}

function bracketAfter(text: string, marker: string): string | undefined {
  const at = text.indexOf(marker);
  if (at < 0) return undefined;
  const close = text.indexOf(']', at + marker.length);
  return close < 0 ? undefined : text.slice(at + marker.length, close);
}
