// Says, above a response, that it answers another request than the one signed: the redirects RoleCall followed
// (the request's "Follow redirects" setting), each with its status, the next request and how that one was sent.
import type { RedirectHop } from '../../src/models/http';
import './redirectNote.css';

const HOW: Record<RedirectHop['signing'], string> = {
  resigned: 'signed again with the same credentials',
  stripped: 'another origin: sent with no signature, token or cookie',
  unsigned: 'sent unsigned, as the request was',
};

export function RedirectNote({ redirects }: { redirects: readonly RedirectHop[] }) {
  const count = redirects.length === 1 ? '1 redirect' : `${redirects.length} redirects`;
  return (
    <div className="rv-redirect-note" role="region" aria-label="Redirects followed">
      <p>
        <strong>Followed {count}.</strong> This is the answer to the last request; the signing inspector shows the first.
      </p>
      <ol>
        {redirects.map((hop, index) => (
          <li key={index}>
            <span className="rv-redirect-status">{hop.status}</span> → <code>{hop.method} {hop.url}</code> <span className="rv-redirect-how">({HOW[hop.signing]})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
