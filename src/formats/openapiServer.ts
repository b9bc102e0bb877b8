// Where an OpenAPI document's requests go: servers[0].url as the collection variable {{baseUrl}}. Server variables
// take their default; API Gateway's export writes the stage as the `basePath` variable
// (https://{id}.execute-api.{region}.amazonaws.com/{basePath}), which becomes its own {{stage}} variable so a team
// switches stage in one place. The AWS region for signing is read from the resolved URL.
import type { KeyValue } from '../models/workspace';
import { isObj, text, type Ctx } from './postmanRequest';

export interface OpenApiServer {
  /** baseUrl first, then stage and any server variable without a default. */
  variables: KeyValue[];
  /** The region in an execute-api (or other regional AWS) host; '' when the URL names none. */
  region: string;
}

const REGION = /\.(?:execute-api\.)?([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?(?:[:/]|$)/;

export function readServer(servers: unknown, ctx: Ctx): OpenApiServer {
  const list = (Array.isArray(servers) ? servers : []).filter(isObj);
  const variable = (key: string, value: string): KeyValue => ({ id: ctx.newId(), key, value: value.slice(0, 64 * 1024), enabled: true, secret: false });
  const first = list[0];
  if (!first || text(first.url).trim() === '') {
    ctx.report.add('warnings', 'The document names no server: set {{baseUrl}} to the API\'s address before sending');
    return { variables: [variable('baseUrl', '')], region: '' };
  }
  if (list.length > 1) ctx.report.add('notMapped', `Only the first of ${list.length} servers was used for {{baseUrl}}`);

  const declared = isObj(first.variables) ? first.variables : {};
  const extra: KeyValue[] = [];
  const apiGateway = /\.execute-api\./.test(text(first.url));
  const url = text(first.url)
    .trim()
    .replace(/\{([^{}]+)\}/g, (_, name: string) => {
      const spec = declared[name];
      const fallback = isObj(spec) && spec.default !== undefined ? text(spec.default) : undefined;
      if (name === 'basePath' && apiGateway && fallback !== undefined && fallback.replace(/^\/+|\/+$/g, '') !== '') {
        extra.push(variable('stage', fallback.replace(/^\/+|\/+$/g, '')));
        return '{{stage}}';
      }
      if (fallback !== undefined) return fallback.replace(/^\/+/, '');
      if (!extra.some((v) => v.key === name)) extra.push(variable(name, ''));
      ctx.report.add('warnings', `The server URL holds {${name}} with no default: set {{${name}}}`);
      return `{{${name}}}`;
    })
    .replace(/\/+$/, '');
  if (extra.some((v) => v.key === 'stage')) ctx.report.add('mapped', 'The API Gateway stage became the collection variable {{stage}}');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('{{')) {
    ctx.report.add('warnings', `The server URL "${url.slice(0, 200)}" is relative: make {{baseUrl}} a full address before sending`);
  }
  ctx.report.add('mapped', 'The server URL became the collection variable {{baseUrl}}');
  return { variables: [variable('baseUrl', url), ...extra], region: REGION.exec(url)?.[1] ?? '' };
}
