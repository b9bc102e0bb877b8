// Loads a response body's text for the Pretty and Raw views. A body held in memory is formatted by main
// (response:format), so a big document is never parsed on the window's thread. A body spooled to disk is read in
// slices (response:read) and handed over part by part, JSON laid out slice by slice: no single message, decode or
// editor update ever covers the whole body. Every failure becomes a value; a late answer for an old body is dropped.
import { useEffect, useState } from 'react';
import type { BodySource, RoleCallApi } from '../../src/contract';
import type { AppError } from '../../src/errors';
import type { ResponseBody } from '../../src/models/http';
import { settle } from '../api';
import { base64ToBytes, bytesToText } from './base64';
import type { BodyLanguage } from './BodyEditor';
import { languageOf, looksBinary } from './contentType';
import { createJsonIndenter } from '../../src/layout/jsonIndenter';
import { flattenedNote } from '../../src/layout/limits';

/** Slice size for reading a spooled body: few calls, and each decode and editor update stays short. */
export const READ_SLICE = 1024 * 1024;

export type TextMode = 'pretty' | 'raw';

export interface BodyText {
  status: 'loading' | 'ready' | 'failed';
  /** The text so far, in order; grows while a spooled body is read. */
  parts: readonly string[];
  /** Bytes of the body read so far. */
  loaded: number;
  language: BodyLanguage;
  binary: boolean;
  /** Why the text is not what the view usually shows (unformatted, laid out while reading). */
  note?: string;
  /** JSON laid out while reading: its containers longer than LONG_CONTAINER_LINES lines (grows as it is read). */
  longContainers?: ReadonlyMap<number, number>;
  error?: AppError;
}

const LOADING: BodyText = { status: 'loading', parts: [], loaded: 0, language: 'text', binary: false };

export function bodySource(body: ResponseBody): BodySource {
  return body.complete || !body.spoolFile ? { kind: 'inline', base64: body.headBase64 } : { kind: 'file', file: body.spoolFile };
}

export function useBodyText(api: RoleCallApi, body: ResponseBody, mode: TextMode, contentType: string | undefined, enabled: boolean): BodyText {
  const [state, setState] = useState<{ body?: ResponseBody; mode?: TextMode; text: BodyText }>({ text: LOADING });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const set = (text: BodyText) => live && setState({ body, mode, text });
    setState({ body, mode, text: LOADING });
    if (body.complete || !body.spoolFile) void loadInline(api, body, mode, contentType, set);
    else void loadSpooled(api, body, body.spoolFile, mode, contentType, set, () => live);
    return () => {
      live = false;
    };
  }, [api, body, mode, contentType, enabled]);
  // Until the effect has run for this body, what is held belongs to the previous one.
  return state.body === body && state.mode === mode ? state.text : LOADING;
}

async function loadInline(api: RoleCallApi, body: ResponseBody, mode: TextMode, contentType: string | undefined, set: (s: BodyText) => void) {
  if (mode === 'pretty') {
    const result = await settle(() => api.responseFormat({ source: bodySource(body) }));
    if (result.ok) {
      const { text, language, binary, formatted } = result.value;
      const note = result.value.note ?? (formatted ? undefined : 'Shown as received: not JSON or XML that could be formatted.');
      set({ status: 'ready', parts: [text], loaded: body.size, language, binary, ...(note ? { note } : {}) });
      return;
    }
    const local = decodeLocally(body, contentType);
    set({ ...local, note: `Shown unformatted: ${result.error.message}` });
    return;
  }
  set(decodeLocally(body, contentType));
}

function decodeLocally(body: ResponseBody, contentType: string | undefined): BodyText {
  const bytes = base64ToBytes(body.headBase64);
  return { status: 'ready', parts: [bytesToText(bytes)], loaded: bytes.length, language: languageOf(contentType), binary: looksBinary(bytes) };
}

async function loadSpooled(
  api: RoleCallApi,
  body: ResponseBody,
  file: string,
  mode: TextMode,
  contentType: string | undefined,
  set: (s: BodyText) => void,
  live: () => boolean,
) {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let parts: string[] = [];
  let language: BodyLanguage = languageOf(contentType);
  let indent: ((text: string) => string) | undefined;
  let finish = () => '';
  let note: string | undefined;
  let longContainers: ReadonlyMap<number, number> | undefined;
  let offset = 0;
  // Bounded: one slice per READ_SLICE bytes of the size main reported, plus one to see the end.
  const maxSlices = Math.ceil(body.size / READ_SLICE) + 1;
  for (let i = 0; i < maxSlices && live(); i++) {
    const result = await settle(() => api.responseRead({ file, offset, length: READ_SLICE }));
    if (!live()) return;
    if (!result.ok) {
      set({ status: 'failed', parts, loaded: offset, language, binary: false, error: result.error });
      return;
    }
    const bytes = base64ToBytes(result.value.base64);
    if (i === 0) {
      if (looksBinary(bytes)) {
        set({ status: 'ready', parts: [], loaded: body.size, language: 'text', binary: true });
        return;
      }
      if (language === 'text') language = sniffLanguage(bytes);
      if (mode === 'pretty' && language === 'json') {
        const indenter = createJsonIndenter();
        indent = (text) => indenter.push(text);
        finish = () => {
          const tail = indenter.end();
          const flattened = flattenedNote(indenter.flattened);
          if (flattened) note = `${note ?? ''} ${flattened}`.trim();
          return tail;
        };
        longContainers = indenter.longContainers;
        note = 'Laid out while reading; Raw shows the body exactly as received.';
      }
    }
    const text = decoder.decode(bytes, { stream: !result.value.eof && bytes.length > 0 });
    parts = [...parts, indent ? indent(text) : text];
    offset += bytes.length;
    const done = result.value.eof || bytes.length === 0;
    if (done) {
      const rest = decoder.decode();
      const tail = (indent ? indent(rest) : rest) + finish();
      if (tail) parts = [...parts, tail];
    }
    set({ status: done ? 'ready' : 'loading', parts, loaded: offset, language, binary: false, ...(note ? { note } : {}), ...(longContainers ? { longContainers } : {}) });
    if (done) return;
  }
}

function sniffLanguage(bytes: Uint8Array): BodyLanguage {
  const start = bytesToText(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'json';
  if (/^<!doctype\s+html|^<html[\s>]/i.test(start)) return 'html';
  if (start.startsWith('<')) return 'xml';
  return 'text';
}

/** The whole body's bytes when they are in memory (complete bodies), for the hex view. */
export function inlineBytes(body: ResponseBody): Uint8Array | undefined {
  return body.complete ? base64ToBytes(body.headBase64) : undefined;
}
