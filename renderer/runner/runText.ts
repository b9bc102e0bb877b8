// The words the runner view shows for a run's progress and a result's identity, kept apart so they are tested.
import type { RequestResult } from '../../src/runner/types';
import { runCounts, type RunView } from './runState';

export function progressText(view: RunView): string {
  const { done, passed, failed } = runCounts(view);
  const counts = `${passed} passed, ${failed} failed`;
  switch (view.phase) {
    case 'starting':
      return 'Starting…';
    case 'running':
      return `Running: ${done} of ${view.total} · ${counts}`;
    case 'cancelling':
      return `Cancelling… ${done} of ${view.total} · ${counts}`;
    case 'cancelled':
      return `Cancelled after ${done} of ${view.total} · ${counts}`;
    case 'failed':
      return 'The run did not start';
    case 'finished': {
      const stopped = view.report?.bailed ? ` · stopped at the first failure (${done} of ${view.total} ran)` : '';
      return `${failed === 0 ? 'All passed' : 'Finished with failures'}: ${counts}${stopped}`;
    }
  }
}

export function identityText(result: RequestResult): string {
  const id = result.identity;
  if (!id) return '';
  return id.arn ?? (id.account ? `${id.label} (${id.account})` : id.label);
}
