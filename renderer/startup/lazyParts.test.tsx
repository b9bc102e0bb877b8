import type { ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it, vi } from 'vitest';
import { onDemand } from './lazyParts';

/** The HTML once every on-demand part has either loaded or given up (renderToString would stop at "Loading…"). */
async function renderLoaded(element: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('on-demand parts', () => {
  it('render the loaded component with the props they were given', async () => {
    const Part = onDemand(async () => Greeting, 'the greeting');
    expect(await renderLoaded(<Part name="Ada" />)).toContain('Hello <!-- -->Ada');
  });

  it('say which part could not be loaded, with a way to try again, instead of failing the window', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const Part = onDemand<{ name: string }>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: /assets/Greeting-x.js')), 'the greeting');
    const html = await renderLoaded(<Part name="Ada" />);
    quiet.mockRestore();
    expect(html).toContain('Loading the greeting stopped working because of an error in RoleCall: Failed to fetch dynamically imported module');
    expect(html).toContain('Try again');
    expect(html).not.toContain('Hello');
  });

  it('on the first screen, wait for start-up without loading, unless their props need them now', async () => {
    const loader = vi.fn(async () => Greeting);
    const Part = onDemand(loader, 'the greeting', { needsNow: ({ name }) => name === 'now' });
    const waiting = await renderLoaded(<Part name="later" />);
    expect(waiting).toContain('role="status"');
    expect(waiting).toContain('Loading the greeting…');
    expect(loader).not.toHaveBeenCalled();
    expect(await renderLoaded(<Part name="now" />)).toContain('Hello <!-- -->now');
    expect(loader).toHaveBeenCalledTimes(1);
  });
});
