// Takes apart AWS's "User: PRINCIPAL is not authorized to perform: ACTION on resource: RESOURCE ..." sentence, the
// one API Gateway, STS, OpenSearch and most services use to refuse a call. Newer answers also say which kind of
// policy decided ("because no resource-based policy allows ...", "with an explicit deny in an identity-based
// policy"); older ones only "with an explicit deny" or nothing. Found with indexOf on a bounded text.

export type DecidingPolicy = 'identity' | 'resource' | 'session' | 'boundary' | 'scp' | 'rcp' | 'vpc-endpoint';

export interface NotAuthorized {
  principal: string;
  action: string;
  resource?: string;
  explicitDeny: boolean;
  /** The kind of policy AWS named, when it named one. */
  decidedBy?: DecidingPolicy;
}

const PERFORM = ' is not authorized to perform: ';
const ON_RESOURCE = ' on resource: ';

const POLICY_WORDS: Array<[string, DecidingPolicy]> = [
  ['identity-based policy', 'identity'],
  ['resource-based policy', 'resource'],
  ['session policy', 'session'],
  ['permissions boundary', 'boundary'],
  ['service control policy', 'scp'],
  ['resource control policy', 'rcp'],
  ['VPC endpoint policy', 'vpc-endpoint'],
];

export function parseNotAuthorized(text: string): NotAuthorized | undefined {
  const at = text.indexOf(PERFORM);
  if (at < 0) return undefined;
  const user = text.lastIndexOf('User: ', at);
  const principal = (user < 0 ? text.slice(0, at) : text.slice(user + 'User: '.length, at)).trim();
  const rest = text.slice(at + PERFORM.length);
  const action = firstWord(rest);
  if (!principal || !action) return undefined;
  const out: NotAuthorized = { principal, action, explicitDeny: rest.includes('explicit deny') };
  const on = rest.indexOf(ON_RESOURCE);
  if (on >= 0) {
    const resource = firstWord(rest.slice(on + ON_RESOURCE.length));
    if (resource) out.resource = resource;
  }
  const decided = POLICY_WORDS.find(([words]) => rest.includes(words));
  if (decided) out.decidedBy = decided[1];
  return out;
}

/** Up to the first space, without the sentence's own trailing punctuation. */
function firstWord(text: string): string {
  const space = text.search(/\s/);
  return (space < 0 ? text : text.slice(0, space)).replace(/^["']+/, '').replace(/[.,;"']+$/, '');
}
