// Where STS calls go, decided as the AWS SDKs and the CLI decide it (the "service-specific endpoints" feature):
// AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, then the profile's [services NAME] section's sts endpoint_url, then
// the profile's endpoint_url; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's
// ignore_configured_endpoint_urls) turns all four off. FIPS and dual-stack come from AWS_USE_FIPS_ENDPOINT /
// use_fips_endpoint and AWS_USE_DUALSTACK_ENDPOINT / use_dualstack_endpoint, and the CA bundle from AWS_CA_BUNDLE /
// ca_bundle, the environment winning.
import type { ProfileData } from './profileFile';
import type { Env } from './profiles';

export interface StsSettings {
  endpoint?: string;
  useFipsEndpoint: boolean;
  useDualstackEndpoint: boolean;
  /** A PEM file of extra CAs: AWS_CA_BUNDLE, else the profile's ca_bundle (caBundle.ts); API requests use it too. */
  caBundle?: string;
}

const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === 'true';
const setting = (envValue: string | undefined, profileValue: string | undefined) =>
  isTrue(envValue !== undefined && envValue.trim() !== '' ? envValue : profileValue);

const first = (...values: Array<string | undefined>) => values.map((v) => v?.trim()).find((v) => v !== undefined && v !== '');

/** The sub-properties of one setting (`sts =` followed by indented `endpoint_url = ...` lines), keys lowercased. */
export function subProperties(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!value?.startsWith('\n')) return out;
  for (const line of value.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    out[line.slice(0, eq).trim().toLowerCase()] = line.slice(eq + 1).trim();
  }
  return out;
}

/** The STS settings for one profile (undefined: none, as for environment or stored keys) and the environment. */
export function stsSettings(env: Env, profile: ProfileData | undefined, services: Record<string, ProfileData>): StsSettings {
  const ignore = setting(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS, profile?.ignore_configured_endpoint_urls);
  const servicesName = profile?.services;
  const fromServices = servicesName ? subProperties(services[servicesName]?.sts).endpoint_url : undefined;
  const candidates = ignore ? [] : [env.AWS_ENDPOINT_URL_STS, env.AWS_ENDPOINT_URL, fromServices, profile?.endpoint_url];
  const endpoint = candidates.map((c) => c?.trim()).find((c) => c !== undefined && c !== '');
  const caBundle = first(env.AWS_CA_BUNDLE, profile?.ca_bundle);
  return {
    ...(endpoint ? { endpoint } : {}),
    ...(caBundle ? { caBundle } : {}),
    useFipsEndpoint: setting(env.AWS_USE_FIPS_ENDPOINT, profile?.use_fips_endpoint),
    useDualstackEndpoint: setting(env.AWS_USE_DUALSTACK_ENDPOINT, profile?.use_dualstack_endpoint),
  };
}
