// request:receiving for the window: a send whose body is still arriving tells the window at once (status, headers,
// the spool file to show from, and its first screen already opened as a body view, which saves the window a round
// trip through a main busy receiving) and then every PROGRESS_MS how much has come, until the send settles.
// Secrets are masked the way the send's answer is, before anything leaves main.
import type { RequestReceiving } from '../../src/contract';
import type { BodyWindow } from '../../src/models/bodyView';
import type { ReceivingNotice } from './transport';

export const PROGRESS_MS = 250;

export interface ReceivingEvents {
  /** The transport's notice for this send (a retried send may give a second one: it replaces the first). */
  notice(notice: ReceivingNotice, mask: <T>(value: T) => T): void;
  /** The send settled: no more events. */
  stop(): void;
}

export interface FirstScreen {
  open(file: string, contentType: string | undefined): Promise<BodyWindow>;
  close(viewId: string): void;
}

export function receivingEvents(requestId: string, emit: (event: RequestReceiving) => void, firstScreen?: FirstScreen): ReceivingEvents {
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;
  let seq = 0;
  return {
    notice(notice, mask) {
      if (stopped) return;
      if (timer) clearInterval(timer);
      const mine = ++seq;
      const file = notice.response.body.spoolFile;
      const contentType = notice.response.headers.find(([name]) => name.toLowerCase() === 'content-type')?.[1];
      const opening = firstScreen ? firstScreen.open(file, contentType).catch(() => undefined) : Promise.resolve(undefined);
      void opening.then((view) => {
        // Settled or superseded meanwhile: nobody will take this view.
        if (stopped || mine !== seq) {
          if (view) firstScreen?.close(view.viewId);
          return;
        }
        emit({ requestId, received: notice.received(), response: mask(notice.response), ...(view ? { view: mask(view) } : {}) });
        follow(notice);
      });
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
    },
  };

  function follow(notice: ReceivingNotice) {
    let last = notice.received();
    timer = setInterval(() => {
      const received = notice.received();
      if (received === last) return;
      last = received;
      emit({ requestId, received });
    }, PROGRESS_MS);
    timer.unref?.();
  }
}
