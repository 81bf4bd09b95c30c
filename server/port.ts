/** The host's default port (its own module so the command line need not load the server to show it). */
export const DEFAULT_PORT = 5177;
