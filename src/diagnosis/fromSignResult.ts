// The request side of a refusal, read from what the engine signed and sent.
import type { SignResult } from '../models/http';
import type { RefusalRequest } from './facts';

export function refusalRequest(sent: SignResult): RefusalRequest {
  const out: RefusalRequest = { method: sent.request.method, url: sent.request.url, headers: sent.request.headers };
  const e = sent.explanation;
  if (e) {
    out.signing = {
      region: e.region,
      service: e.service,
      regionSource: e.regionSource,
      serviceSource: e.serviceSource,
      amzDate: e.amzDate,
      signedHeaders: e.signedHeaders,
      credentialScope: e.credentialScope,
      mode: e.mode,
      accessKeyId: e.accessKeyId,
      canonicalRequest: e.canonicalRequest,
    };
  }
  return out;
}
