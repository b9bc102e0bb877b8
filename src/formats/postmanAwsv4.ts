// Postman's "AWS Signature" auth (awsv4) as RoleCall auth. Postman keeps the keys in the auth itself; RoleCall never
// keeps a key in a collection, so the auth becomes "choose a profile" (a profile auth with no name yet) and the keys
// go one of three ways: typed keys are handed back as offeredKeys for the encrypted key store, {{variable}} keys and
// placeholders get a warning. Region, service and addAuthDataToQuery become the request's signing settings.
import type { RequestAuth, SigningSettings } from '../models/workspace';
import { isPlaceholder, isVariableOnly, type OfferedKeys, type ReportBuilder } from './importResult';

export type AwsSigning = Pick<SigningSettings, 'region' | 'service' | 'mode'>;

/** Postman v2.1 stores auth attributes as [{key, value, type}], v2.0 as an object; both read as one record. */
export function authAttributes(raw: unknown): Record<string, unknown> {
  if (Array.isArray(raw)) {
    const out: Record<string, unknown> = {};
    for (const entry of raw) {
      if (entry && typeof entry === 'object' && typeof (entry as { key?: unknown }).key === 'string') {
        out[(entry as { key: string }).key] = (entry as { value?: unknown }).value;
      }
    }
    return out;
  }
  return raw && typeof raw === 'object' ? { ...(raw as Record<string, unknown>) } : {};
}

const str = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** The keys found while importing, each distinct set once, with the places that used it. */
export class KeyOffers {
  private readonly byKeys = new Map<string, OfferedKeys>();

  constructor(private readonly baseName: string) {}

  offer(keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, usedBy: string): void {
    const id = JSON.stringify([keys.accessKeyId, keys.secretAccessKey, keys.sessionToken ?? '']);
    const found = this.byKeys.get(id);
    if (found) {
      found.usedBy.push(usedBy);
      return;
    }
    const n = this.byKeys.size + 1;
    this.byKeys.set(id, { name: n === 1 ? this.baseName : `${this.baseName} ${n}`, ...keys, usedBy: [usedBy] });
  }

  list(): OfferedKeys[] {
    return [...this.byKeys.values()];
  }
}

type KeyKind = 'empty' | 'variable' | 'placeholder' | 'literal';
const kindOf = (value: string): KeyKind =>
  value.trim() === '' ? 'empty' : isVariableOnly(value) ? 'variable' : isPlaceholder(value) ? 'placeholder' : 'literal';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const SERVICE = /^[a-z0-9][a-z0-9.-]*$/;

/**
 * An awsv4 auth found at `where` (an item path) on the item `itemId`: the RoleCall auth for that item and the
 * signing settings for every request it covers.
 */
export function mapAwsv4(raw: unknown, itemId: string, where: string, report: ReportBuilder, keys: KeyOffers): { auth: RequestAuth; signing: AwsSigning } {
  const attrs = authAttributes(raw);
  const access = str(attrs.accessKey);
  const secret = str(attrs.secretKey);
  const token = str(attrs.sessionToken);
  const kinds = [kindOf(access), kindOf(secret), kindOf(token)];

  report.add('mapped', 'AWS Signature (awsv4) auth became AWS auth: choose a profile or stored keys for it', where);
  if (kinds[0] === 'literal' && kinds[1] === 'literal' && (kinds[2] === 'literal' || kinds[2] === 'empty')) {
    keys.offer({ accessKeyId: access.trim(), secretAccessKey: secret.trim(), ...(kinds[2] === 'literal' ? { sessionToken: token.trim() } : {}) }, itemId);
    report.add('warnings', 'AWS keys typed into the collection were not copied into it: store them in RoleCall\'s key store when offered, or choose a profile', where);
  } else if (kinds.includes('variable')) {
    const names = [access, secret, token].filter(isVariableOnly).map((v) => v.trim()).join(', ');
    report.add('warnings', `AWS keys come from variables (${names}); RoleCall never signs with keys from variables: choose a profile or stored keys`, where);
  } else if (kinds.includes('placeholder')) {
    report.add('warnings', 'AWS keys are placeholders to fill in; RoleCall keeps no keys in collections: choose a profile or stored keys', where);
  } else if (kinds.includes('literal')) {
    report.add('warnings', 'AWS keys are incomplete (an access key without its secret key) and were not copied: choose a profile or stored keys', where);
  } else {
    report.add('warnings', 'AWS Signature auth has no keys: choose a profile or stored keys', where);
  }

  return { auth: { type: 'profile', profile: '' }, signing: { region: signingName(str(attrs.region), 'region', where, report), service: signingName(str(attrs.service), 'service', where, report), mode: presign(attrs.addAuthDataToQuery) ? 'query' : 'header' } };
}

function signingName(value: string, what: 'region' | 'service', where: string, report: ReportBuilder): string {
  const text = value.trim();
  const postmanDefault = what === 'region' ? 'us-east-1' : 'execute-api';
  if (text === '') {
    report.add('notMapped', `No AWS ${what} set (Postman would use ${postmanDefault}); RoleCall detects it from the URL`, where);
    return '';
  }
  if (isVariableOnly(text)) return text;
  if (isPlaceholder(text)) {
    report.add('warnings', `AWS ${what} is a placeholder (${text}); RoleCall detects it from the URL, or set it in the signing settings`, where);
    return '';
  }
  if (what === 'region' && !REGION.test(text)) report.add('warnings', `AWS region "${text}" does not look like a region (such as eu-west-1); check the signing settings`, where);
  if (what === 'service' && !SERVICE.test(text)) report.add('warnings', `AWS service "${text}" does not look like a signing name (lowercase, such as execute-api); check the signing settings`, where);
  return text.slice(0, 64);
}

const presign = (value: unknown): boolean => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
