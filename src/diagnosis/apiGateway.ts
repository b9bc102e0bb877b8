// API Gateway's refusals: "Missing Authentication Token" (which it also answers for a path or stage that does not
// exist, so the URL and whether the request was signed decide which is likelier), and execute-api:Invoke denied
// by the API's resource policy or the caller's identity policy.
import { accessAdvice } from './accessDenied';
import { refusal, type Facts } from './facts';
import { parseNotAuthorized } from './notAuthorized';
import type { Refusal } from '../models/refusal';

export function missingAuthenticationToken(f: Facts): Refusal | undefined {
  if (f.type !== 'MissingAuthenticationTokenException' && f.text !== 'Missing Authentication Token') return undefined;
  const segments = f.path.split('/').filter(Boolean);
  const stage = f.endpoint.kind === 'execute-api' ? segments[0] : undefined;
  const method = f.input.request.method.toUpperCase();
  const pathChecks = [
    f.endpoint.kind === 'execute-api'
      ? stage
        ? `The stage: the first path segment "${stage}" is read as the stage name; is a stage deployed under that name?`
        : 'The stage: this URL has no path, so it names no stage. API Gateway URLs are https://API_ID.execute-api.REGION.amazonaws.com/STAGE/PATH.'
      : 'The base path mapping of the custom domain: is the path under a mapping to the right API and stage?',
    `The resource and method: does the API have ${method} on ${f.path || '/'} (no trailing slash difference, same case), and was it deployed to the stage after it was added?`,
  ];
  const signChecks = [
    "The route's authorization is AWS_IAM: RoleCall must sign the request (choose a profile, keys or a role under Auth).",
  ];
  const noStage = f.endpoint.kind === 'execute-api' && !stage;
  if (f.signed) {
    return refusal(f, 'apiGateway', {
      id: 'apigw.missing-token.wrong-path',
      title: 'No such path or stage (API Gateway says "Missing Authentication Token")',
      explanation:
        'API Gateway answers "Missing Authentication Token" both for an unsigned request to an IAM route and for a path, method or stage the API does not have. This request was signed, so the path is the likelier cause.',
      checks: pathChecks,
      fixes: [
        noStage ? 'Add the stage to the URL: /STAGE/PATH (for example /prod/items).' : 'Correct the stage or path in the URL, or deploy the API so the route exists on this stage.',
      ],
      likelihood: ['Likely a wrong path, method or stage: the request carried a signature.', ...(noStage ? ['The URL has no stage segment.'] : [])],
      action: 'execute-api:Invoke',
    });
  }
  return refusal(f, 'apiGateway', {
    id: 'apigw.missing-token.unsigned',
    title: 'The request was not signed',
    explanation:
      'API Gateway answers "Missing Authentication Token" for an unsigned request to a route that uses IAM authorization. It answers the same for a path or stage that does not exist, so check the path too if signing does not help.',
    checks: [...signChecks, ...pathChecks],
    fixes: ['Sign the request: choose a profile, environment credentials, stored keys or a role to assume under Auth (service execute-api).'],
    likelihood: ['Likely the missing signature: the request was sent without one.', ...(noStage ? ['Also: the URL has no stage segment, which would fail even when signed.'] : [])],
    action: 'execute-api:Invoke',
  });
}

export function executeApiDenied(f: Facts): Refusal | undefined {
  const denied = parseNotAuthorized(f.text);
  if (!denied || !denied.action.startsWith('execute-api:')) return undefined;
  if (denied.principal === 'anonymous') {
    return refusal(f, 'apiGateway', {
      id: 'apigw.access-denied.anonymous',
      title: 'The API refused an unsigned caller',
      explanation: `The API's resource policy does not allow anonymous callers to ${denied.action}, and this request carried no signature, so AWS saw "anonymous".`,
      checks: ['Is the request signed? Choose an identity under Auth.', "Does the API's resource policy allow the identity you will sign as?"],
      fixes: ["Sign the request with an identity the API's resource policy allows."],
      principal: 'anonymous',
      action: denied.action,
      ...(denied.resource ? { resource: denied.resource } : {}),
      likelihood: ['AWS saw no identity at all.'],
    });
  }
  const advice = accessAdvice(denied, "the API's resource policy");
  return refusal(f, 'apiGateway', {
    id: denied.explicitDeny ? 'apigw.access-denied.explicit-deny' : 'apigw.access-denied',
    title: denied.explicitDeny ? 'An explicit Deny refused the call' : 'No policy allows this caller to invoke the API',
    ...advice,
    principal: denied.principal,
    action: denied.action,
    ...(denied.resource ? { resource: denied.resource } : {}),
  });
}

/** 403 "Forbidden" from an execute-api host: an HTTP API's IAM route unsigned, a private API, or a disabled endpoint. */
export function executeApiForbidden(f: Facts): Refusal | undefined {
  if (f.endpoint.kind !== 'execute-api' || f.status !== 403 || f.text.toLowerCase() !== 'forbidden') return undefined;
  return refusal(f, 'apiGateway', {
    id: 'apigw.forbidden',
    title: 'API Gateway refused the request',
    explanation: 'API Gateway answered a bare "Forbidden" without saying who was refused.',
    checks: [
      f.signed ? 'The identity signing the request: is it allowed to execute-api:Invoke this route?' : 'The route may use IAM authorization: this request was not signed.',
      'A private API answers Forbidden outside its VPC endpoint: are you calling through the right VPC endpoint?',
      'The default execute-api endpoint may be disabled in favour of a custom domain.',
    ],
    fixes: [f.signed ? 'Give the caller execute-api:Invoke on this route (identity policy and, across accounts, the resource policy).' : 'Sign the request (Auth) with an identity allowed to invoke the API.'],
    action: 'execute-api:Invoke',
    likelihood: f.signed ? [] : ['Likely the missing signature: the request was sent without one.'],
  });
}
