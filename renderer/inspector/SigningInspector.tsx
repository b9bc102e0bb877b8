// What SigV4 did to the request, before sending (a live preview) and after: where the auth came from, region and
// service and how they were found, the signed headers taken apart, the canonical request and the string to sign,
// each with a caption, so someone new to SigV4 can follow every step. Secrets arrive masked: the session token by
// main, secret variables' values by the workbench (src/maskSignResult.ts).
import { clockOffsetSentence, clockOffsetSourceText, clockOffsetText } from '../../src/clockOffsetText';
import type { AppError } from '../../src/errors';
import type { SignResult, SigningExplanation } from '../../src/models/http';
import { errorHint } from '../viewer/errorHints';
import { CopyButton } from '../viewer/CopyButton';
import { CANONICAL_LINE_CAPTIONS, CAPTIONS } from './captions';
import { labelCanonicalRequest, labelStringToSign } from './canonicalParts';
import { LabelledText } from './LabelledText';
import { isMasked, parseAuthorization, parseCredential, presignedParams, type CredentialParts as CredentialPartsModel } from './parseAuthorization';
import { SecretValue } from './SecretValue';
import './inspector.css';

export function SigningInspector(props: {
  signed?: SignResult;
  error?: AppError;
  authSource?: string;
  stage: 'preview' | 'sent';
  pending?: boolean;
  /** How many redirects the answer came after: the inspector shows the first request of them. */
  redirects?: number;
}) {
  return (
    <section className="signing-inspector" aria-label="Signing inspector" aria-busy={props.pending ?? false}>
      <header className="si-header">
        <h2>Signing</h2>
        <span className={`si-stage si-stage-${props.stage}`}>
          {props.stage === 'preview' ? 'Preview · updates as you edit' : 'Sent · exactly what went on the wire'}
        </span>
        {props.stage === 'sent' && props.redirects ? (
          <span className="si-redirected" role="note">
            the first of {props.redirects + 1} requests: the answer came after {props.redirects === 1 ? 'a redirect' : `${props.redirects} redirects`}
          </span>
        ) : null}
        {props.pending && (
          <span className="si-pending" role="status">
            Signing…
          </span>
        )}
      </header>
      <Body {...props} />
    </section>
  );
}

function Body({ signed, error, authSource }: { signed?: SignResult; error?: AppError; authSource?: string }) {
  if (error) return <InspectorError error={error} />;
  if (!signed) {
    return <p className="si-empty">Enter a URL to see how the request will be signed. {CAPTIONS.overview}</p>;
  }
  const { explanation, request } = signed;
  return (
    <div className={`si-body`}>
      <p className="si-request-line">
        <code>
          {request.method} {request.url}
        </code>
      </p>
      {!explanation ? (
        <p className="si-note" role="note">
          Not signed: auth is <strong>None</strong>{authSource ? ` (from ${authSource})` : ''}, so the request goes exactly as typed, with no
          Authorization header. Choose a profile, a role or stored keys to sign it.
        </p>
      ) : (
        <Explained explanation={explanation} signed={signed} authSource={authSource} />
      )}
    </div>
  );
}

function Explained({ explanation: x, signed, authSource }: { explanation: SigningExplanation; signed: SignResult; authSource?: string }) {
  const headers = signed.request.headers;
  const find = (name: string) => headers.find(([n]) => n.toLowerCase() === name)?.[1];
  const presigned = x.mode === 'query' ? presignedParams(signed.request.url) : [];
  const expires = presigned.find(([n]) => n.toLowerCase() === 'x-amz-expires')?.[1];
  return (
    <>
      <p className="si-caption si-overview">{CAPTIONS.overview}</p>
      <dl className="si-summary" aria-label="Signing summary">
        <Fact name="Auth from" value={authSource ?? 'request'} />
        <Fact name="Access key id" value={x.accessKeyId} mono />
        <Fact name="Region" value={x.region} note={sourceText(x.regionSource)} mono />
        <Fact name="Service" value={x.service} note={sourceText(x.serviceSource)} mono />
        <Fact name="Mode" value={x.mode === 'header' ? 'Authorization header' : `Presigned URL${expires ? `, valid ${expires} s` : ''}`} />
        <Fact name="Payload" value={x.payloadHash === 'UNSIGNED-PAYLOAD' ? 'Unsigned (UNSIGNED-PAYLOAD)' : 'Signed (SHA-256 of the body)'} />
        {x.clockOffsetMs !== undefined && x.clockOffsetMs !== 0 && (
          <Fact
            name="Clock offset"
            value={clockOffsetText(x.clockOffsetMs)}
            {...(x.clockOffsetSource ? { note: `(${clockOffsetSourceText(x.clockOffsetSource)})` } : {})}
            caption={`${clockOffsetSentence(x.clockOffsetMs)} ${CAPTIONS.clockOffset}`}
          />
        )}
      </dl>
      {x.mode === 'header' ? (
        <section className="si-block" aria-label="Signed headers">
          <h3>Signed headers</h3>
          <AuthorizationFacts header={find('authorization')} />
          <HeaderFact name="X-Amz-Date" value={find('x-amz-date') ?? x.amzDate} caption={CAPTIONS.amzDate} />
          {find('x-amz-security-token') !== undefined && (
            <HeaderFact name="X-Amz-Security-Token" value={find('x-amz-security-token')!} caption={CAPTIONS.securityToken} />
          )}
          {find('x-amz-content-sha256') !== undefined && (
            <HeaderFact name="X-Amz-Content-Sha256" value={find('x-amz-content-sha256')!} caption={CAPTIONS.contentSha256} />
          )}
        </section>
      ) : (
        <section className="si-block" aria-label="Presigned URL parameters">
          <h3>Presigned URL parameters</h3>
          <p className="si-caption">{CAPTIONS.presigned}</p>
          {presigned.map(([name, value]) => (
            <HeaderFact key={name} name={name} value={value} caption={presignedCaption(name)} />
          ))}
        </section>
      )}
      <LabelledText
        title="Canonical request"
        caption={CAPTIONS.canonicalRequest}
        text={x.canonicalRequest}
        lines={labelCanonicalRequest(x.canonicalRequest)}
        captions={CANONICAL_LINE_CAPTIONS}
      />
      <LabelledText title="String to sign" caption={CAPTIONS.stringToSign} text={x.stringToSign} lines={labelStringToSign(x.stringToSign)} />
      <section className="si-block" aria-label="Signature">
        <h3>Signature</h3>
        <p className="si-caption">{CAPTIONS.signature}</p>
        <p className="si-value-row">
          <code className="si-signature">{x.signature}</code>
          <CopyButton text={() => x.signature} label="Copy signature" />
        </p>
      </section>
    </>
  );
}

