// What a user keeps: collections of requests (folders nest), environments, history and the open tabs.
// Persisted by main (electron-store, schema-versioned); every text field may hold {{variables}}.
// Nothing here holds a credential: auth refers to profiles, roles or stored keys by name.
import { z } from 'zod';
import { capturesListSchema, checksListSchema } from './checks';
import type { FolderSource, OpenFolderSummary } from './folders';
import { requestSettingsSchema } from './requestSettings';
import { descriptionSchema, preservedSchema, type Preserved } from './preserved';

/**
 * 1: first release of the store. 2: secret variable values are sealed with the key vault's cipher; an older
 * RoleCall must not read a version-2 store (it would drop the sealed values), so it sets the store aside.
 */
export const WORKSPACE_VERSION = 2;

const id = z.string().min(1).max(64);
const text = (max = 64 * 1024) => z.string().max(max);

export const keyValueSchema = z.object({
  id,
  key: text(1024),
  value: text(),
  enabled: z.boolean().default(true),
  /** Masked in the UI and left out of exports. */
  secret: z.boolean().default(false),
  /** What the row is for, as a shared file or Postman gave it (plain text); absent on most rows. */
  description: text().optional(),
});
export type KeyValue = z.infer<typeof keyValueSchema>;

export const requestBodySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('none') }),
  z.object({ mode: z.literal('raw'), language: z.enum(['json', 'text', 'xml']), text: text(64 * 1024 * 1024) }),
  z.object({ mode: z.literal('urlencoded'), fields: z.array(keyValueSchema).max(1000) }),
  z.object({
    mode: z.literal('multipart'),
    parts: z
      .array(
        z.object({
          id,
          key: text(1024),
          enabled: z.boolean().default(true),
          kind: z.enum(['text', 'file']),
          /** The text value, or the file path for kind "file". */
          value: text(),
          contentType: text(256).optional(),
          description: text().optional(),
        }),
      )
      .max(200),
  }),
  z.object({ mode: z.literal('file'), path: text(4096), contentType: text(256).optional() }),
  /** Sent as application/json {query, variables, operationName}; variables is JSON text so it can hold {{variables}}. */
  z.object({ mode: z.literal('graphql'), query: text(1024 * 1024), variables: text(1024 * 1024).default(''), operationName: text(256).optional() }),
]);
export type RequestBody = z.infer<typeof requestBodySchema>;

/** Auth as the user configures it; fields are text so they can hold {{variables}}. */
export const requestAuthSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('inherit') }),
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('env') }),
  z.object({ type: z.literal('profile'), profile: text(256) }),
  z.object({ type: z.literal('storedKeys'), name: text(256) }),
  z.object({
    type: z.literal('assumeRole'),
    base: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('profile'), profile: text(256) }),
      z.object({ kind: z.literal('env') }),
      z.object({ kind: z.literal('storedKeys'), name: text(256) }),
    ]),
    roleArn: text(2048),
    sessionName: text(256).default(''),
    externalId: text(2048).default(''),
    durationSeconds: text(16).default(''),
    mfaSerial: text(256).default(''),
    stsRegion: text(64).default(''),
    stsEndpoint: text(2048).default(''),
  }),
]);
export type RequestAuth = z.infer<typeof requestAuthSchema>;

export const signingSettingsSchema = z.object({
  /** Empty means detect from the URL. */
  region: text(64).default(''),
  service: text(64).default(''),
  payload: z.enum(['signed', 'unsigned']).default('signed'),
  /** Absent means the service's default (on for s3 and aoss). */
  contentSha256Header: z.boolean().optional(),
  mode: z.enum(['header', 'query']).default('header'),
  expiresIn: z.number().int().min(1).max(604800).default(900),
});
export type SigningSettings = z.infer<typeof signingSettingsSchema>;

/** Region and service a collection or folder gives its requests (custom domains name neither); empty: not set here. */
export const scopeSigningSchema = z.object({ region: text(64).default(''), service: text(64).default('') });
export type ScopeSigning = z.infer<typeof scopeSigningSchema>;

