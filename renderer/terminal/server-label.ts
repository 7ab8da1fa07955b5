/** `user@host` or `user@host:port`, for a server the user has just typed or confirmed (the model names its own servers). */
export function serverLabel(server: { host: string; port: number; user: string }): string {
  return `${server.user}@${server.host}${server.port === 22 ? '' : `:${server.port}`}`;
}
