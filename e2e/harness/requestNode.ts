// A stored request as the specs seed their collections with: a GET that inherits its auth, signed in header mode,
// with nothing else set. `extra` overrides any field (method, signing, checks...).
import type { RequestNode } from '../../src/models/workspace';

export function requestNode(id: string, name: string, url: string, extra: Partial<RequestNode> = {}): RequestNode {
  return {
    kind: 'request',
    id,
    name,
    method: 'GET',
    url,
    headers: [],
    body: { mode: 'none' },
    auth: { type: 'inherit' },
    signing: { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 },
    disabledParams: [],
    checks: [],
    captures: [],
    ...extra,
  };
}
