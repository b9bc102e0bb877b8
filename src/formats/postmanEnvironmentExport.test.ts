import { describe, expect, it } from 'vitest';
import { environmentSchema } from '../models/workspace';
import { environmentFile, exportPostmanEnvironment } from './postmanEnvironmentExport';
import { importPostmanEnvironment } from './postmanEnvironment';

const SECRET = 'stagingSecretNeverExported0001';
const staging = environmentSchema.parse({
  id: 'e1',
  name: 'Staging',
  variables: [
    { id: 'a', key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage' },
    { id: 'b', key: 'apiKey', value: SECRET, secret: true },
    { id: 'c', key: 'debug', value: '1', enabled: false },
  ],
});

describe('the Postman environment export', () => {
  it('writes every variable, secret ones typed secret with an empty value', () => {
    expect(exportPostmanEnvironment(staging)).toEqual({
      name: 'Staging',
      values: [
        { key: 'base', value: 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', enabled: true, type: 'default' },
        { key: 'apiKey', value: '', enabled: true, type: 'secret' },
        { key: 'debug', value: '1', enabled: false, type: 'default' },
      ],
      _postman_variable_scope: 'environment',
    });
    const file = environmentFile(staging);
    expect(file.fileName).toBe('Staging.postman_environment.json');
    expect(file.text).not.toContain(SECRET);
  });

  it('reads back through RoleCall\'s Postman environment import', () => {
    const { environment } = importPostmanEnvironment(JSON.parse(environmentFile(staging).text), { newId: (() => { let n = 0; return () => `n${++n}`; })() });
    expect(environment.name).toBe('Staging');
    expect(environment.variables.map((v) => [v.key, v.value, v.enabled, v.secret])).toEqual([
      ['base', 'https://abc.execute-api.eu-west-1.amazonaws.com/stage', true, false],
      ['apiKey', '', true, true],
      ['debug', '1', false, false],
    ]);
  });
});
