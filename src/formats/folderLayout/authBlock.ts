// RoleCall's AWS-native auth in a file Postman also reads. Every AWS kind is written as Postman's awsv4 so Postman
// shows "AWS Signature" with the request's region and service; RoleCall's own fields ride along as extra
// credential entries whose keys start with `rolecall.` (Postman keeps unknown entries and ignores them):
//
//   region, service, addAuthDataToQuery       Postman's own keys (requests only: signing lives on the request)
//   rolecall.source                           profile | env | storedKeys | assumeRole (absent: a plain Postman awsv4)
//   rolecall.profile / rolecall.storedKeys    the profile or stored-key name (for assumeRole: of its base identity)
//   rolecall.base                             assumeRole's base identity: profile | env | storedKeys
//   rolecall.roleArn … rolecall.stsEndpoint   assumeRole's fields, empty ones left out
//   rolecall.payload, rolecall.contentSha256Header, rolecall.expiresIn   signing options off their defaults
//
// accessKey/secretKey/sessionToken are never written. `inherit` is no auth key; `none` is `type: noauth`. A
// request whose own auth is not AWS keeps any signing options in `settings` under the same `rolecall.` keys.
import type { RequestAuth, SigningSettings } from '../../models/workspace';
import { authAttributes } from '../postmanAwsv4';
import { fieldProblem, readMap, readString, type Keys, type YamlFile } from './yamlText';

export const DEFAULT_SIGNING: SigningSettings = { region: '', service: '', payload: 'signed', mode: 'header', expiresIn: 900 };
const P = 'rolecall.';
type Entry = { key: string; value: string | boolean | number };

function identityEntries(auth: Exclude<RequestAuth, { type: 'inherit' | 'none' }>): Entry[] {
  const out: Entry[] = [{ key: `${P}source`, value: auth.type }];
  if (auth.type === 'profile') out.push({ key: `${P}profile`, value: auth.profile });
  if (auth.type === 'storedKeys') out.push({ key: `${P}storedKeys`, value: auth.name });
  if (auth.type === 'assumeRole') {
    out.push({ key: `${P}base`, value: auth.base.kind });
    if (auth.base.kind === 'profile') out.push({ key: `${P}profile`, value: auth.base.profile });
    if (auth.base.kind === 'storedKeys') out.push({ key: `${P}storedKeys`, value: auth.base.name });
    out.push({ key: `${P}roleArn`, value: auth.roleArn });
    for (const field of ['sessionName', 'externalId', 'durationSeconds', 'mfaSerial', 'stsRegion', 'stsEndpoint'] as const) {
      if (auth[field] !== '') out.push({ key: `${P}${field}`, value: auth[field] });
    }
  }
  return out;
}

/** Signing options off their defaults, as `rolecall.` entries; region/service/mode too when `all`. */
function signingEntries(signing: SigningSettings, all: boolean): Entry[] {
  const out: Entry[] = [];
  if (all && signing.region !== '') out.push({ key: `${P}region`, value: signing.region });
  if (all && signing.service !== '') out.push({ key: `${P}service`, value: signing.service });
  if (all && signing.mode !== 'header') out.push({ key: `${P}mode`, value: signing.mode });
  if (signing.payload !== 'signed') out.push({ key: `${P}payload`, value: signing.payload });
  if (signing.contentSha256Header !== undefined) out.push({ key: `${P}contentSha256Header`, value: signing.contentSha256Header });
  if (signing.expiresIn !== DEFAULT_SIGNING.expiresIn) out.push({ key: `${P}expiresIn`, value: signing.expiresIn });
  return out;
}

/** The `auth` block for a collection, folder (no signing) or request (with its signing); undefined for inherit. */
export function authToYaml(auth: RequestAuth, signing?: SigningSettings): Record<string, unknown> | undefined {
  if (auth.type === 'inherit') return undefined;
  if (auth.type === 'none') return { type: 'noauth' };
  const credentials: Entry[] = [];
  if (signing) {
    credentials.push({ key: 'region', value: signing.region }, { key: 'service', value: signing.service });
    credentials.push({ key: 'addAuthDataToQuery', value: signing.mode === 'query' });
  }
  credentials.push(...identityEntries(auth));
  if (signing) credentials.push(...signingEntries(signing, false));
  return { type: 'awsv4', credentials };
}

