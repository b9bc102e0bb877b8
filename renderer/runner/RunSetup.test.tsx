import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { collectionSchema } from '../../src/models/workspace';
import { RunSetup } from './RunSetup';

const collection = collectionSchema.parse({
  id: 'c',
  name: 'Team',
  items: [{ kind: 'folder', id: 'f', name: 'Orders', items: [{ kind: 'request', id: 'a', name: 'Create', method: 'POST', url: 'https://x' }] }, { kind: 'request', id: 'b', name: 'Health', method: 'GET', url: 'https://x' }],
});
const environments = [
  { id: 'stag', name: 'stag', variables: [] },
  { id: 'prod', name: 'prod', variables: [] },
];
const render = (props: Partial<Parameters<typeof RunSetup>[0]> = {}) =>
  renderToString(<RunSetup scope={{ collection, name: 'Team' }} environments={environments} activeEnvironmentId="prod" onRun={() => undefined} onClose={() => undefined} {...props} />).replace(/<!-- -->/g, '');

describe('the run settings', () => {
  it('start with the active environment, every request chosen, one iteration, no delay, no bail, no plain http', () => {
    const html = render();
    expect(html).toMatch(/<option value="prod" selected="">prod<\/option>/);
    expect(html).toContain('Requests (2 of 2)');
    expect(html).toContain('aria-label="Run Create" checked=""');
    expect(html).toContain('Orders');
    expect(html).toMatch(/type="number"[^>]*value="1"/);
    expect(html).toMatch(/type="number"[^>]*value="0"/);
    expect(html).not.toMatch(/<input type="checkbox" checked=""\/><span>Stop on first failure/);
    expect(html).toMatch(/<input type="checkbox"\/><span>Allow signed requests over plain http/);
  });

  it('keep the last run’s settings when run again, its environment included', () => {
    const html = render({ previous: { collectionId: 'c', itemIds: [], environmentId: 'stag', iterations: 3, delayMs: 250, bail: true } });
    expect(html).toMatch(/<option value="stag" selected="">stag<\/option>/);
    expect(html).toMatch(/value="3"/);
    expect(html).toMatch(/value="250"/);
    expect(html).toMatch(/<input type="checkbox" checked=""\/><span>Stop on first failure/);
  });

  it('says so when the scope has no requests', () => {
    expect(render({ scope: { collection: { ...collection, items: [] }, name: 'Empty' } })).toContain('“Empty” has no requests to run.');
  });
});
