// Where the live change feed connects: the page's own /graphql over a WebSocket.

/** The WebSocket URL of the page's /graphql (wss: on an https page), so the CSP's connect-src 'self' covers it. */
export function feedUrl(location: { readonly protocol: string; readonly host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/graphql`;
}
