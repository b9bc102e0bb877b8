// The windowed body view's limits, without its schemas (bodyView.ts): the renderer's first screen needs them, and
// importing the schemas would bring zod's schema builders into that chunk.

/** The most lines one answer carries. */
export const MAX_WINDOW_LINES = 1000;

/** Lines of a body's first screen: more than a tall window shows. */
export const FIRST_SCREEN_LINES = 120;
