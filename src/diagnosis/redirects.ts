// A refusal that came after followed redirects answers the last hop, not the request RoleCall first signed: the
// diagnosis reads that hop (its method and URL; signed again in the same scope within the origin, with no
// credential at all once it left it), and says so first when the redirect is the likely cause.
import type { RedirectHop, SignResult } from '../models/http';
import type { Refusal } from '../models/refusal';
import type { RefusalRequest } from './facts';
import { refusalRequest } from './fromSignResult';

/** The request the answer is to. A re-signed hop's canonical request is not kept, so none is compared. */
export function answeredRequest(sent: SignResult, redirects: readonly RedirectHop[] | undefined): RefusalRequest {
  const first = refusalRequest(sent);
  const last = redirects?.at(-1);
  if (!last) return first;
  if (last.signing === 'stripped') return { method: last.method, url: last.url };
  if (last.signing === 'unsigned' || !first.signing) return { method: last.method, url: last.url, ...(first.headers ? { headers: first.headers } : {}) };
  const { region, service, regionSource, serviceSource, credentialScope, mode, accessKeyId } = first.signing;
  return {
    method: last.method,
    url: last.url,
    signing: { region, service, ...(regionSource ? { regionSource } : {}), ...(serviceSource ? { serviceSource } : {}), ...(credentialScope ? { credentialScope } : {}), ...(mode ? { mode } : {}), ...(accessKeyId ? { accessKeyId } : {}) },
    ...(first.headers ? { headers: first.headers } : {}),
  };
}

/** The refusal with the redirects it came after named first among its likely causes. */
export function withRedirects(refusal: Refusal, redirects: readonly RedirectHop[] | undefined): Refusal {
  const last = redirects?.at(-1);
  if (!redirects || !last) return refusal;
  const hops = redirects.length === 1 ? 'a redirect' : `${redirects.length} redirects`;
  const left = redirects.some((hop) => hop.signing === 'stripped');
  const note = left
    ? `This answer came after ${hops}: the request was redirected to ${last.url}, another origin, where RoleCall sends no signature, token or cookie. Call that URL directly, signed with its own region and service, or turn redirects off to see the first answer.`
    : `This answer came after ${hops}, to ${last.url}, signed again with the same credentials and scope; the signing view shows the first request.`;
  return { ...refusal, likelihood: [note, ...refusal.likelihood] };
}
