/** An error in the input or the build that the CLI reports as one line and a non-zero exit. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
}
