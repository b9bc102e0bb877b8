// AWS by default (issue 11): an unsaved request signs with the default profile, and a collection or folder gives
// its requests a region and service once (a custom domain names neither).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE_SOURCE, effectiveRequest, inheritedAuth, inheritedSigning } from './effectiveRequest';
import { collectionSchema, requestDocSchema, type FolderNode, type RequestDoc } from './models/workspace';

const doc = (over: Partial<RequestDoc> = {}): RequestDoc => requestDocSchema.parse({ id: 'r', name: 'r', method: 'GET', url: 'https://api.example.com/x', ...over });
const folder = (name: string, over: Partial<FolderNode> = {}): FolderNode => ({ kind: 'folder', id: name, name, auth: { type: 'inherit' }, variables: [], items: [], ...over });

describe('the default profile at the end of inheritance', () => {
  it('signs an unsaved request that inherits with the fallback, and says so', () => {
    const fallback = { type: 'profile', profile: 'dev' } as const;
    expect(inheritedAuth(doc(), [], undefined, fallback)).toEqual({ auth: fallback, source: DEFAULT_PROFILE_SOURCE });
    expect(effectiveRequest({ doc: doc(), folders: [], fallbackAuth: fallback }).sign.auth).toEqual({ kind: 'profile', profile: 'dev' });
    expect(inheritedAuth(doc(), [], undefined)).toEqual({ auth: { type: 'none' }, source: 'default' });
  });

  it('leaves a collection\'s own choice alone, "none" included', () => {
    const collection = collectionSchema.parse({ id: 'c', name: 'C', auth: { type: 'none' } });
    expect(inheritedAuth(doc(), [], collection, { type: 'profile', profile: 'dev' }).auth).toEqual({ type: 'none' });
  });
});

describe('region and service set on a collection or folder', () => {
  const collection = collectionSchema.parse({ id: 'c', name: 'C', signing: { region: '{{region}}', service: 'execute-api' }, variables: [{ id: 'v', key: 'region', value: 'eu-west-1' }] });

  it('reach the requests below, resolved, the innermost setting winning and the request\'s own first', () => {
    const sign = (d: RequestDoc, folders: FolderNode[] = []) => effectiveRequest({ doc: d, folders, collection }).sign.signing;
    expect(sign(doc())).toMatchObject({ region: 'eu-west-1', service: 'execute-api' });
    expect(sign(doc(), [folder('outer', { signing: { region: 'us-east-2', service: '' } }), folder('inner', { signing: { region: 'ap-northeast-1', service: '' } })])).toMatchObject({
      region: 'ap-northeast-1',
      service: 'execute-api',
    });
    expect(sign(doc({ signing: { region: 'us-west-2', service: 'lambda', payload: 'signed', mode: 'header', expiresIn: 900 } }))).toMatchObject({ region: 'us-west-2', service: 'lambda' });
  });

  it('are absent when nobody sets them, so main detects them from the URL', () => {
    const signing = effectiveRequest({ doc: doc(), folders: [] }).sign.signing;
    expect(signing).not.toHaveProperty('region');
    expect(signing).not.toHaveProperty('service');
    expect(inheritedSigning(doc(), [folder('f')], undefined)).toEqual({ region: '', service: '' });
  });
});
