// The one declaration of the process boundary. Main's handler registry, the preload, the renderer's client,
// the CLI and every test host are typed from this file; a channel added here without a handler or a preload
// method is a type error. Requests are validated in main with these schemas; responses are produced by main.
import { z } from 'zod';
import { authChoiceSchema, type Identity } from './models/auth';
import { sendInputSchema, signInputSchema, type ChosenFile, type SendResult, type SignResult } from './models/http';
import type { ReceivingResponse } from './models/receiving';
import type { PresignedUrl } from './models/presign';
import type { ProfileList } from './models/profile';
import type { SsoFlow, SsoStatus, SsoTokenState } from './models/sso';
import { cookieClearSchema, cookieKeySchema, cookieSetSchema, cookieSettingsSchema, type CookieList, type CookieSettings, type CookieSummary } from './models/cookies';
import { storedResponseInputSchema, type StoredResponse } from './models/historyResponse';
import { preferenceKeySchema, preferenceValueSchema } from './models/preferences';
import { collectionSchema, environmentSchema, historyEntrySchema, tabsSchema, type RequestDoc, type StoredKeySummary, type TreeItem, type Workspace } from './models/workspace';
import { CHANNEL_NAMES, type ChannelName } from './api';
import type { OpenFolderSummary, RecentFolderView } from './models/folders';
import {
  bodyViewCloseSchema,
  bodyViewLinesSchema,
  bodyViewMatchSchema,
  bodyViewOpenSchema,
  bodyViewSearchSchema,
  type BodySearchState,
  type BodyWindow,
} from './models/bodyView';
import { droppedFilesSchema, IMPORT_MAX_BYTES, type ImportCommitResult, type ImportPreview } from './models/importing';
import { workshopRequestSchema, type WorkshopResult } from './models/workshop';
import {
  runnerDetailSchema,
  runnerExportSchema,
  runnerRunIdSchema,
  runnerStartSchema,
  type RunnerDetail,
  type RunnerExport,
  type RunnerFinished,
  type RunnerProgress,
  type RunnerResultView,
  type RunnerStarted,
} from './runner/runnerContract';

export { API_GLOBAL, CHANNEL_NAMES, EVENTS, createApi, methodName } from './api';
export type { Invoke, MethodName, RoleCallApi, Subscribe } from './api';

/** Where a response body is: inline (base64, small bodies) or a spooled file. */
export const bodySourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('inline'), base64: z.string().max(32 * 1024 * 1024) }),
  z.object({ kind: z.literal('file'), file: z.string().min(1).max(4096) }),
]);
export type BodySource = z.infer<typeof bodySourceSchema>;

export interface FormattedBody {
  /** Pretty-printed text, or the body as text when it cannot be formatted. */
  text: string;
  language: 'json' | 'xml' | 'html' | 'text';
  /** True when the body was valid JSON/XML and was re-indented. */
  formatted: boolean;
  /** True when the body is not text (the viewer offers hex). */
  binary: boolean;
  /** Why the text is not all laid out (deep nesting, size budget) or not formatted at all (took too long). */
  note?: string;
}

/** A response type carried at the type level only: main produces it, nobody parses it. */
const response = <T>() => undefined as unknown as T;

const empty = z.object({}).strict().default({});

