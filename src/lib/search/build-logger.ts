/** Where a build step reports: the console, or a test's collector. */
export interface BuildLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
