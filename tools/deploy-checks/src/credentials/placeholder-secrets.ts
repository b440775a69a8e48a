// Committed deployment files carry placeholders, never secrets: every secret value is empty or says
// change_me, so a real password pasted into .env.example or a kustomization fails CI.

/** Names of settings that hold secrets. */
export const SECRET_SETTING = /PASSWORD|SECRET|TOKEN|SEED|API_KEYS?|MONGODB_URI/i;

/** True when `value` is empty or an obvious placeholder. */
export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || /change_?me/i.test(value);
}
