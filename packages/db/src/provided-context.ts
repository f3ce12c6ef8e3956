import type {} from 'vitest';

/** What the global setup hands every test file through `inject()`. */
declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: 'real' | 'embedded';
  }
}
