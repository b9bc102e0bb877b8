// How much response history keeps (historyResponse.ts has the schemas): the renderer's first screen needs these
// numbers, and importing the schemas would bring zod's schema builders into that chunk.

/** How many of the newest history entries keep their response. */
export const HISTORY_RESPONSE_COUNT = 20;
/** The most body a history entry keeps; a longer body keeps its first bytes and says how long it was. */
export const HISTORY_RESPONSE_BODY_BYTES = 1024 * 1024;
/** All kept responses together, as stored (JSON, the body in base64); the oldest go first. */
export const HISTORY_RESPONSE_TOTAL_BYTES = 16 * 1024 * 1024;