function AuthorizationFacts({ header }: { header: string | undefined }) {
  if (header === undefined) return null;
  const parts = parseAuthorization(header);
  return (
    <div className="si-fact" aria-label="Authorization">
      <div className="si-fact-head">
        <code className="si-header-name">Authorization</code>
        <CopyButton text={() => header} label="Copy Authorization header" />
      </div>
      <p className="si-caption">{CAPTIONS.authorization}</p>
      {!parts ? (
        <code className="si-value">{header}</code>
      ) : (
        <dl className="si-auth-parts">
          <Fact name="Algorithm" value={parts.algorithm} mono caption={CAPTIONS.algorithm} />
          <div className="si-fact-row">
            <dt>Credential</dt>
            <dd>
              <CredentialParts parts={parts.credential} />
              <span className="si-caption">{CAPTIONS.credential}</span>
            </dd>
          </div>
          <div className="si-fact-row">
            <dt>SignedHeaders</dt>
            <dd>
              <ul className="si-chips" aria-label="Signed header names">
                {parts.signedHeaders.map((h) => (
                  <li key={h}>
                    <code>{h}</code>
                  </li>
                ))}
              </ul>
              <span className="si-caption">{CAPTIONS.signedHeaders}</span>
            </dd>
          </div>
          <Fact name="Signature" value={parts.signature} mono caption={CAPTIONS.signature} />
        </dl>
      )}
    </div>
  );
}

/** The credential's five parts side by side, each with what it is written under it. */
function CredentialParts({ parts }: { parts: CredentialPartsModel }) {
  const cells: Array<[string, string]> = [
    ['access key id', parts.accessKeyId],
    ['date', parts.date],
    ['region', parts.region],
    ['service', parts.service],
    ['terminator', parts.terminator],
  ];
  return (
    <span className="si-credential" aria-label="Credential parts">
      {cells.map(([name, value], i) => (
        <span key={name} className="si-credential-cell">
          <code aria-label={name}>
            {value}
            {i < cells.length - 1 ? '/' : ''}
          </code>
          <span className="si-credential-name" aria-hidden="true">
            {name}
          </span>
        </span>
      ))}
    </span>
  );
}

function HeaderFact({ name, value, caption }: { name: string; value: string; caption: string }) {
  const credential = /^x-amz-credential$/i.test(name) ? parseCredential(value) : undefined;
  return (
    <div className="si-fact" aria-label={name}>
      <div className="si-fact-head">
        <code className="si-header-name">{name}</code>
      </div>
      {isMasked(value) ? <SecretValue value={value} label={name} /> : <code className="si-value">{value}</code>}
      {credential && <CredentialParts parts={credential} />}
      <p className="si-caption">{caption}</p>
    </div>
  );
}

function Fact({ name, value, note, mono, caption }: { name: string; value: string; note?: string; mono?: boolean; caption?: string }) {
  return (
    <div className="si-fact-row">
      <dt>{name}</dt>
      <dd aria-label={name}>
        {mono ? <code>{value}</code> : value}
        {note && <span className="si-source"> {note}</span>}
        {caption && <span className="si-caption">{caption}</span>}
      </dd>
    </div>
  );
}

function InspectorError({ error }: { error: AppError }) {
  const hint = errorHint(error);
  return (
    <div className="si-error" role="alert">
      <p className="si-error-title">{hint.title}</p>
      <p>{error.message}</p>
      <p className="si-caption">{hint.hint}</p>
      <p className="si-error-code">
        <code>{error.awsCode ? `${error.code} / ${error.awsCode}` : error.code}</code>
      </p>
      {error.detail && <pre className="si-detail">{error.detail}</pre>}
    </div>
  );
}

function sourceText(source: SigningExplanation['regionSource']): string {
  return source === 'detected' ? '(detected from the URL)' : '(set explicitly)';
}

function presignedCaption(name: string): string {
  switch (name.toLowerCase()) {
    case 'x-amz-algorithm':
      return CAPTIONS.algorithm;
    case 'x-amz-credential':
      return CAPTIONS.credential;
    case 'x-amz-date':
      return CAPTIONS.amzDate;
    case 'x-amz-expires':
      return 'How many seconds after X-Amz-Date the URL stops working.';
    case 'x-amz-signedheaders':
      return CAPTIONS.signedHeaders;
    case 'x-amz-signature':
      return CAPTIONS.signature;
    case 'x-amz-security-token':
      return CAPTIONS.securityToken;
    default:
      return 'A parameter AWS reads when checking the signature.';
  }
}
