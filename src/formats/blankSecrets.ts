// What leaves RoleCall in an export never carries a secret value: every key/value row marked secret (collection
// and folder variables, and any header or form field so marked) keeps its key and loses its value, so whoever
// imports it sees what to fill in. Credentials typed into requests (an Authorization header, a presigned URL's
// signature) are taken out too, even from collections stored before main refused them (src/credentialGuard.ts).
import { collectionWithoutCredentials } from '../credentialGuard';
import type { Collection, ItemNode, KeyValue, RequestBody } from '../models/workspace';

const blankRows = (rows: KeyValue[]): KeyValue[] => rows.map((row) => (row.secret ? { ...row, value: '' } : row));

function blankBody(body: RequestBody): RequestBody {
  return body.mode === 'urlencoded' ? { ...body, fields: blankRows(body.fields) } : body;
}

function blankItem(item: ItemNode): ItemNode {
  if (item.kind === 'folder') return { ...item, variables: blankRows(item.variables), items: item.items.map(blankItem) };
  return { ...item, headers: blankRows(item.headers), body: blankBody(item.body) };
}

/** A copy of the collection with every secret value and credential emptied. */
export function blankSecrets(source: Collection): Collection {
  const collection = collectionWithoutCredentials(source);
  return { ...collection, variables: blankRows(collection.variables), items: collection.items.map(blankItem) };
}
