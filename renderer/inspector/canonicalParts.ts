// Labels each line of a SigV4 canonical request and string to sign, so the inspector can say what every line is.
// The canonical request is: method, path, query, one line per header, a blank line, the signed header names,
// the payload hash. The string to sign is: algorithm, request date, credential scope, hash of the canonical request.

export type CanonicalPart = 'method' | 'path' | 'query' | 'header' | 'blank' | 'signedHeaders' | 'payloadHash';
export type StringToSignPart = 'algorithm' | 'date' | 'scope' | 'canonicalHash';

export interface LabelledLine<P extends string> {
  part: P;
  label: string;
  text: string;
}

const CANONICAL_LABELS: Record<CanonicalPart, string> = {
  method: 'Method',
  path: 'Path',
  query: 'Query',
  header: 'Header',
  blank: 'End of headers',
  signedHeaders: 'Signed headers',
  payloadHash: 'Payload hash',
};

export function labelCanonicalRequest(text: string): Array<LabelledLine<CanonicalPart>> {
  const lines = text.split('\n');
  const n = lines.length;
  // Well-formed: at least method, path, query, blank, signed headers, payload hash; the blank is third from last.
  const wellFormed = n >= 6 && lines[n - 3] === '';
  return lines.map((line, i) => {
    let part: CanonicalPart;
    if (i === 0) part = 'method';
    else if (i === 1) part = 'path';
    else if (i === 2) part = 'query';
    else if (wellFormed && i === n - 1) part = 'payloadHash';
    else if (wellFormed && i === n - 2) part = 'signedHeaders';
    else if (wellFormed && i === n - 3) part = 'blank';
    else part = 'header';
    return { part, label: CANONICAL_LABELS[part], text: line };
  });
}

const STS_PARTS: StringToSignPart[] = ['algorithm', 'date', 'scope', 'canonicalHash'];
const STS_LABELS: Record<StringToSignPart, string> = {
  algorithm: 'Algorithm',
  date: 'Request date',
  scope: 'Credential scope',
  canonicalHash: 'Canonical request hash',
};

export function labelStringToSign(text: string): Array<LabelledLine<StringToSignPart | 'other'>> {
  return text.split('\n').map((line, i) => {
    const part = STS_PARTS[i];
    return part ? { part, label: STS_LABELS[part], text: line } : { part: 'other' as const, label: 'Line', text: line };
  });
}
