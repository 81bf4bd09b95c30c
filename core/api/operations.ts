import { operations } from '../areas';

/**
 * Every operation of the API: the one map both shells serve and the renderer's client is typed from. It is
 * derived from the areas combined in core/areas.ts; adding an area never touches this file.
 */
export { operations };

export type Operations = typeof operations;
export type OperationName = keyof Operations;
