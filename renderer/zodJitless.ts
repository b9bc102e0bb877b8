// zod v4 probes `new Function('')` when it builds an object schema, to decide whether to compile its parsers; under
// the page's CSP (no 'unsafe-eval') that probe is reported as a CSP violation even though zod catches it. Jitless
// skips the probe, but only for schemas built after it is set: main.tsx imports this module first, before any module
// that defines schemas at its top level. It sets zod's one global config through zod's core (the same module the
// schemas read it from), so the first screen's chunk does not carry zod's schema builders for this one call.
import { config } from 'zod/v4/core';

config({ jitless: true });
