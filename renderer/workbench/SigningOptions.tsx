// Region and service are read from the URL when it is an AWS host; the fields show what was detected and take an
// override (required for custom domains). The payload, content-hash and presigned-URL options map one to one
// onto the signer's options.
import type { DetectedEndpoint } from '../../src/endpoint';
import type { SigningSettings } from '../../src/models/workspace';

interface Props {
  signing: SigningSettings;
  onChange: (signing: SigningSettings) => void;
  detected: DetectedEndpoint;
  /** True when the effective auth signs (not "none"). */
  signs: boolean;
}

export function SigningOptions({ signing, onChange, detected, signs }: Props) {
  const set = (patch: Partial<SigningSettings>) => onChange({ ...signing, ...patch });
  const custom = detected.kind === 'custom';
  const hashValue = signing.contentSha256Header === undefined ? 'default' : signing.contentSha256Header ? 'on' : 'off';
  return (
    <fieldset className="form-grid signing-options">
      <legend>Signing{signs ? '' : ' (not used while the request has no auth)'}</legend>
      <label htmlFor="signing-region">Region</label>
      <div className="stack">
        <input
          id="signing-region"
          value={signing.region}
          placeholder={detected.region ? `${detected.region} (detected)` : 'required: e.g. eu-west-1'}
          spellCheck={false}
          onChange={(e) => set({ region: e.target.value })}
        />
        <span className="muted form-note" aria-label="Detected region">
          {detected.region ? `Detected from the host: ${detected.region}` : custom ? 'Custom domain: type the API’s region' : 'Not detected'}
        </span>
      </div>
      <label htmlFor="signing-service">Service</label>
      <div className="stack">
        <input
          id="signing-service"
          value={signing.service}
          placeholder={detected.service ? `${detected.service} (detected)` : 'required: e.g. execute-api'}
          spellCheck={false}
          onChange={(e) => set({ service: e.target.value })}
        />
        <span className="muted form-note" aria-label="Detected service">
          {detected.service ? `Detected from the host: ${detected.service}` : custom ? 'Custom domain: usually execute-api' : 'Not detected'}
        </span>
      </div>
      <label htmlFor="signing-payload">Payload</label>
      <select id="signing-payload" value={signing.payload} onChange={(e) => set({ payload: e.target.value as 'signed' | 'unsigned' })}>
        <option value="signed">Signed (SHA-256 of the body)</option>
        <option value="unsigned">UNSIGNED-PAYLOAD</option>
      </select>
      <label htmlFor="signing-hash">x-amz-content-sha256</label>
      <select
        id="signing-hash"
        value={hashValue}
        onChange={(e) => {
          const { contentSha256Header: _drop, ...rest } = signing;
          onChange(e.target.value === 'default' ? rest : { ...rest, contentSha256Header: e.target.value === 'on' });
        }}
      >
        <option value="default">Service default (on for s3, aoss)</option>
        <option value="on">Add the header</option>
        <option value="off">Leave it out</option>
      </select>
      <label htmlFor="signing-mode">Put the signature in</label>
      <select id="signing-mode" value={signing.mode} onChange={(e) => set({ mode: e.target.value as 'header' | 'query' })}>
        <option value="header">Authorization header</option>
        <option value="query">Query string (presigned URL)</option>
      </select>
      {signing.mode === 'query' && (
        <>
          <label htmlFor="signing-expires">Expires in (seconds)</label>
          <input
            id="signing-expires"
            type="number"
            min={1}
            max={604800}
            value={signing.expiresIn}
            onChange={(e) => set({ expiresIn: Math.max(1, Math.min(604800, Math.trunc(Number(e.target.value) || 900))) })}
          />
        </>
      )}
    </fieldset>
  );
}
