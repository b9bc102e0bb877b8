// Where in a stored collection its first problem is, in the sidebar's words. The schema's own path reads "item 322
// of the items", which in a 50,000-request collection names no request; the folders and the request by name and id do.
import type { z } from 'zod';
import { firstIssue } from './workspaceRecovery';

type Rec = Record<string, unknown>;
const isRec = (value: unknown): value is Rec => typeof value === 'object' && value !== null && !Array.isArray(value);

/** One tree node as the user knows it: kind, name and id, each cut short (a damaged file may hold anything). */
function label(node: Rec): string {
  const kind = node.kind === 'folder' ? 'folder' : node.kind === 'request' ? 'request' : 'item';
  const name = typeof node.name === 'string' && node.name !== '' ? ` “${node.name.slice(0, 80)}”` : '';
  const id = typeof node.id === 'string' ? ` (id ${JSON.stringify(node.id.slice(0, 64))})` : '';
  return `${kind}${name}${id}`;
}

/** The first problem's sentence, followed by the folders and the item it is in when it is inside the tree. */
export function collectionProblem(stored: unknown, error: z.ZodError): string {
  const problem = firstIssue(error);
  const path = error.issues[0]?.path ?? [];
  const trail: string[] = [];
  let node = stored;
  for (let i = 0; i + 1 < path.length && path[i] === 'items'; i += 2) {
    const items = isRec(node) ? node.items : undefined;
    const index = path[i + 1];
    const item = Array.isArray(items) && typeof index === 'number' ? (items[index] as unknown) : undefined;
    if (!isRec(item)) break;
    trail.push(label(item));
    node = item;
  }
  return trail.length ? `${problem.replace(/\.$/, '')}, in ${trail.join(' › ')}` : problem;
}
