import { describe, expect, it } from 'vitest';
import { detectEndpoint } from './endpoint';
import { effectiveRequest } from './effectiveRequest';
import { graphqlPayload, graphqlVariablesProblem } from './graphqlBody';
import { requestDocSchema } from './models/workspace';

describe('graphqlPayload', () => {
  it('sends query, variables as written and the operation name; blanks are left out', () => {
    expect(JSON.parse(graphqlPayload('query Q { a }', '{ "id": "1" }', 'Q'))).toEqual({ query: 'query Q { a }', variables: { id: '1' }, operationName: 'Q' });
    expect(JSON.parse(graphqlPayload('{ a }', '  ', ' '))).toEqual({ query: '{ a }' });
    // A big number keeps its digits: the variables text is placed as written, not parsed and re-serialised.
    expect(graphqlPayload('{ a }', '{"n": 12345678901234567890}')).toContain('"variables":{"n": 12345678901234567890}');
  });

  it('names bad variables', () => {
    expect(graphqlVariablesProblem('')).toBeUndefined();
    expect(graphqlVariablesProblem('{"a": 1}')).toBeUndefined();
    expect(graphqlVariablesProblem('{"a": ')).toBe('Variables are not valid JSON.');
    expect(graphqlVariablesProblem('[1]')).toMatch(/must be a JSON object/);
  });
});

describe('a GraphQL request as main sends it', () => {
  const doc = (over: object = {}) =>
    requestDocSchema.parse({
      id: 'r1',
      name: 'get item',
      method: 'POST',
      url: 'https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql',
      body: { mode: 'graphql', query: 'query Get($id: ID!) { getItem(id: $id) { id } }', variables: '{ "id": "{{itemId}}" }', operationName: 'Get' },
      ...over,
    });

  it('is application/json {query, variables, operationName} with variables resolved', () => {
    const environment = { id: 'e', name: 'dev', variables: [{ id: 'v', key: 'itemId', value: 'item-7', enabled: true, secret: false }] };
    const { sign } = effectiveRequest({ doc: doc(), folders: [], environment });
    expect(sign.request.headers).toContainEqual(['Content-Type', 'application/json']);
    const body = sign.request.body;
    expect(body?.kind).toBe('text');
    const text = body?.kind === 'text' ? body.text : '';
    expect(JSON.parse(text)).toEqual({ query: 'query Get($id: ID!) { getItem(id: $id) { id } }', variables: { id: 'item-7' }, operationName: 'Get' });
  });

  it('keeps a Content-Type the user typed', () => {
    const headers = [{ id: 'h', key: 'content-type', value: 'application/graphql+json', enabled: true, secret: false }];
    const { sign } = effectiveRequest({ doc: doc({ headers }), folders: [] });
    expect((sign.request.headers ?? []).filter(([n]) => n.toLowerCase() === 'content-type')).toEqual([['content-type', 'application/graphql+json']]);
  });

  it('signs for appsync on an AppSync host', () => {
    expect(detectEndpoint('https://abc123.appsync-api.eu-west-1.amazonaws.com/graphql')).toMatchObject({ service: 'appsync', region: 'eu-west-1' });
  });
});
