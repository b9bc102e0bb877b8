// A response whose body is still arriving, as the request:receiving event carries it (src/contract.ts).
import type { HttpResponse, Timings } from './http';

/**
 * Its status and headers, and the spool file the body is being written to, shown while the rest comes. The send's
 * answer follows with the whole response (time, size, diagnosis, checks).
 */
export interface ReceivingResponse extends Omit<HttpResponse, 'body' | 'timings'> {
  body: { spoolFile: string };
  timings: Omit<Timings, 'total'>;
}
