// The one failure the command line reports: a single line for stderr and the exit code to end with.

/** A failure shown to the user as one line on stderr (no stack trace), ending the command with `exitCode`. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
