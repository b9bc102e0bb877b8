// Under the URL bar: plain http to another machine is readable by anyone on the network. Main refuses to send a
// signed one (INSECURE_HTTP); once it has, the user may send it over plain HTTP anyway. Loopback stays silent.
import { isPlainHttpElsewhere } from '../../src/plainHttp';

interface Props {
  url: string;
  signed: boolean;
  /** The last send was refused as INSECURE_HTTP. */
  refused?: boolean;
  onSendAnyway: () => void;
}

export function PlainHttpWarning({ url, signed, refused, onSendAnyway }: Props) {
  if (!isPlainHttpElsewhere(url)) return null;
  return (
    <div className="warning plain-http" role={refused ? 'alert' : 'note'}>
      <span>
        Plain <strong>http</strong> to another machine: anyone on the network can read this request
        {signed ? ', its signature and its session token' : ''}. Use https if the server has it.
      </span>
      {refused && (
        <button type="button" className="secondary small" onClick={onSendAnyway}>
          Send over plain HTTP anyway
        </button>
      )}
    </div>
  );
}
