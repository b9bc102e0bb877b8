import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collectionSchema, type Collection } from '../../models/workspace';
import { readFolder, writeFolder } from './index';

const collection = (): Collection =>
  collectionSchema.parse({
    id: 'c1',
    name: 'Custom domain API',
    auth: { type: 'profile', profile: 'stag' },
    signing: { region: 'ap-northeast-1', service: 'execute-api' },
    items: [
      { kind: 'folder', id: 'f1', name: 'EU', auth: { type: 'inherit' }, signing: { region: 'eu-west-1', service: '' }, items: [{ kind: 'request', id: 'r1', name: 'hoge', method: 'GET', url: 'https://server.stag.example.com/hoge' }] },
      { kind: 'folder', id: 'f2', name: 'Plain', auth: { type: 'none' }, items: [] },
    ],
  });

describe("a collection's and a folder's region and service in the folder layout", () => {
  it('are written in the awsv4 block with AWS auth and in settings without it, read back, and written again byte for byte', () => {
    const first = writeFolder({ collections: [collection()], environments: [] });
    const top = parse(first.files['collections/Custom domain API/.resources/definition.yaml']!);
    expect(top.auth.credentials.slice(0, 2)).toEqual([
      { key: 'region', value: 'ap-northeast-1' },
      { key: 'service', value: 'execute-api' },
    ]);
    expect(top.settings).toBeUndefined();
    const eu = parse(first.files['collections/Custom domain API/EU/.resources/definition.yaml']!);
    expect(eu.auth).toBeUndefined();
    expect(eu.settings).toEqual({ 'rolecall.region': 'eu-west-1' });
    // A scope that sets neither writes neither.
    const plain = parse(first.files['collections/Custom domain API/Plain/.resources/definition.yaml']!);
    expect(plain).toEqual({ $kind: 'collection', order: 2000, auth: { type: 'noauth' } });

    const read = readFolder(first.files);
    expect(read.problems).toEqual([]);
    const [back] = read.collections;
    expect(back?.signing).toEqual({ region: 'ap-northeast-1', service: 'execute-api' });
    expect(back?.items[0]).toMatchObject({ kind: 'folder', signing: { region: 'eu-west-1', service: '' } });
    expect(back?.items[1]).not.toHaveProperty('signing');
    expect(writeFolder(read, read.meta).files).toEqual(first.files);
  });
});
