// Why AWS said no: classifies a refused response into a cause in plain words, what to check and how to fix it,
// with AWS's own text kept. Causes are tried most specific first (a "Signature expired" arrives typed as an
// InvalidSignatureException, so clock skew is tried before the signature mismatch). A 401/403 no cause recognises
// still gets a generic explanation; other errors (404, 500…) are not refusals and get none.
import { accessAdvice } from './accessDenied';
import { executeApiDenied, executeApiForbidden, missingAuthenticationToken } from './apiGateway';
import { clockSkew } from './clockSkew';
import { gatherFacts, refusal, type Facts, type RefusalInput } from './facts';
import { lambdaUrlRefusal } from './lambdaUrl';
import { parseNotAuthorized } from './notAuthorized';
import { openSearchRefusal } from './openSearch';
import { incompleteSignature, signatureMismatch, wrongScope } from './signature';
import { stsResponse } from './sts';
import { expiredToken, unknownAccessKey } from './tokens';
import type { Refusal } from '../models/refusal';

export type { RefusalInput } from './facts';

const CAUSES: Array<(f: Facts) => Refusal | undefined> = [
  clockSkew,
  wrongScope,
  signatureMismatch,
  incompleteSignature,
  missingAuthenticationToken,
  expiredToken,
  unknownAccessKey,
  stsResponse,
  executeApiDenied,
  lambdaUrlRefusal,
  openSearchRefusal,
  anyServiceDenied,
  executeApiForbidden,
];

export function explainRefusal(input: RefusalInput): Refusal | undefined {
  if (input.status < 400) return undefined;
  const facts = gatherFacts(input);
  for (const cause of CAUSES) {
    const found = cause(facts);
    if (found) return found;
  }
  return input.status === 401 || input.status === 403 ? unknownRefusal(facts) : undefined;
}

/** The IAM sentence from any other service (s3:GetObject, dynamodb:Query…). */
function anyServiceDenied(f: Facts): Refusal | undefined {
  const denied = parseNotAuthorized(f.text);
  if (!denied) return undefined;
  const advice = accessAdvice(denied, "the resource's policy (if the service has resource policies)");
  return refusal(f, 'aws', {
    id: denied.explicitDeny ? 'aws.access-denied.explicit-deny' : 'aws.access-denied',
    title: denied.explicitDeny ? 'An explicit Deny refused the call' : `Not allowed: ${denied.action}`,
    ...advice,
    principal: denied.principal,
    action: denied.action,
    ...(denied.resource ? { resource: denied.resource } : {}),
  });
}

function unknownRefusal(f: Facts): Refusal {
  return refusal(f, 'aws', {
    id: 'aws.refused',
    title: `AWS refused the request (${f.status}${f.type ? ` ${f.type}` : ''})`,
    explanation: "RoleCall does not recognise this refusal; AWS's own text is below.",
    checks: [
      f.signed ? 'The identity signing the request, and the policies of the service you call.' : 'The request was not signed: does the endpoint need a signature?',
      'The region and service under signing options.',
    ],
    fixes: ['Search AWS\'s error type and message in the service\'s documentation; the request id helps AWS Support.'],
    likelihood: [],
  });
}
