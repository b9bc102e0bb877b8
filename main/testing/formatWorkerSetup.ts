// Vitest setup file: every pool a test creates (through createApp or directly) runs the real worker thread,
// bundled by formatWorkerBuild.ts.
import { inject } from 'vitest';
import { useFormatWorkerScript } from '../services/formatPool';

declare module 'vitest' {
  export interface ProvidedContext {
    formatWorkerScript: string;
  }
}

useFormatWorkerScript(inject('formatWorkerScript'));