export const channels = {
  /** Lists local AWS profiles (never a secret) and the problems found reading the files. */
  'profiles:list': { request: empty, response: response<ProfileList>() },
  /** Resolves an auth choice and asks STS who it is: ARN, account, the hops taken, the expiry. */
  'credentials:whoami': {
    request: z.object({ auth: authChoiceSchema, forceRefresh: z.boolean().default(false) }).strict(),
    response: response<Identity>(),
  },
  /** Forgets cached temporary credentials (all of them, or one auth choice's). */
  'credentials:clear': {
    request: z.object({ auth: authChoiceSchema.optional() }).strict(),
    response: response<{ cleared: number }>(),
  },
  /** Signs without sending: the preview in the inspector. Secrets in the result are masked. */
  'request:sign': { request: signInputSchema, response: response<SignResult>() },
  /** Signs (unless auth is none) and sends; returns the response and what was signed. */
  'request:send': { request: sendInputSchema, response: response<SendResult>() },
  /**
   * Signs in query mode and answers the presigned URL whole, session token included: the one answer that carries
   * a credential, called only when the user asks to see the URL (main/services/presignReveal.ts says why).
   */
  'presign:reveal': { request: signInputSchema, response: response<PresignedUrl>() },
  /** Cancels an in-flight request:send by its requestId. */
  'request:cancel': {
    request: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    response: response<{ cancelled: boolean }>(),
  },
  /** Answers (or cancels) an MFA prompt that main raised with the mfa:prompt event. */
  'mfa:answer': {
    request: z
      .object({
        promptId: z.string().min(1).max(64),
        code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the MFA device').optional(),
        cancel: z.boolean().default(false),
      })
      .strict(),
    response: response<{ accepted: boolean }>(),
  },
  /**
   * Starts an IAM Identity Center sign-in for an SSO profile (or the SSO profile its source_profile chain starts
   * from): the code to confirm and the URL, which main opens in the system browser where it can. Main polls for the
   * token and reports with the sso:status event; the token goes to the AWS CLI's cache, never to the page.
   */
  'sso:start': { request: z.object({ profile: z.string().min(1).max(256) }).strict(), response: response<SsoFlow>() },
  /** A sign-in's state now (sso:status tells each change as it happens). */
  'sso:poll': { request: z.object({ flowId: z.string().min(1).max(64) }).strict(), response: response<SsoStatus>() },
  /** Stops waiting for a sign-in; the token cache is left as it was. */
  'sso:cancel': { request: z.object({ flowId: z.string().min(1).max(64) }).strict(), response: response<{ cancelled: boolean }>() },
  /** Whether a profile's IAM Identity Center sign-in is missing or expired, from the token cache (no network, no token). */
  'sso:tokenState': { request: z.object({ profile: z.string().min(1).max(256) }).strict(), response: response<SsoTokenState>() },
  /**
   * Everything the workbench restores at start: collections (as their tree, each request a summary), environments,
   * history, open tabs, stored key names.
   */
  'workspace:load': { request: empty, response: response<Workspace>() },
  /** One saved request's whole document (workspace:load sends requests as summaries): for a tab that opens it. */
  'requests:get': {
    request: z.object({ collectionId: z.string().min(1).max(64), requestId: z.string().min(1).max(64) }).strict(),
    response: response<RequestDoc>(),
  },
  /** The next page of a big collection's tree (workspace:load said how many there are); page 0 came with it. */
  'collections:page': {
    request: z.object({ id: z.string().min(1).max(64), load: z.string().min(1).max(64), page: z.number().int().min(1).max(100000) }).strict(),
    response: response<{ items: TreeItem[] }>(),
  },
  /** Forgets a notice about set-aside data once the user has read it (refused while the workspace is read-only). */
  'workspace:dismissNotice': { request: z.object({ id: z.string().min(1).max(64) }).strict(), response: response<{ dismissed: boolean }>() },
  /**
   * Creates or replaces one collection (its whole tree), written atomically. A folder-backed collection writes only
   * its changed files; a file changed on disk since it was loaded is refused with CONFLICT unless `overwrite`, and
   * files of deleted items are removed only with `confirmDeleteFiles` (else they are kept and listed).
   */
  'collections:save': {
    request: z.object({ collection: collectionSchema, overwrite: z.boolean().optional(), confirmDeleteFiles: z.boolean().optional() }).strict(),
    response: response<{ saved: true; keptFiles?: string[] }>(),
  },
  /** A folder-backed collection's files are removed only with `confirmDeleteFiles` (otherwise deleted is false). */
  'collections:delete': {
    request: z.object({ id: z.string().min(1).max(64), confirmDeleteFiles: z.boolean().optional(), overwrite: z.boolean().optional() }).strict(),
    response: response<{ deleted: boolean }>(),
  },
  /**
   * Writes one collection to a file the user picks: RoleCall's own JSON or Postman Collection v2.1. Secret
   * variable values are left empty and no credential is ever written.
   */
  'collections:export': {
    request: z.object({ id: z.string().min(1).max(64), format: z.enum(['rolecall', 'postman']) }).strict(),
    /** `report`, with a Postman export: what the file could not express, one line each (naming the item). */
    response: response<{ path?: string; cancelled: boolean; report?: string[] }>(),
  },
  /** The sidebar order of collections. */
  'collections:order': { request: z.object({ ids: z.array(z.string().min(1).max(64)).max(10000) }).strict(), response: response<{ saved: true }>() },
  'environments:save': {
    request: z.object({ environments: z.array(environmentSchema).max(1000), activeEnvironmentId: z.string().max(64).optional() }).strict(),
    response: response<{ saved: true }>(),
  },
  /**
   * Writes one environment to a file the user picks as a Postman environment (the file Postman imports and newman's
   * --environment reads). Secret variables keep their key and type "secret" with an empty value.
   */
  'environments:export': {
    request: z.object({ id: z.string().min(1).max(64), format: z.enum(['postman']) }).strict(),
    response: response<{ path?: string; cancelled: boolean }>(),
  },
  /**
   * Appends to history (newest first, bounded to HISTORY_LIMIT entries and HISTORY_BYTE_LIMIT bytes); a request
   * body beyond HISTORY_BODY_LIMIT bytes is cut and the entry marked `truncated`.
   */
  'history:add': { request: z.object({ entry: historyEntrySchema }).strict(), response: response<{ size: number }>() },
  'history:clear': { request: empty, response: response<{ cleared: number }>() },
  /**
   * Keeps the response of a history entry just added (src/models/historyResponse.ts: the newest 20, 1 MiB of body
   * each, 16 MiB in all); a body naming a credential field is left out and `withheld` says why.
   */
  'history:keepResponse': {
    request: z.object({ entryId: z.string().min(1).max(64), response: storedResponseInputSchema }).strict(),
    response: response<{ kept: boolean; withheld?: string }>(),
  },
  /** The response kept for a history entry, if it still is. */
  'history:response': { request: z.object({ entryId: z.string().min(1).max(64) }).strict(), response: response<{ response?: StoredResponse }>() },
  /** Open tabs and their drafts, so they survive a restart. */
  'tabs:save': { request: tabsSchema, response: response<{ saved: true }>() },
  /** Stores static keys the user typed once, encrypted in main; only the summary ever comes back. */
  'keys:save': {
    request: z
      .object({
        name: z.string().trim().min(1).max(128),
        accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'must be an access key id such as AKIA...'),
        secretAccessKey: z.string().min(16).max(256),
        sessionToken: z.string().min(16).max(8192).optional(),
      })
      .strict(),
    response: response<StoredKeySummary>(),
  },
  'keys:delete': { request: z.object({ name: z.string().min(1).max(128) }).strict(), response: response<{ deleted: boolean }>() },
  /** Gives stored keys another name; the encrypted secret moves as it is and never crosses, only the summary. */
  'keys:rename': {
    request: z.object({ from: z.string().min(1).max(128), to: z.string().trim().min(1).max(128) }).strict(),
    response: response<StoredKeySummary>(),
  },
  /** A slice of a response body that was spooled to disk (only files in RoleCall's spool folder). */
  'response:read': {
    request: z.object({ file: z.string().min(1).max(4096), offset: z.number().int().min(0), length: z.number().int().min(1).max(16 * 1024 * 1024) }).strict(),
    response: response<{ base64: string; eof: boolean }>(),
  },
  /** Formats a body in main (pretty JSON/XML) so a 50 MB document never blocks the window. */
  'response:format': { request: z.object({ source: bodySourceSchema }).strict(), response: response<FormattedBody>() },
  /** Opens a windowed view of a spooled body (laid out in main); answers once the first `lines` are laid out. */
  'bodyView:open': { request: bodyViewOpenSchema, response: response<BodyWindow>() },
  /** Lines [from, from + count) of a body view, with the lines laid out so far. */
  'bodyView:lines': { request: bodyViewLinesSchema, response: response<BodyWindow>() },
  /** Starts a search over a body view in main (replacing its previous one); bodyView:match follows it. */
  'bodyView:search': { request: bodyViewSearchSchema, response: response<{ searchId: string }>() },
  /** A search's count so far, whether it is done, and the position of match `index`. */
  'bodyView:match': { request: bodyViewMatchSchema, response: response<BodySearchState>() },
  /** Frees a body view: its layout, search and laid-out file. */
  'bodyView:close': { request: bodyViewCloseSchema, response: response<{ closed: boolean }>() },
  /** Saves a body to a file the user picks. */
  'response:save': {
    request: z.object({ source: bodySourceSchema, suggestedName: z.string().max(255).default('response') }).strict(),
    response: response<{ path?: string; cancelled: boolean }>(),
  },
  /**
   * Asks the user to pick a body file in main's open dialog (starting at defaultPath, to confirm a saved request's
   * file). The handle it returns is what lets request:send and request:sign read that path in this run.
   */
  'files:choose': {
    request: z.object({ defaultPath: z.string().min(1).max(4096).optional(), title: z.string().max(200).optional() }).strict(),
    response: response<({ cancelled: false } & ChosenFile) | { cancelled: true }>(),
  },
  /**
   * Reads a collection, environment or curl command (from a file the user picks in main's open dialog, or text the
   * renderer has: a dropped file, a paste) and says what importing it would do. The document waits in main; literal
   * keys it held never come back, only their access key ids.
   */
  'import:preview': {
    request: z
      .object({
        source: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('dialog') }).strict(),
          z.object({ kind: z.literal('text'), text: z.string().min(1).max(IMPORT_MAX_BYTES), fileName: z.string().max(255).optional() }).strict(),
          /** A dropped folder's files as the page read them (relative POSIX paths); bounded in count and in total size. */
          z.object({ kind: z.literal('folder'), name: z.string().max(255), files: droppedFilesSchema }).strict(),
        ]),
      })
      .strict(),
    response: response<({ cancelled: false } & ImportPreview) | { cancelled: true }>(),
  },
  /** Saves a previewed import; the offered keys chosen are stored encrypted under the names given and used by their items. */
  'import:commit': {
    request: z
      .object({
        previewId: z.string().min(1).max(64),
        keys: z.array(z.object({ offerIndex: z.number().int().min(0).max(1000), name: z.string().trim().min(1).max(128) }).strict()).max(100).default([]),
      })
      .strict(),
    response: response<ImportCommitResult>(),
  },
  /** Forgets a preview the user cancelled (and the keys it held). */
  'import:discard': { request: z.object({ previewId: z.string().min(1).max(64) }).strict(), response: response<{ discarded: boolean }>() },
  /**
   * Opens a collection folder: the one at `path` (only a folder opened before, from folders:recent) or, without a
   * path, the one the user picks in main's folder dialog. Its collections and environments then come with
   * workspace:load, with their source and the folder's problems.
   */
  'folders:open': {
    request: z.object({ path: z.string().min(1).max(4096).optional() }).strict(),
    response: response<({ cancelled: false } & OpenFolderSummary) | { cancelled: true }>(),
  },
  /** Asks for a new (or empty) folder in main's dialog, lays out collections/ and environments/ in it, and opens it. */
  'folders:create': { request: empty, response: response<({ cancelled: false } & OpenFolderSummary) | { cancelled: true }>() },
  /** Stops showing and watching a folder (its files stay as they are). */
  'folders:close': { request: z.object({ folderId: z.string().min(1).max(64) }).strict(), response: response<{ closed: boolean }>() },
  /** Folders opened before, newest first. */
  'folders:recent': { request: empty, response: response<RecentFolderView[]>() },
  /** Writes a collection of the app's store into an open folder, then removes it from the store. */
  'collections:moveToFolder': {
    request: z.object({ collectionId: z.string().min(1).max(64), folderId: z.string().min(1).max(64), overwrite: z.boolean().optional() }).strict(),
    response: response<{ moved: true }>(),
  },
  /** Version and platform facts for the about box and bug reports. */
  /**
   * The policy workshop for a request: who the caller is, the real policies its credentials may read, the local
   * verdict naming the deciding statement, and the documents (JSON, CDK, CloudFormation, Terraform) that would allow it.
   */
  'policy:workshop': { request: workshopRequestSchema, response: response<WorkshopResult>() },
  /**
   * Runs a collection (or the chosen folders and requests of it) in the background with an environment: in order,
   * checks evaluated, captures fed forward, a role's MFA asked once. Answers at once with the run's id; each request
   * finished comes as a runner:progress event and the end as runner:finished.
   */
  'runner:start': { request: runnerStartSchema, response: response<RunnerStarted>() },
  /** Stops a run after the request in flight (which is cancelled too). */
  'runner:cancel': { request: runnerRunIdSchema, response: response<{ cancelled: boolean }>() },
  /** A run's results so far and, once it ended, its report (the last few runs are kept). */
  'runner:result': { request: runnerRunIdSchema, response: response<RunnerResultView>() },
  /** The full request and response behind one result (secrets masked), for opening a row. */
  'runner:detail': { request: runnerDetailSchema, response: response<RunnerDetail>() },
  /** An ended run as JSON, JUnit XML or HTML text with a file name; the window saves it with response:save. */
  'runner:export': { request: runnerExportSchema, response: response<RunnerExport>() },
  /** The workspace cookie jar without values (names, domains, paths, expiry, flags), its AWS-hosts setting. */
  'cookies:list': { request: empty, response: response<CookieList>() },
  /** One cookie's value, for the editor the user opened on it (like presign:reveal: only on the user's action). */
  'cookies:reveal': { request: cookieKeySchema, response: response<{ value: string }>() },
  /** Adds a cookie, or edits one (`previous` names it when its name, domain or path changed). */
  'cookies:set': { request: cookieSetSchema, response: response<CookieSummary>() },
  'cookies:delete': { request: cookieKeySchema, response: response<{ deleted: boolean }>() },
  /** Removes every cookie, or one domain's. */
  'cookies:clear': { request: cookieClearSchema, response: response<{ cleared: number }>() },
  /** Whether the jar keeps and sends cookies for AWS's own hosts (off by default). */
  'cookies:settings': { request: cookieSettingsSchema, response: response<CookieSettings>() },
  /** The window's preferences as main keeps them (src/models/preferences.ts): the same on any browser-mode port. */
  'preferences:get': { request: empty, response: response<{ values: Record<string, string> }>() },
  /** Sets one preference; null removes it. */
  'preferences:set': {
    request: z.object({ key: preferenceKeySchema, value: preferenceValueSchema.nullable() }).strict(),
    response: response<{ saved: boolean }>(),
  },
  'app:info': { request: empty, response: response<AppInfo>() },
} as const satisfies Record<ChannelName, { request: z.ZodType; response: unknown }>;

