// The windowed body viewer's messages (bodyView:* in src/contract.ts). A body spooled to disk is laid out by main
// into a display file; the window asks for the lines it shows, and searches run in main over that file.
import { z } from 'zod';
import { MAX_WINDOW_LINES } from './bodyViewLimits';

export const bodyViewModeSchema = z.enum(['pretty', 'raw']);
export type BodyViewMode = z.infer<typeof bodyViewModeSchema>;

/** View ids are random UUIDs handed out by main. */
export const bodyViewIdSchema = z.string().uuid();

export const bodyViewOpenSchema = z
  .object({
    file: z.string().min(1).max(4096),
    mode: bodyViewModeSchema,
    contentType: z.string().max(512).optional(),
    /** Lines wanted for the first screen; the answer waits until they are laid out (or the body ends). */
    lines: z.number().int().min(0).max(MAX_WINDOW_LINES).default(200),
  })
  .strict();

export const bodyViewLinesSchema = z
  .object({ viewId: bodyViewIdSchema, from: z.number().int().min(0), count: z.number().int().min(0).max(MAX_WINDOW_LINES) })
  .strict();

export const bodyViewSearchSchema = z
  .object({ viewId: bodyViewIdSchema, query: z.string().max(1000), matchCase: z.boolean().default(false) })
  .strict();

export const bodyViewMatchSchema = z
  .object({ viewId: bodyViewIdSchema, searchId: z.string().min(1).max(64), index: z.number().int().min(0).optional() })
  .strict();

export const bodyViewCloseSchema = z.object({ viewId: bodyViewIdSchema }).strict();

export interface BodyWindow {
  viewId: string;
  /** The first line of `lines` (0-based). */
  from: number;
  lines: string[];
  /** Lines laid out so far; the final count once `done`. */
  totalLines: number;
  done: boolean;
  language: 'json' | 'xml' | 'html' | 'text';
  binary: boolean;
  /** Why the text differs from the body as received (laid out while reading, flattened). */
  note?: string;
  /** The layout stopped: what went wrong, in the user's terms. */
  failed?: string;
}

export interface BodySearchState {
  searchId: string;
  /** Matches found so far (all of them once done). */
  count: number;
  done: boolean;
  /** More matches than main keeps positions for: next/previous go through the kept ones. */
  capped: boolean;
  /** The match asked for (index), when there is one. */
  match?: { index: number; line: number; column: number; length: number };
}