/** A request's `settings` when its own auth is not AWS but its signing options are not the defaults. */
export function signingSettingsToYaml(auth: RequestAuth, signing: SigningSettings): Record<string, unknown> | undefined {
  if (auth.type !== 'inherit' && auth.type !== 'none') return undefined;
  const entries = signingEntries(signing, true);
  return entries.length ? Object.fromEntries(entries.map((e) => [e.key, e.value])) : undefined;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';

/** Applies `rolecall.` signing options found in `attrs` (credentials or settings) onto `signing`. */
function applySigning(file: YamlFile, keys: Keys, attrs: Record<string, unknown>, signing: SigningSettings): void {
  if (`${P}region` in attrs) signing.region = text(attrs[`${P}region`]);
  if (`${P}service` in attrs) signing.service = text(attrs[`${P}service`]);
  if (`${P}mode` in attrs) signing.mode = text(attrs[`${P}mode`]) === 'query' ? 'query' : 'header';
  if (`${P}payload` in attrs) signing.payload = text(attrs[`${P}payload`]) === 'unsigned' ? 'unsigned' : 'signed';
  if (`${P}contentSha256Header` in attrs) signing.contentSha256Header = text(attrs[`${P}contentSha256Header`]) === 'true';
  if (`${P}expiresIn` in attrs) {
    const n = Number(text(attrs[`${P}expiresIn`]));
    if (Number.isInteger(n) && n >= 1 && n <= 604800) signing.expiresIn = n;
    else fieldProblem(file, keys, 'rolecall.expiresIn must be whole seconds from 1 to 604800; the default (900) is used');
  }
}

export function signingFromSettings(file: YamlFile, keys: Keys, signing: SigningSettings): void {
  const settings = readMap(file, keys);
  if (settings) applySigning(file, keys, settings, signing);
}

export interface ReadAuth {
  auth: RequestAuth;
  /** A Postman awsv4 without RoleCall's keys: its region, service and query mode, for the requests it covers. */
  native?: Pick<SigningSettings, 'region' | 'service' | 'mode'>;
}

/**
 * The auth block at `keys`. `signing` (a request's) receives region, service and the options. An absent block is
 * `inherit`; a type RoleCall cannot sign with is reported and read as none.
 */
export function authFromYaml(file: YamlFile, keys: Keys, signing?: SigningSettings): ReadAuth {
  const block = readMap(file, keys);
  if (!block) return { auth: { type: 'inherit' } };
  const type = readString(file, [...keys, 'type']);
  if (type === 'inherit') return { auth: { type: 'inherit' } };
  if (type === 'noauth' || type === 'none') return { auth: { type: 'none' } };
  if (type !== 'awsv4') {
    fieldProblem(file, [...keys, 'type'], `auth type "${type}" is not supported by RoleCall; read as no auth`);
    return { auth: { type: 'none' } };
  }
  // Postman's v3 files list `credentials`; older shapes kept the attributes under `awsv4`.
  const attrs = authAttributes(block.credentials ?? block.awsv4);
  const at = [...keys, 'credentials'];
  if (['accessKey', 'secretKey', 'sessionToken'].some((k) => text(attrs[k]).trim() !== '')) {
    fieldProblem(file, at, 'AWS keys in this file are not used and are never written back: choose a profile or stored keys');
  }
  const region = text(attrs.region);
  const service = text(attrs.service);
  const mode = text(attrs.addAuthDataToQuery) === 'true' ? 'query' : 'header';
  if (signing) {
    signing.region = region;
    signing.service = service;
    signing.mode = mode;
    applySigning(file, at, attrs, signing);
  }
  const source = text(attrs[`${P}source`]);
  if (source === '') return { auth: { type: 'profile', profile: '' }, native: { region, service, mode } };
  return { auth: identityFrom(file, at, source, attrs) };
}

function identityFrom(file: YamlFile, keys: Keys, source: string, attrs: Record<string, unknown>): RequestAuth {
  const get = (field: string) => text(attrs[`${P}${field}`]);
  switch (source) {
    case 'env':
      return { type: 'env' };
    case 'profile':
      return { type: 'profile', profile: get('profile') };
    case 'storedKeys':
      return { type: 'storedKeys', name: get('storedKeys') };
    case 'assumeRole': {
      const kind = get('base');
      const base =
        kind === 'env' ? { kind: 'env' as const } : kind === 'storedKeys' ? { kind: 'storedKeys' as const, name: get('storedKeys') } : { kind: 'profile' as const, profile: get('profile') };
      if (kind !== 'env' && kind !== 'storedKeys' && kind !== 'profile') fieldProblem(file, keys, `rolecall.base "${kind}" is not known; read as a profile`);
      return {
        type: 'assumeRole',
        base,
        roleArn: get('roleArn'),
        sessionName: get('sessionName'),
        externalId: get('externalId'),
        durationSeconds: get('durationSeconds'),
        mfaSerial: get('mfaSerial'),
        stsRegion: get('stsRegion'),
        stsEndpoint: get('stsEndpoint'),
      };
    }
    default:
      fieldProblem(file, keys, `rolecall.source "${source}" is not known; read as a profile to choose`);
      return { type: 'profile', profile: '' };
  }
}
