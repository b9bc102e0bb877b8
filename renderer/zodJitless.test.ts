import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** Counts `new Function(...)`: zod's eval probe, which the page's CSP reports as a violation. */
function watchFunction() {
  const probe = vi.fn();
  vi.stubGlobal('Function', new Proxy(Function, { construct: (target, args) => (probe(), Reflect.construct(target, args)) }));
  return probe;
}

describe('zod in the page', () => {
  it('never probes for eval when the jitless module is imported before the schemas', async () => {
    const probe = watchFunction();
    await import('./zodJitless');
    await import('../src/models/workspace');
    await import('../src/runner/runnerContract');
    expect(probe).not.toHaveBeenCalled();
  });

  it('main.tsx imports it before anything else', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./main.tsx', import.meta.url), 'utf8');
    expect(source.match(/^import .*$/m)?.[0]).toBe("import './zodJitless';");
  });
});
