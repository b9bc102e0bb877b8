// An imported request may carry a credential typed into it (an Authorization header, a presigned URL's signature).
// The store refuses collections holding one (src/credentialGuard.ts), so the importer empties them first and says
// where, by header name only, never by value.
import { credentialHeaderNames, withoutCredentials } from '../credentialGuard';
import type { RequestDoc } from '../models/workspace';
import type { ReportBuilder } from './importResult';

export function stripCredentials<T extends RequestDoc>(doc: T, where: string, report: ReportBuilder): T {
  const names = credentialHeaderNames(doc.headers);
  const clean = withoutCredentials(doc);
  if (names.length) {
    report.add('warnings', `Credential header values (${names.join(', ')}) were emptied: RoleCall keeps no credentials in requests; use AWS auth or a secret {{variable}}`, where);
  }
  if (clean.url !== doc.url || clean.disabledParams.some((p, i) => p.value !== doc.disabledParams[i]?.value)) {
    report.add('warnings', 'A presigned URL\'s signature and credential were masked: RoleCall signs the request itself', where);
  }
  return clean;
}
