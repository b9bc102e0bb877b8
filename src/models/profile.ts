// What RoleCall shows about a local AWS profile. Never a secret: keys, tokens and process output stay in main.

export type ProfileKind = 'static' | 'assumeRole' | 'sso' | 'process' | 'webIdentity' | 'incomplete';

export interface ProfileSummary {
  name: string;
  kind: ProfileKind;
  region?: string;
  roleArn?: string;
  sourceProfile?: string;
  credentialSource?: string;
  /** From this profile to where the credentials start, e.g. ["deploy", "ops", "base"] or ["task", "Environment"]. */
  sourceChain: string[];
  mfaSerial?: string;
  externalId?: string;
  durationSeconds?: number;
  roleSessionName?: string;
  ssoStartUrl?: string;
  ssoSession?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
  webIdentityTokenFile?: string;
  endpointUrl?: string;
  /** Which files define the profile. */
  definedIn: Array<'config' | 'credentials'>;
  /** True for AWS_PROFILE's profile, or "default" when AWS_PROFILE is unset. */
  isDefault: boolean;
  /** Problems found while reading it (missing source_profile, a cycle, ...). */
  problems: string[];
}

export interface ConfigFileProblem {
  file: string;
  /** 1-based line number. */
  line: number;
  message: string;
}

export interface ProfileList {
  profiles: ProfileSummary[];
  /** The profile used when none is chosen: AWS_PROFILE, else "default". */
  defaultProfile: string;
  files: { config: string; credentials: string };
  /** Lines that could not be read; the profiles that could be read are still listed. */
  problems: ConfigFileProblem[];
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set in RoleCall's environment. */
  environmentCredentials: boolean;
}
