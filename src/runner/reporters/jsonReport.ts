// The run as JSON: the report itself (resolved URLs with secrets masked, no credentials), for tools to read.
import type { RunReport } from '../types';

export function jsonReport(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
