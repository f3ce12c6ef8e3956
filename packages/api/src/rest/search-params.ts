/** A request's query string as a plain object (the last value wins for repeated keys). */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
