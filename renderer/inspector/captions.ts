// The inspector's plain-language captions: what each part of a SigV4 signature is and why AWS needs it, short
// enough to read beside the value. Kept together so the explanation reads as one text and is easy to review.

export const CAPTIONS = {
  overview:
    'SigV4 proves who sent a request and that nobody changed it on the way. RoleCall writes the request in a fixed form (the canonical request), ' +
    'hashes it into a string to sign, and signs that with a key derived from your secret access key. AWS repeats the same steps and compares.',
  authorization: 'The header AWS reads first: which algorithm, whose key and scope, which headers were signed, and the signature itself.',
  algorithm: 'The signing method: HMAC with SHA-256, version 4.',
  credential:
    'Your access key id plus the scope the signing key is valid for: a date, a region, a service and the fixed word aws4_request. The secret key itself is never sent.',
  signedHeaders:
    'The header names covered by the signature, lower-case and sorted. Changing any of them in transit breaks the signature; other headers may change freely.',
  signature: 'HMAC-SHA256 of the string to sign, with a key derived from your secret key, the date, region and service. 64 hex characters.',
  amzDate: 'When the request was signed, in UTC. AWS refuses signatures more than 5 minutes from its own clock.',
  clockOffset:
    'Like the AWS SDKs, RoleCall dates the signature with this computer’s time corrected by the offset it measured, so AWS accepts it. Fixing the system clock (automatic time) is the real cure.',
  securityToken:
    'The session token of temporary credentials (an assumed role, SSO). AWS needs it to find the temporary key. It is secret: RoleCall keeps it in its main process.',
  contentSha256: 'The SHA-256 of the body, sent as a header. S3 and OpenSearch Serverless require it; UNSIGNED-PAYLOAD means the body is not covered.',
  presigned:
    'In presigned-URL mode the signature travels in the query string instead of headers, so the URL alone grants access until it expires.',
  canonicalRequest:
    'The request rewritten in a strict form both sides can reproduce: method, encoded path, sorted query, signed headers with trimmed values, their names, and the body’s hash. ' +
    'If AWS answers “signature does not match”, its canonical request differs from this one.',
  stringToSign:
    'What actually gets signed: the algorithm, the request date, the credential scope and the SHA-256 of the canonical request.',
  scope: 'Where the signature is valid: the date, region and service. A signature for eu-west-1 execute-api is useless anywhere else.',
} as const;

export const CANONICAL_LINE_CAPTIONS = {
  method: 'The HTTP method, upper-case.',
  path: 'The URL path, each segment URI-encoded (S3 paths are not normalized; other services’ are).',
  query: 'Query parameters sorted by name, names and values URI-encoded; empty when there is no query.',
  header: 'One signed header per line: lower-case name, colon, value with spaces trimmed.',
  blank: 'A blank line ends the header list.',
  signedHeaders: 'The signed header names again, joined with semicolons.',
  payloadHash: 'The SHA-256 of the body in hex, or UNSIGNED-PAYLOAD.',
} as const;
