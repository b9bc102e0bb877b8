// A body spooled to disk reaches the window through a body view (bodyViews.ts), so the send answer needs only a
// little of its head, not the megabyte the transport keeps in memory: that megabyte, base64 in the JSON answer,
// was decoded, parsed and copied by the page on every large send before the body view could start.
import type { SendResult } from '../../../src/models/http';

/** Bytes of a spooled body's head kept in the send answer (a multiple of 3: the base64 is cut between quads). */
export const SPOOLED_HEAD_BYTES = 63 * 1024;

export function trimSpooledHead(result: SendResult): SendResult {
  const body = result.response.body;
  const chars = (SPOOLED_HEAD_BYTES / 3) * 4;
  if (body.complete || !body.spoolFile || body.headBase64.length <= chars) return result;
  return { ...result, response: { ...result.response, body: { ...body, headBase64: body.headBase64.slice(0, chars) } } };
}
