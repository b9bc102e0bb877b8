// The file reporters by name: what `rolecall run --reporter-*-export` writes and what runner:export returns.
import type { RunReport } from '../types';
import { htmlReport } from './htmlReport';
import { jsonReport } from './jsonReport';
import { junitReport } from './junitReport';

export const REPORT_FORMATS = ['json', 'junit', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILE_NAMES: Record<ReportFormat, string> = { json: 'rolecall-run.json', junit: 'rolecall-run.xml', html: 'rolecall-run.html' };

export function renderReport(format: ReportFormat, report: RunReport): string {
  return format === 'json' ? jsonReport(report) : format === 'junit' ? junitReport(report) : htmlReport(report);
}
