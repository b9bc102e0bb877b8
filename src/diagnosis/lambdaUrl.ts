// Lambda function URLs with AuthType AWS_IAM answer 403 {"Message":"Forbidden"} for both an unsigned request and a
// caller no policy allows, without naming either. Whether RoleCall signed tells which.
import { accessAdvice } from './accessDenied';
import { refusal, type Facts } from './facts';
import { parseNotAuthorized } from './notAuthorized';
import type { Refusal } from '../models/refusal';

export function lambdaUrlRefusal(f: Facts): Refusal | undefined {
  if (f.endpoint.kind !== 'lambda-url' || (f.status !== 403 && f.status !== 401)) return undefined;
  const resource = `the function behind ${f.host}`;
  if (!f.signed) {
    return refusal(f, 'lambdaUrl', {
      id: 'lambda-url.unsigned',
      title: 'The function URL needs a signed request',
      explanation: 'This function URL uses AuthType AWS_IAM: Lambda refuses any request without a SigV4 signature, and says only "Forbidden".',
      checks: ['Auth: choose an identity so RoleCall signs the request (service lambda, the region in the host).'],
      fixes: ['Sign the request with an identity allowed to call lambda:InvokeFunctionUrl on the function.', 'Or, if the URL is meant to be public, its owner sets AuthType NONE.'],
      likelihood: ['Likely the missing signature: the request was sent without one.'],
      action: 'lambda:InvokeFunctionUrl',
      resource,
    });
  }
  const denied = parseNotAuthorized(f.text);
  const principal = denied?.principal ?? f.knownPrincipal;
  const advice = principal
    ? accessAdvice({ principal, action: 'lambda:InvokeFunctionUrl', explicitDeny: denied?.explicitDeny ?? false, ...(denied?.resource ? { resource: denied.resource } : {}) }, "the function's resource-based policy")
    : undefined;
  return refusal(f, 'lambdaUrl', {
    id: 'lambda-url.not-allowed',
    title: 'The function URL refused this caller',
    explanation: `Lambda checked the signature and found no policy allowing ${principal ?? 'this caller'} to call lambda:InvokeFunctionUrl on ${resource}. Lambda says only "Forbidden".`,
    checks: [
      'The function\'s resource-based policy: a statement allowing lambda:InvokeFunctionUrl for this principal, with the condition "lambda:FunctionUrlAuthType": "AWS_IAM".',
      "The caller's identity policy: lambda:InvokeFunctionUrl on the function's ARN (needed across accounts, and enough within one).",
      'The signing service must be lambda and the region the one in the host.',
    ],
    fixes: advice?.fixes ?? ["Add lambda:InvokeFunctionUrl for the caller to the function's resource-based policy (aws lambda add-permission --action lambda:InvokeFunctionUrl --function-url-auth-type AWS_IAM)."],
    likelihood: ['The request was signed, so the caller is known to Lambda: a policy is missing.', ...(advice?.likelihood ?? [])],
    action: 'lambda:InvokeFunctionUrl',
    ...(principal ? { principal } : {}),
    resource: denied?.resource ?? resource,
  });
}
