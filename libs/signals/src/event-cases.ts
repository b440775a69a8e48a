// Field names as the wire spells them, for messages that name a perception event's fields.
/** The wire (snake_case) spelling of a camelCase field name: "asrConfidence" -> "asr_confidence". */
export function wireName(camel: string): string {
  return camel.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
