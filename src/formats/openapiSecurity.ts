// Which operations an OpenAPI document says are signed with SigV4. API Gateway writes IAM auth as a security scheme
// `{type: apiKey, name: Authorization, in: header, x-amazon-apigateway-authtype: awsSigv4}` (usually named
// "sigv4"), or on the operation as `x-amazon-apigateway-auth: {type: AWS_IAM}`; both become AWS auth signing for
// execute-api. Other schemes (API keys, OAuth, Cognito and Lambda authorizers) have no RoleCall equivalent yet and
// are reported, never guessed at: their requests carry no auth.
import type { Refs } from './openapiDocument';
import { isObj, text } from './postmanRequest';
import type { ReportBuilder } from './importResult';

type Obj = Record<string, unknown>;
export type Security = 'aws' | 'none';

export class SecurityReader {
  constructor(
    private readonly schemes: Obj,
    private readonly refs: Refs,
    private readonly report: ReportBuilder,
  ) {}

  /** What a `security` list asks for; undefined when the list is absent (the level above applies). */
  read(requirements: unknown, where: string): Security | undefined {
    if (!Array.isArray(requirements)) return undefined;
    let result: Security = 'none';
    for (const requirement of requirements.filter(isObj)) {
      const names = Object.keys(requirement);
      const signed = names.filter((name) => this.isSigv4(name, where));
      for (const name of names.filter((n) => !signed.includes(n))) this.unmapped(name, where);
      if (signed.length) result = 'aws';
    }
    return result;
  }

  /** `x-amazon-apigateway-auth` on an operation; undefined when absent. */
  readExtension(operation: Obj, where: string): Security | undefined {
    const auth = operation['x-amazon-apigateway-auth'];
    if (!isObj(auth)) return undefined;
    const type = text(auth.type).toLowerCase();
    if (type === 'aws_iam') return 'aws';
    if (type === 'none') return 'none';
    this.report.add('notMapped', `API Gateway auth type "${type.slice(0, 40)}" is not one RoleCall signs with`, where);
    return undefined;
  }

  private isSigv4(name: string, where: string): boolean {
    const scheme = this.refs.resolve(this.schemes[name], where);
    if (!isObj(scheme)) return false;
    const authType = text(scheme['x-amazon-apigateway-authtype']).toLowerCase();
    if (authType === 'awssigv4') return true;
    return authType === '' && name.toLowerCase() === 'sigv4' && scheme.type === 'apiKey' && text(scheme.name).toLowerCase() === 'authorization';
  }

  private unmapped(name: string, where: string): void {
    const scheme = this.refs.resolve(this.schemes[name], where);
    const kind = isObj(scheme) ? [text(scheme.type), text(scheme['x-amazon-apigateway-authtype'])].filter(Boolean).join(', ') : 'not defined';
    this.report.add('notMapped', `Security scheme "${name.slice(0, 80)}" (${kind.slice(0, 80)}) is not one RoleCall signs with: its requests have no auth`, where);
  }
}
