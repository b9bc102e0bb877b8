// Whose credentials `rolecall run` signs with. A collection names profiles that exist on its authors' machines; in
// CI there are none, only environment credentials (keys, or web identity exchanged for keys). So: --profile P makes
// P the base identity of every request (the roles requests assume are kept: they are what is being tested);
// --assume-role ARN replaces each signed request's auth with that role on top of the base; without flags, a
// request's profile that the AWS config files do not define (or stored keys, which live in the app) falls back to
// environment credentials when there are some, and the run says so once. An identity check still tells a wrong
// identity from the right one.
import type { AuthChoice, BaseIdentity } from '../../src/models/auth';

export interface RunAuthOptions {
  profile?: string;
  assumeRole?: string;
  knownProfiles: ReadonlySet<string>;
  /** Environment keys (or web identity already exchanged for them) are present. */
  envCredentials: boolean;
  defaultProfile: string;
  notice(text: string): void;
}

export function runAuthRewrite(o: RunAuthOptions): (auth: AuthChoice) => AuthChoice {
  const told = new Set<string>();
  const tell = (text: string) => {
    if (told.has(text)) return;
    told.add(text);
    o.notice(text);
  };
  const base = (b: BaseIdentity): BaseIdentity => {
    if (o.profile) return { kind: 'profile', profile: o.profile };
    if (!o.envCredentials) return b;
    if (b.kind === 'profile' && !o.knownProfiles.has(b.profile)) {
      tell(`profile "${b.profile}" is not in the AWS config files: signing with the environment's credentials instead`);
      return { kind: 'env' };
    }
    if (b.kind === 'storedKeys') {
      tell(`stored keys "${b.name}" live in the RoleCall app: signing with the environment's credentials instead`);
      return { kind: 'env' };
    }
    return b;
  };
  const cliBase = (): BaseIdentity =>
    o.profile ? { kind: 'profile', profile: o.profile } : o.envCredentials ? { kind: 'env' } : { kind: 'profile', profile: o.defaultProfile };

  return (auth) => {
    if (auth.kind === 'none') return auth;
    if (o.assumeRole) return { kind: 'assumeRole', base: cliBase(), roleArn: o.assumeRole };
    if (auth.kind === 'assumeRole') return { ...auth, base: base(auth.base) };
    return base(auth);
  };
}
