// A collection's or folder's region and service in its definition file. With AWS auth they are the awsv4 block's
// own `region` and `service` (Postman reads them too, so its requests below sign alike); with no auth or
// "inherit" there is no awsv4 block, so they sit in `settings` as `rolecall.region` / `rolecall.service`, the keys
// a request's file uses for the same case. Unset values are not written, so a definition without them is unchanged.
import type { ScopeSigning } from '../../models/workspace';
import { readMap, type YamlFile } from './yamlText';

const isSet = (signing: ScopeSigning | undefined): signing is ScopeSigning => Boolean(signing && (signing.region !== '' || signing.service !== ''));

/** Adds the scope's region and service to its written `auth` block, or returns them as `settings`. */
export function scopeSigningToYaml(auth: Record<string, unknown> | undefined, signing: ScopeSigning | undefined): { auth?: Record<string, unknown>; settings?: Record<string, string> } {
  if (!isSet(signing)) return auth ? { auth } : {};
  const entries = (signing.region ? [['region', signing.region]] : []).concat(signing.service ? [['service', signing.service]] : []);
  if (auth && auth.type === 'awsv4' && Array.isArray(auth.credentials)) {
    return { auth: { ...auth, credentials: [...entries.map(([key, value]) => ({ key, value })), ...auth.credentials] } };
  }
  return { ...(auth ? { auth } : {}), settings: Object.fromEntries(entries.map(([key, value]) => [`rolecall.${key}`, value as string])) };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The scope's region and service from its awsv4 credentials or its settings; undefined when neither sets one. */
export function scopeSigningFromYaml(file: YamlFile): ScopeSigning | undefined {
  const signing: ScopeSigning = { region: '', service: '' };
  const auth = readMap(file, ['auth']);
  const credentials = auth && Array.isArray(auth.credentials) ? (auth.credentials as unknown[]) : [];
  for (const entry of credentials) {
    if (!entry || typeof entry !== 'object') continue;
    const { key, value } = entry as { key?: unknown; value?: unknown };
    if (key === 'region' || key === 'service') signing[key] = text(value);
  }
  const settings = readMap(file, ['settings']);
  if (settings) {
    if (text(settings['rolecall.region'])) signing.region = text(settings['rolecall.region']);
    if (text(settings['rolecall.service'])) signing.service = text(settings['rolecall.service']);
  }
  return isSet(signing) ? signing : undefined;
}
