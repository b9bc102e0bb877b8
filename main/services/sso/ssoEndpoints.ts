// Where the IAM Identity Center calls go, decided as the SDKs' service-specific endpoints decide it, with RoleCall's
// environment: AWS_ENDPOINT_URL_SSO_OIDC / AWS_ENDPOINT_URL_SSO, then AWS_ENDPOINT_URL, then the SSO profile's
// [services NAME] `sso_oidc =` / `sso =` endpoint_url, then its endpoint_url; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
// (or ignore_configured_endpoint_urls) turns them off. Undefined: the SDK's regional default from sso_region.
import type { Env, ProfileData } from '../profiles';
import { subProperties } from '../stsEndpoint';

export type SsoService = 'sso' | 'sso_oidc';

export function ssoEndpoint(service: SsoService, env: Env, profile: ProfileData, services: Record<string, ProfileData>): string | undefined {
  const ignore = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim() || profile.ignore_configured_endpoint_urls)?.trim().toLowerCase() === 'true';
  if (ignore) return undefined;
  const fromServices = profile.services ? subProperties(services[profile.services]?.[service]).endpoint_url : undefined;
  const candidates = [env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`], env.AWS_ENDPOINT_URL, fromServices, profile.endpoint_url];
  return candidates.map((c) => c?.trim()).find((c) => c !== undefined && c !== '');
}