export interface AppInfo {
  version: string;
  platform: string;
  /** "electron" in the app, "browser-test" under Playwright, "cli" on the command line. */
  host: string;
}

/** Events main pushes to the renderer. */
export interface Events {
  /** Main needs an MFA code to continue resolving credentials; answer with mfa:answer. */
  'mfa:prompt': MfaPrompt;
  /** An IAM Identity Center sign-in (sso:start) changed state: signed in, denied, expired, cancelled or failed. */
  'sso:status': SsoStatus;
  /** An open collection folder changed on disk and was read again: reload the workspace's collections. */
  'folders:changed': { folderId: string };
  /** A request of a run finished (runner:start). */
  'runner:progress': RunnerProgress;
  /** A run ended: all sent, stopped at the first failure, or cancelled. */
  'runner:finished': RunnerFinished;
  /** The AWS config or credentials file changed on disk: list the profiles again. */
  'profiles:changed': Record<string, never>;
  /**
   * A request:send's body is still arriving: first with the response's status and headers (once its head is in),
   * then every so often with the bytes so far. The send's own answer still comes once the whole body is in.
   */
  'request:receiving': RequestReceiving;
}

export interface RequestReceiving {
  requestId: string;
  /** Bytes of the body received so far. */
  received: number;
  /** In the first event only. */
  response?: ReceivingResponse;
  /**
   * With the first event, when main could open it: the body's first screen as a pretty body view of the spool file
   * (FIRST_SCREEN_LINES lines; bodyView:lines and bodyView:close follow it), so the window need not ask for it.
   */
  view?: BodyWindow;
}

export interface MfaPrompt {
  promptId: string;
  mfaSerial: string;
  /** The profile or role that asked, for the dialog's text. */
  reason: string;
}

export type Channel = keyof typeof channels;
export type ChannelRequest<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ChannelResponse<C extends Channel> = (typeof channels)[C]['response'];
export type EventName = keyof Events;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

/** What collections:export writes: RoleCall's own JSON, or Postman Collection v2.1. */
export type ExportFormat = ParsedRequest<'collections:export'>['format'];
