// The jobs main hands to its format worker, shared by the worker (formatWorker.ts) and the pool that feeds it
// (formatPool.ts): both parse hostile response bodies, so neither may run on the thread that answers IPC.
import type { FormattedBody } from '../../src/contract';
import type { AwsErrorInfo } from '../../src/models/http';
import { parseAwsError } from '../../src/awsErrorResponse';
import { formatBody } from './bodyFormat';

export type FormatJob =
  | { kind: 'format'; bytes: Uint8Array; contentType?: string }
  | { kind: 'awsError'; status: number; headers: Array<[string, string]>; text: string };

export interface JobResults {
  format: FormattedBody;
  awsError: AwsErrorInfo | undefined;
}

export type JobResult = JobResults[FormatJob['kind']];

export function runJob(job: FormatJob): JobResult {
  return job.kind === 'format' ? formatBody(job.bytes, job.contentType) : parseAwsError(job.status, job.headers, job.text);
}
