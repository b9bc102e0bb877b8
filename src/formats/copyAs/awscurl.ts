// "Copy as awscurl": awscurl signs with a profile (--profile) or, without one, with the environment's keys. It
// knows neither AssumeRole nor presigning, so those are prepared by the opening comment or named in a note.
import { bashWord } from './quote';
import { secretEnvComment, shellCredentialComment } from './shellCredentials';
import type { SnippetInput } from './snippetInput';

export function awscurlSnippet(input: SnippetInput): string {
  const args = [`--service ${bashWord(input.service)}`, `--region ${bashWord(input.region)}`];
  const comment: string[] = [];
  const auth = input.auth;
  if (auth.kind === 'profile') args.push(`--profile ${bashWord(input.text(auth.profile))}`);
  else comment.push(...shellCredentialComment(input));
  if (auth.kind === 'none') input.notes.push('RoleCall sends this request unsigned; awscurl always signs it.');
  if (input.presign) input.notes.push('awscurl cannot presign a URL: this command signs with headers instead.');
  if (input.unsignedPayload) input.notes.push('awscurl always signs the payload: UNSIGNED-PAYLOAD is not honoured.');
  args.push(`-X ${bashWord(input.method)}`);
  for (const [name, value] of input.headers) args.push(`-H ${bashWord([{ text: `${name}: ` }, ...value])}`);
  const body = input.body;
  if (body.kind === 'text') {
    const first = body.text[0];
    if (first && 'text' in first && first.text.startsWith('@')) input.notes.push('awscurl reads a body starting with @ as a file name.');
    args.push(`-d ${bashWord(body.text)}`);
  } else if (body.kind === 'file') {
    args.push(`-d @${bashWord(body.path)}`);
  } else if (body.kind === 'base64' || body.kind === 'parts') {
    const steps =
      body.kind === 'base64'
        ? `printf %s ${bashWord(body.data)} | base64 -d`
        : body.parts.map((part) => ('text' in part ? `printf %s ${bashWord(part.text)}` : `cat ${bashWord(part.path)}`)).join('; ');
    args.push(`-d @<(${steps})`);
    input.notes.push('awscurl reads a body file as text: a binary body may not arrive byte for byte.');
  }
  args.push(bashWord(input.url));
  const lines = [...comment, ...secretEnvComment(input), ...input.notes.map((note) => `# Note: ${note}`)];
  return `${[...lines, `awscurl ${args.join(' \\\n  ')}`].join('\n')}\n`;
}
