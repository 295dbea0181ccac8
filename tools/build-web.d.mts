// Types of tools/build-web.mjs, for the tests that build the dashboard before they open it.

/** Why a build is needed, or undefined when dist/web is up to date. */
export function staleReason(force?: boolean): string | undefined;

/** Builds the dashboard (src/web → dist/web) with Vite when stale, or always with `force`. */
export function buildWeb(options?: { force?: boolean; quiet?: boolean }): Promise<{ built: boolean; reason?: string }>;