export const requestDocSchema = z.object({
  id,
  name: text(512),
  method: z.string().regex(/^[A-Za-z]{1,20}$/),
  url: text(),
  headers: z.array(keyValueSchema).max(500).default([]),
  body: requestBodySchema.default({ mode: 'none' }),
  auth: requestAuthSchema.default({ type: 'inherit' }),
  signing: signingSettingsSchema.default({ region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 }),
  /** Query parameters switched off in the params table: kept with the request, never in its URL, so never sent. */
  disabledParams: z.array(z.object({ key: text(1024), value: text() })).max(500).default([]),
  /**
   * What query params are for, by name (a param lives in the URL or in disabledParams, so its description is kept
   * beside them and survives switching it off and on). A Postman path variable's description is kept in `preserved`.
   */
  paramDescriptions: z.array(z.object({ key: text(1024), description: text() })).max(500).optional(),
  /** Timeout and redirects for this request; absent fields use the app's defaults (requestSettings.ts). */
  settings: requestSettingsSchema.optional(),
  /** Declared checks on the response and values captured from it (checks.ts); data only, nothing runs. */
  checks: checksListSchema.default([]),
  captures: capturesListSchema.default([]),
  /** Markdown, shown and edited as text (the Docs tab). */
  description: descriptionSchema.optional(),
  /** What the request's file held that RoleCall does not model: written back unchanged, never run (preserved.ts). */
  preserved: preservedSchema.optional(),
});
export type RequestDoc = z.infer<typeof requestDocSchema>;
export type DisabledParam = RequestDoc['disabledParams'][number];

export interface FolderNode {
  kind: 'folder';
  id: string;
  name: string;
  auth: RequestAuth;
  variables: KeyValue[];
  items: ItemNode[];
  description?: string;
  preserved?: Preserved;
  signing?: ScopeSigning;
}
/** `storedId` only on the way in (collections:save): the node stands for that saved request's document (RequestSummary). */
export type RequestNode = RequestDoc & { kind: 'request'; storedId?: string };
export type ItemNode = FolderNode | RequestNode;

/**
 * The sidebar's tree, as workspace:load sends it: a request is a summary (what its row shows and the filter
 * searches: name, method, URL) and its document stays in main until a tab, a run or an export asks for it
 * (requests:get), so a 50,000-request workspace crosses as a few megabytes. `storedId` names the saved request
 * whose document a summary stands for: collections:save puts that document in its place (under the node's own id
 * and name), so the tree can be renamed, reordered, moved and duplicated without ever holding the documents.
 */
export interface RequestSummary {
  kind: 'request';
  id: string;
  name: string;
  method: string;
  url: string;
  storedId?: string;
}
export interface FolderSummary extends Omit<FolderNode, 'items'> {
  items: TreeItem[];
}
export type TreeItem = FolderSummary | RequestSummary;
export type CollectionSummary = Omit<Collection, 'items'> & { items: TreeItem[] };
/** A big collection's tree comes in pages: workspace:load carries the first, collections:page the rest (treePages.ts). */
export interface TreePages {
  count: number;
  /** Which workspace:load the pages belong to. */
  load: string;
}

export const itemSchema: z.ZodType<ItemNode> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    requestDocSchema.extend({ kind: z.literal('request'), storedId: id.optional() }),
    z.object({
      kind: z.literal('folder'),
      id,
      name: text(512),
      auth: requestAuthSchema.default({ type: 'inherit' }),
      variables: z.array(keyValueSchema).max(1000).default([]),
      items: z.array(itemSchema).max(100000).default([]),
      description: descriptionSchema.optional(),
      preserved: preservedSchema.optional(),
      signing: scopeSigningSchema.optional(),
    }),
  ]),
) as z.ZodType<ItemNode>;

export const collectionSchema = z.object({
  id,
  name: text(512),
  /** A collection's auth is what "inherit" ends at; "inherit" here means none. */
  auth: requestAuthSchema.default({ type: 'none' }),
  variables: z.array(keyValueSchema).max(1000).default([]),
  items: z.array(itemSchema).max(100000).default([]),
  description: descriptionSchema.optional(),
  preserved: preservedSchema.optional(),
  signing: scopeSigningSchema.optional(),
});
export type Collection = z.infer<typeof collectionSchema>;

export const environmentSchema = z.object({
  id,
  name: text(256),
  variables: z.array(keyValueSchema).max(1000).default([]),
});
export type Environment = z.infer<typeof environmentSchema>;

