// What RoleCall says when a profile's credential_process fails. The SDK's own message is the whole command line
// (which may carry a token or password argument) followed by all of stderr (which may echo keys). The error names
// the profile and gives at most the first line of stderr with anything key- or token-like masked. The exit code is
// not known here: the SDK's process provider drops it before RoleCall sees the error.
import { appError, type RoleCallError } from '../../src/errors';

const MASK = '…';
const MAX_LINE = 200;
/** Long runs of key, token and base64 characters: access key ids, secrets, session tokens, JWT parts. */
const TOKEN_LIKE = /[A-Za-z0-9+/=_\-.:%]{16,}/g;
/** name=value or name: value where the name says it is secret. */
const NAMED_SECRET = /((?:secret|token|password|passwd|pwd|key|credential|auth)[A-Za-z_-]*\s*[=:]\s*)\S+/gi;

/** The first line of stderr, with the command's own words (paths, arguments) and key-like runs masked. */
export function sanitizeStderrLine(line: string, command: string): string {
  let out = line.slice(0, MAX_LINE);
  const words = command.split(/[\s"']+/).filter((w) => w.length >= 4).sort((a, b) => b.length - a.length);
  for (const word of words) out = out.split(word).join(MASK);
  return out.replace(NAMED_SECRET, `$1${MASK}`).replace(TOKEN_LIKE, MASK).trim();
}

/** `message` is the SDK's "Command failed: <command>\n<stderr>". */
export function processFailure(profile: string, command: string, message: string): RoleCallError {
  const prefix = `Command failed: ${command}\n`;
  const firstLine = message.startsWith(prefix) ? message.slice(prefix.length).split('\n')[0]!.trim() : '';
  const detail = firstLine
    ? `The process wrote on stderr: ${sanitizeStderrLine(firstLine, command)}`
    : 'The process failed without a readable message on stderr.';
  return appError('CREDENTIALS_ERROR', `The credential_process of profile "${profile}" failed.`, detail);
}
