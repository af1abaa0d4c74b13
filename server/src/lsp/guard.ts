/**
 * Every handler runs inside `guard`: an exception is logged and answered with the handler's empty
 * result, so one bad request never takes the server down or leaves the client waiting.
 */
import type { ServerState } from './state';

export function guard<P, R, Rest extends unknown[]>(
  state: Pick<ServerState, 'connection'>,
  method: string,
  fallback: R,
  handler: (params: P, ...rest: Rest) => R | Promise<R>,
): (params: P, ...rest: Rest) => Promise<R> {
  return async (params, ...rest) => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      state.connection.console.error(`${method} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  };
}