/** One open request tab: the document being edited and where it was saved from, if anywhere. */
export const tabStateSchema = z.object({
  id,
  /** The saved request this tab edits: collection id and request id; absent for a new, unsaved request. */
  source: z.object({ collectionId: id, requestId: id }).optional(),
  draft: requestDocSchema,
  /** True when the draft differs from what is saved. */
  dirty: z.boolean().default(false),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const tabsSchema = z.object({
  open: z.array(tabStateSchema).max(200),
  activeId: id.optional(),
});
export type Tabs = z.infer<typeof tabsSchema>;

/** A sent request as history keeps it: the template as typed (variables unresolved), never a credential. */
export const historyEntrySchema = z.object({
  id,
  at: z.iso.datetime(),
  request: requestDocSchema,
  /** The URL after variables were resolved, with secret variables masked. */
  resolvedUrl: text(),
  status: z.number().int().optional(),
  durationMs: z.number().optional(),
  size: z.number().int().optional(),
  /** The error code when nothing came back (DNS_FAILURE, STS_ACCESS_DENIED, ...). */
  errorCode: text(64).optional(),
  environmentId: id.optional(),
  /** Set when main cut the request body to HISTORY_BODY_LIMIT bytes: how big it was before. */
  truncated: z.object({ bodyBytes: z.number().int().min(0) }).optional(),
  /** Who signed, as a label (a role ARN, a profile or stored-keys name): never a key (src/historySearch.ts). */
  identity: text(2048).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const HISTORY_LIMIT = 500;
/** A history entry keeps at most this much request body (UTF-8 bytes); the rest is cut and the entry marked. */
export const HISTORY_BODY_LIMIT = 64 * 1024;
/** The whole history (as stored, JSON) stays under this many bytes; the oldest entries go first. */
export const HISTORY_BYTE_LIMIT = 5 * 1024 * 1024;

export interface StoredKeySummary {
  name: string;
  accessKeyId: string;
  hasSessionToken: boolean;
  /** "safeStorage" in the app; what protected it at rest. */
  protection: string;
}

/**
 * Something the user must know about the saved workspace: what could not be read and where it was kept. Shown on
 * every start until dismissed (workspace:dismissNotice).
 */
export interface WorkspaceNotice {
  id: string;
  message: string;
  /** Where what could not be read was kept, when something was set aside. */
  file?: string;
  /** When it happened (ISO 8601). */
  at: string;
  /** False while its cause lasts (a workspace from a newer RoleCall, opened read-only). */
  dismissable: boolean;
}

export const workspaceNoticeSchema = z.object({
  id,
  message: text(8192),
  file: text(4096).optional(),
  at: text(64),
  dismissable: z.boolean().default(true),
});

/** A stored key record this version could not use: its name ('' for the whole map) and what was wrong, never a value. */
export interface StoredKeyProblem {
  name: string;
  problem: string;
}

export interface Workspace {
  version: number;
  /**
   * The store's collections, then those of open folders (with their `source`, which is never saved), as their tree:
   * request documents are left out (RequestSummary; requests:get answers one) and a big tree comes in `pages`.
   */
  collections: Array<CollectionSummary & { source?: FolderSource; pages?: TreePages }>;
  environments: Array<Environment & { source?: FolderSource }>;
  /** Open collection folders and what in them could not be read. */
  folders?: OpenFolderSummary[];
  activeEnvironmentId?: string;
  history: HistoryEntry[];
  tabs: Tabs;
  storedKeys: StoredKeySummary[];
  /** What keeps secret variable values encrypted at rest (the cipher's name), or "none" when they are stored as typed. */
  secretsProtection: string;
  /** Secret values that were stored encrypted but could not be decrypted now; they are kept, shown empty. */
  secretsUnreadable?: number;
  /** What could not be read and where it was kept, until the user dismisses it; empty when all is well. */
  notices: WorkspaceNotice[];
  /** Set when the workspace was written by a newer RoleCall: it is shown, and every save is refused. */
  readOnly?: true;
  /** Stored key records that could not be read (kept on disk as they are). */
  storedKeyProblems?: StoredKeyProblem[];
}
