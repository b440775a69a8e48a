/** The id rule shared by interaction, closer, event and agent ids: safe as one NATS subject token. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** True when `id` may be used as an id (and so as a subject token): `[A-Za-z0-9_-]{1,128}`. */
export function isValidId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}
