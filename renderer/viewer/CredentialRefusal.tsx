// A credential error ("Who am I?", a hop of the chain) explained like a refused send: the cause, who was refused
// doing what, checks and fixes, against what RoleCall asked STS for. Nothing when AWS did not answer.
import type { AssumeRoleContext } from '../../src/diagnosis/explainAppError';
import { explainAppError } from '../../src/diagnosis/explainAppError';
import type { AppError } from '../../src/errors';
import { RefusalExplainer } from './RefusalExplainer';

/** AWS's text is left to the caller, which shows the error's detail itself. */
export function CredentialRefusal({ error, context }: { error: AppError; context?: AssumeRoleContext }) {
  const refusal = explainAppError(error, context);
  return refusal ? <RefusalExplainer refusal={refusal} showAwsText={false} /> : null;
}
