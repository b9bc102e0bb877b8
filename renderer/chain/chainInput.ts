// What the workbench knows about the active request, turned into the chain model's input. Only masked text goes
// in: the URL as shown (secret variables masked), the signed request main returned, the explainer's words.
import type { AppError } from '../../src/errors';
import type { AuthChoice } from '../../src/models/auth';
import type { SendResult, SignResult } from '../../src/models/http';
import type { ProfileList } from '../../src/models/profile';
import type { IdentityState } from '../workbench/IdentityBadge';
import type { ChainInput } from './chainModel';

export interface WorkbenchFacts {
  auth: AuthChoice;
  profiles?: ProfileList;
  identity: IdentityState;
  /** The last send of this draft (not of an earlier edit): its result or its error. */
  sent?: { result?: SendResult; error?: AppError };
  /** The signed request being shown (sent or preview), for the region and service it was signed for. */
  signed?: SignResult;
  method: string;
  maskedUrl: string;
}

export function chainInput(f: WorkbenchFacts): ChainInput {
  const x = f.signed?.explanation;
  const input: ChainInput = {
    auth: f.auth,
    ...(f.profiles ? { profiles: f.profiles } : {}),
    target: { url: f.signed?.request.url ?? f.maskedUrl, method: f.method, ...(x ? { region: x.region, service: x.service } : {}) },
  };
  if (f.identity.status === 'done') input.whoami = { identity: f.identity.identity };
  if (f.identity.status === 'failed') input.whoami = { error: f.identity.error };
  const result = f.sent?.result;
  if (result) {
    const r = result.refusal;
    input.send = { status: result.response.status, ...(r ? { refusalTitle: r.title, refusalText: r.explanation } : {}) };
  } else if (f.sent?.error) {
    input.send = { error: f.sent.error };
  }
  return input;
}
