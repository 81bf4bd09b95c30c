/**
 * Where the built-in templates are is the shell's business (core/ never guesses a shell's layout): the desktop
 * app passes its resources/templates when packaged, the host and the CLI the repository's templates/ folder,
 * through createCore({ templatesDir }) or, without a database, `useBuiltinTemplatesDir`. This module imports
 * nothing so a shell can set it without loading the documents engine.
 */
let configuredDir: string | null = null;

export function useBuiltinTemplatesDir(dir: string): void {
  configuredDir = dir;
}

export function configuredTemplatesDir(): string | null {
  return configuredDir;
}
