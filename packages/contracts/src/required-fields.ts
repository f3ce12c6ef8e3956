/**
 * Which of an action's required fields a payload lacks. A field is missing when absent,
 * `undefined` or `null`; `0`, `false` and `""` are values (the seed's `!payload[field]` wrongly
 * refused them). Dispatch and the dashboard's forms both apply this one rule.
 */
export function missingRequiredFields(
  required: readonly string[],
  payload: Record<string, unknown>,
): string[] {
  return required.filter((field) => !Object.hasOwn(payload, field) || payload[field] == null);
}
