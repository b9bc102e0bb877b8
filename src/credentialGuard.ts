// Credentials never rest in what RoleCall keeps or writes out: history, collections, tabs and exported files. A
// header named Authorization, X-Amz-Security-Token or Proxy-Authorization with a typed value (anything but
// {{variable}} references) is a credential; so are the X-Amz-Signature, X-Amz-Credential and X-Amz-Security-Token
// query parameters of a presigned URL. One definition, pure, so main's guards and the exporters agree.
import { appError } from './errors';
import type { Collection, ItemNode, KeyValue, RequestDoc, Tabs } from './models/workspace';

const CREDENTIAL_HEADERS = new Set(['authorization', 'x-amz-security-token', 'proxy-authorization']);
const SECRET_QUERY = /^x-amz-(security-token|signature|credential)$/i;
export const QUERY_MASK = '«redacted»';

/** A value that is only {{variable}} references is a template, not a credential. */
const onlyVariables = (value: string) => /^(\s*\{\{\s*[A-Za-z0-9_.$-]+\s*\}\}\s*)+$/.test(value);

const decodeName = (name: string) => {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
};

export const isSecretQueryName = (name: string) => SECRET_QUERY.test(decodeName(name).trim());

/** True for a header row that holds a credential value. */
export function isCredentialHeader(row: { key: string; value: string }): boolean {
  return CREDENTIAL_HEADERS.has(row.key.trim().toLowerCase()) && row.value.trim() !== '' && !onlyVariables(row.value);
}

/** The names (as typed) of the header rows holding credential values, each once. */
export function credentialHeaderNames(headers: KeyValue[]): string[] {
  return [...new Set(headers.filter(isCredentialHeader).map((h) => h.key.trim()))];
}

/** Masks X-Amz-Security-Token, X-Amz-Signature and X-Amz-Credential values in a URL's query, leaving the rest as typed. */
export function maskSecretQuery(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const end = hash < 0 ? url.length : hash;
  const query = url
    .slice(q + 1, end)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && isSecretQueryName(name) ? `${name}=${QUERY_MASK}` : pair;
    })
    .join('&');
  return url.slice(0, q + 1) + query + url.slice(end);
}

/**
 * The request with every credential header value emptied (the row kept, so whoever reads it sees what to fill in)
 * and presigned query values masked, in its URL and its switched-off params.
 */
export function withoutCredentials<T extends RequestDoc>(doc: T): T {
  return {
    ...doc,
    url: maskSecretQuery(doc.url),
    headers: doc.headers.map((h) => (isCredentialHeader(h) ? { ...h, value: '' } : h)),
    disabledParams: doc.disabledParams.map((p) => (isSecretQueryName(p.key) && p.value !== '' ? { ...p, value: QUERY_MASK } : p)),
  };
}

function mapRequests(items: ItemNode[], map: (node: Extract<ItemNode, { kind: 'request' }>) => ItemNode): ItemNode[] {
  return items.map((item) => (item.kind === 'folder' ? { ...item, items: mapRequests(item.items, map) } : map(item)));
}

/** A copy of the collection with every request's credentials taken out (see withoutCredentials). */
export function collectionWithoutCredentials(collection: Collection): Collection {
  return { ...collection, items: mapRequests(collection.items, withoutCredentials) };
}

/** Where a collection's requests carry credential headers, as `Folder / Request: Header` (names only, never values). */
export function credentialHeadersInCollection(collection: Collection, max = 10): string[] {
  const found: string[] = [];
  const walk = (items: ItemNode[], trail: string[]) => {
    for (const item of items) {
      if (found.length >= max) return;
      if (item.kind === 'folder') walk(item.items, [...trail, item.name]);
      else {
        const names = credentialHeaderNames(item.headers);
        if (names.length) found.push(`${[...trail, item.name].join(' / ')}: ${names.join(', ')}`);
      }
    }
  };
  walk(collection.items, []);
  return found;
}

/**
 * The collection as the store may keep it: refused (INVALID_INPUT, naming the requests and headers) when a request
 * carries a credential header, presigned query values masked otherwise.
 */
export function guardCollection(collection: Collection): Collection {
  const found = credentialHeadersInCollection(collection);
  if (found.length > 0) {
    throw appError(
      'INVALID_INPUT',
      `Collections never keep credentials: remove the value of ${found[0]!.split(': ')[1]} from "${found[0]!.split(': ')[0]}" (or use a {{variable}}).`,
      `Requests with credential headers: ${found.join('; ')}`,
    );
  }
  return { ...collection, items: mapRequests(collection.items, keepUnmasked) };
}

/** The request masked, or the request itself when there was nothing to mask (the store then sees it unchanged). */
function keepUnmasked(doc: Extract<ItemNode, { kind: 'request' }>): ItemNode {
  const masked = withoutCredentials(doc);
  const same = masked.url === doc.url && masked.headers.every((h, i) => h === doc.headers[i]) && masked.disabledParams.every((p, i) => p === doc.disabledParams[i]);
  return same ? doc : masked;
}

/**
 * The tabs as the store may keep them: credential values emptied rather than refused, because tabs are saved
 * automatically as the user types and a refusal would stop every other tab from being kept.
 */
export function guardTabs(tabs: Tabs): Tabs {
  return { ...tabs, open: tabs.open.map((tab) => ({ ...tab, draft: withoutCredentials(tab.draft) })) };
}
