// Imported first by the sign bundle (signCommand.ts): zod compiles each object schema to a function with
// `new Function` on its first parse, which pays off over many parses and costs a one-shot command time. Schemas
// read the setting when they are built, so this runs before any is.
import { z } from 'zod';

z.config({ jitless: true });
