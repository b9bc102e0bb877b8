// A response whose body is still arriving, as the viewer's result: the status and headers as they came, the body
// as a spooled file (shown windowed from main's spool, growing), and no time or size yet (the viewer shows
// "Receiving…" instead). The send's own answer replaces it once the whole body is in.
import type { SendResult } from '../../src/models/http';
import type { ReceivingResponse } from '../../src/models/receiving';

export function receivingResult(response: ReceivingResponse): SendResult {
  return {
    // Nothing of the sent request is shown while the body arrives (Save waits for the end).
    sent: { request: { method: '', url: '', headers: [] } },
    response: {
      ...response,
      body: { size: 0, headBase64: '', complete: false, spoolFile: response.body.spoolFile },
      timings: { ...response.timings, total: Number.NaN },
    },
  };
}
