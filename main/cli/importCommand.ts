// `rolecall import FILE [--json] [--out FILE]`: what importing FILE in the app would do (the format, the counts, what
// was and was not carried over, the warnings), and with --out the imported collection as a RoleCall collection
// file. Keys the file held are named by their access key id only: never printed, never written.
import { writeFile } from 'node:fs/promises';
import { appError, formatAppError, RoleCallError, toAppError } from '../../src/errors';
import { collectionCounts, type ImportOutcome } from '../../src/formats/importAny';
import { toRoleCallFile } from '../../src/formats/rolecallExport';
import { importFromPath } from '../services/importFile';
import type { CliArgs } from './args';

export async function runImport(args: CliArgs): Promise<number> {
  const json = Boolean(args.values.json);
  try {
    const [file, ...extra] = args.positionals;
    if (!file) throw appError('INVALID_INPUT', 'Give the file to import, e.g. rolecall import orders.postman_collection.json');
    if (extra.length) throw appError('INVALID_INPUT', `Unexpected arguments: ${extra.join(' ')}`);
    const outcome = await importFromPath(file);
    const out = args.values.out;
    if (out !== undefined) {
      if (!outcome.collection) throw appError('INVALID_INPUT', `--out writes a collection; ${file} is a ${outcome.formatLabel}.`);
      try {
        await writeFile(out, `${JSON.stringify(toRoleCallFile(outcome.collection), null, 2)}\n`, 'utf8');
      } catch (err) {
        throw appError('FILE_ERROR', `Could not write ${out}.`, err instanceof Error ? err.message : String(err));
      }
    }
    const summary = importSummary(outcome, out);
    process.stdout.write(`${json ? JSON.stringify(summary, null, 2) : importText(summary)}\n`);
    return 0;
  } catch (err) {
    const error = toAppError(err);
    if (json) process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
    process.stderr.write(`rolecall: ${formatAppError(error)}\n`);
    return err instanceof RoleCallError && err.code === 'FILE_ERROR' ? 1 : 2;
  }
}

type Summary = ReturnType<typeof importSummary>;

export function importSummary(outcome: ImportOutcome, out?: string) {
  return {
    format: outcome.format,
    formatLabel: outcome.formatLabel,
    ...(outcome.collection ? { collection: collectionCounts(outcome.collection) } : {}),
    ...(outcome.environment ? { environment: { name: outcome.environment.name, variables: outcome.environment.variables.length } } : {}),
    report: outcome.report,
    offeredKeys: outcome.offeredKeys.map((k) => ({ name: k.name, accessKeyId: k.accessKeyId, hasSessionToken: Boolean(k.sessionToken), usedBy: k.usedBy.length })),
    notes: outcome.notes.length,
    ...(out !== undefined ? { written: out } : {}),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function importText(s: Summary): string {
  const lines = [`format:      ${s.formatLabel}`];
  if (s.collection) lines.push(`collection:  ${s.collection.name} (${plural(s.collection.requests, 'request')}, ${plural(s.collection.folders, 'folder')})`);
  if (s.environment) lines.push(`environment: ${s.environment.name} (${plural(s.environment.variables, 'variable')})`);
  const section = (title: string, items: string[]) => {
    if (items.length) lines.push('', `${title}:`, ...items.map((i) => `  - ${i}`));
  };
  section('Mapped', s.report.mapped);
  section('Not mapped', s.report.notMapped);
  section('Warnings', s.report.warnings);
  section(
    'Keys found in the file (not copied; store them in the app when importing, or use a profile)',
    s.offeredKeys.map((k) => `${k.name}: ${k.accessKeyId}${k.hasSessionToken ? ' with a session token' : ''}, used by ${plural(k.usedBy, 'item')}`),
  );
  if (s.notes) lines.push('', `Descriptions or scripts found on ${plural(s.notes, 'item')}: kept with their items (descriptions in each item's Docs tab); scripts never run and go back to Postman on export.`);
  if (s.written !== undefined) lines.push('', `Written to ${s.written} (RoleCall collection, no keys).`);
  return lines.join('\n');
}
