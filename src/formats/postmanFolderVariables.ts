// Folder variables for Postman. The v2.1 schema lets a folder carry `variable`, but neither Postman nor newman
// resolves them (newman sent `{{section}}` literally in our test), so they move to the collection: under their own
// name when that is unambiguous (no collection variable of that name, every folder that defines it agrees), else as
// `Folder.Sub.name`, with the references in that folder's requests rewritten to the new name.
import type { Collection, FolderNode, ItemNode, KeyValue, RequestBody, RequestNode } from '../models/workspace';

const PATTERN = /\{\{\s*([A-Za-z0-9_.$-]+)\s*\}\}/g;

interface Definition {
  trail: string[];
  row: KeyValue;
}

const slug = (trail: string[]) => trail.map((name) => name.replace(/[^A-Za-z0-9_-]+/g, '_') || '_').join('.');
const same = (a: KeyValue, b: KeyValue) => a.value === b.value && a.enabled === b.enabled && a.secret === b.secret;

/** The collection with no folder variables, and a line for each that moved. */
export function hoistFolderVariables(collection: Collection): { collection: Collection; report: string[] } {
  const definitions = new Map<string, Definition[]>();
  const collect = (items: ItemNode[], trail: string[]) => {
    for (const item of items) {
      if (item.kind !== 'folder') continue;
      const here = [...trail, item.name];
      for (const row of item.variables) definitions.set(row.key, [...(definitions.get(row.key) ?? []), { trail: here, row }]);
      collect(item.items, here);
    }
  };
  collect(collection.items, []);
  if (definitions.size === 0) return { collection, report: [] };

  const own = new Set(collection.variables.map((v) => v.key));
  const plain = new Set([...definitions].filter(([key, defs]) => !own.has(key) && defs.every((d) => same(d.row, defs[0]!.row))).map(([key]) => key));
  const hoisted: KeyValue[] = [];
  const report: string[] = [];
  for (const [key, defs] of definitions) {
    if (plain.has(key)) {
      hoisted.push({ ...defs[0]!.row, id: `hoisted-${hoisted.length}` });
      report.push(`${defs.map((d) => d.trail.join(' / ')).join(', ')}: folder variable ${key} is a collection variable in Postman, which runs no folder variables.`);
      continue;
    }
    for (const d of defs) {
      const name = `${slug(d.trail)}.${key}`;
      hoisted.push({ ...d.row, id: `hoisted-${hoisted.length}`, key: name });
      report.push(`${d.trail.join(' / ')}: folder variable ${key} is the collection variable {{${name}}} in Postman (Postman runs no folder variables); the folder's requests use that name.`);
    }
  }

  /** Renames, for the requests below, the variables the folders above them define (innermost wins). */
  const walk = (items: ItemNode[], trail: string[], renames: Map<string, string>): ItemNode[] =>
    items.map((item) => {
      if (item.kind === 'request') return renames.size ? renameInRequest(item, renames) : item;
      const here = [...trail, item.name];
      const inner = new Map(renames);
      for (const row of item.variables) {
        if (plain.has(row.key)) inner.delete(row.key);
        else inner.set(row.key, `${slug(here)}.${row.key}`);
      }
      const folder: FolderNode = { ...item, variables: [], items: walk(item.items, here, inner) };
      return folder;
    });

  return { collection: { ...collection, variables: [...collection.variables, ...hoisted], items: walk(collection.items, [], new Map()) }, report };
}

function renameInRequest(node: RequestNode, renames: Map<string, string>): RequestNode {
  const r = (text: string) => text.replace(PATTERN, (whole, name: string) => (renames.has(name) ? `{{${renames.get(name)}}}` : whole));
  const rows = (list: KeyValue[]) => list.map((row) => ({ ...row, key: r(row.key), value: r(row.value) }));
  const body = ((b: RequestBody): RequestBody => {
    switch (b.mode) {
      case 'raw':
        return { ...b, text: r(b.text) };
      case 'urlencoded':
        return { ...b, fields: rows(b.fields) };
      case 'multipart':
        return { ...b, parts: b.parts.map((p) => ({ ...p, key: r(p.key), value: r(p.value), ...(p.contentType ? { contentType: r(p.contentType) } : {}) })) };
      case 'file':
        return { ...b, path: r(b.path), ...(b.contentType ? { contentType: r(b.contentType) } : {}) };
      case 'graphql':
        return { ...b, query: r(b.query), variables: r(b.variables), ...(b.operationName ? { operationName: r(b.operationName) } : {}) };
      default:
        return b;
    }
  })(node.body);
  return {
    ...node,
    url: r(node.url),
    headers: rows(node.headers),
    body,
    signing: { ...node.signing, region: r(node.signing.region), service: r(node.signing.service) },
    disabledParams: node.disabledParams.map((p) => ({ key: r(p.key), value: r(p.value) })),
  };
}
