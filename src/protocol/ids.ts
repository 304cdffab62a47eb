/**
 * The one pattern every id that names a file or folder passes: city packs, recordings, scenarios,
 * weather stations. Lower-case letters, digits and dashes, 1–64, starting with a letter or digit:
 * no dot, slash or backslash can reach a path, so no id leaves the folder it is joined to.
 */
import { z } from 'zod';

/** The pattern itself, for a check outside zod (a folder listing, a CLI flag). */
export const FILE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** How the pattern reads in an error. */
export const FILE_ID_RULE = 'lower-case letters, digits and dashes (1–64, not starting with a dash)';

/** A zod string of the pattern; `what` starts the error ("a city id"). */
export const fileIdSchema = (what = 'an id') => z.string().regex(FILE_ID_PATTERN, `${what} is ${FILE_ID_RULE}`);

/** Whether a value is a file id. */
export const isFileId = (value: unknown): value is string => typeof value === 'string' && FILE_ID_PATTERN.test(value);
