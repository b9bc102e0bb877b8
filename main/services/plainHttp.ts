// The engine's rule for plain http: a signed request goes over it only to this machine, unless the user said so.
import { appError } from '../../src/errors';
import { isPlainHttpElsewhere } from '../../src/plainHttp';

export function refuseInsecureHttp(url: string, signed: boolean, allowPlainHttp: boolean | undefined): void {
  if (!signed || allowPlainHttp || !isPlainHttpElsewhere(url)) return;
  throw appError(
    'INSECURE_HTTP',
    'This signed request would go over plain http, readable by anyone on the network: use https, or send over plain HTTP anyway.',
    `${url.split(/[?#]/)[0]} is not on this machine; set allowPlainHttp to send it as is.`,
  );
}
