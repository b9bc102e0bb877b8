// One line naming an auth choice, for the "inherited from" note, the identity badge and the inspector's caption.
import type { RequestAuth } from '../../src/models/workspace';

export function authSummary(auth: RequestAuth): string {
  switch (auth.type) {
    case 'inherit':
      return 'inherited auth';
    case 'none':
      return 'no auth';
    case 'env':
      return 'environment credentials';
    case 'profile':
      return auth.profile ? `profile ${auth.profile}` : 'a profile (none chosen)';
    case 'storedKeys':
      return auth.name ? `stored keys ${auth.name}` : 'stored keys (none chosen)';
    case 'assumeRole': {
      const base = auth.base.kind === 'env' ? 'environment credentials' : auth.base.kind === 'profile' ? `profile ${auth.base.profile}` : `stored keys ${auth.base.name}`;
      return `role ${auth.roleArn || '(no ARN yet)'} from ${base}`;
    }
  }
}
