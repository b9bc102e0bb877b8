// How a request gets its AWS identity. Chosen in the UI or on the CLI, resolved to credentials in main only.
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);

export const baseIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile'), profile: nonEmpty }),
  z.object({ kind: z.literal('env') }),
  /** Static keys the user typed once, kept encrypted in main and referred to by name. */
  z.object({ kind: z.literal('storedKeys'), name: nonEmpty }),
]);
export type BaseIdentity = z.infer<typeof baseIdentitySchema>;

export const assumeRoleOptionsSchema = z.object({
  roleArn: z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME)'),
  sessionName: z.string().regex(/^[\w+=,.@-]{2,64}$/, 'must be 2-64 characters of letters, digits and +=,.@_-').optional(),
  externalId: z.string().min(2).max(1224).optional(),
  durationSeconds: z.number().int().min(900).max(43200).optional(),
  mfaSerial: z.string().min(9).max(256).optional(),
  /** Region of the STS endpoint to call (regional endpoints, e.g. ap-northeast-1). */
  stsRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be a region such as eu-west-1').optional(),
  /** Full STS endpoint URL; wins over stsRegion and AWS_ENDPOINT_URL_STS. */
  stsEndpoint: z.url({ protocol: /^https?$/ }).optional(),
});
export type AssumeRoleOptions = z.infer<typeof assumeRoleOptionsSchema>;

export const authChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('profile'), profile: nonEmpty }),
  z.object({ kind: z.literal('env') }),
  z.object({ kind: z.literal('storedKeys'), name: nonEmpty }),
  z.object({ kind: z.literal('assumeRole'), base: baseIdentitySchema }).extend(assumeRoleOptionsSchema.shape),
]);
export type AuthChoice = z.infer<typeof authChoiceSchema>;

/** One step taken to reach the final identity, shown to the user as a chain. No secrets. */
export interface CredentialHop {
  kind: 'profile' | 'env' | 'storedKeys' | 'assumeRole' | 'sso' | 'process' | 'webIdentity';
  /** What the user recognises: a profile name, "environment", or a role ARN. */
  label: string;
  profile?: string;
  roleArn?: string;
}

export interface Identity {
  /** GetCallerIdentity's ARN: arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION for assumed roles. */
  arn: string;
  account: string;
  userId: string;
  /** The access key id in use (not a secret; the secret and session token never leave main). */
  accessKeyId: string;
  /** ISO-8601 expiry of temporary credentials; absent for long-term keys. */
  expiration?: string;
  hops: CredentialHop[];
  /** True when the credentials came from RoleCall's cache rather than a fresh STS call. */
  cached: boolean;
}
