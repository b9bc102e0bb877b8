// request:receiving for the window: a send whose body is still arriving tells the window at once (status, headers,
// the spool file to show from) and then every PROGRESS_MS how much has come, until the send settles. Secrets are
// masked the way the send's answer is, before anything leaves main.
import type { RequestReceiving } from '../../src/contract';
import type { ReceivingNotice } from './transport';

export const PROGRESS_MS = 250;

export interface ReceivingEvents {
  /** The transport's notice for this send (a retried send may give a second one: it replaces the first). */
  notice(notice: ReceivingNotice, mask: <T>(value: T) => T): void;
  /** The send settled: no more events. */
  stop(): void;
}

export function receivingEvents(requestId: string, emit: (event: RequestReceiving) => void): ReceivingEvents {
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  return {
    notice(notice, mask) {
      if (stopped) return;
      if (timer) clearInterval(timer);
      emit({ requestId, received: notice.received(), response: mask(notice.response) });
      let last = notice.received();
      timer = setInterval(() => {
        const received = notice.received();
        if (received === last) return;
        last = received;
        emit({ requestId, received });
      }, PROGRESS_MS);
      timer.unref?.();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };
}
