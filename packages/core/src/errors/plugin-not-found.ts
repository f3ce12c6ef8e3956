import { AppError } from './app-error';

/** The one way a plugin the tenant does not have is refused (404), wherever it is asked for. */
export function pluginNotFound(slug: string): AppError {
  return AppError.notFound(`Plugin not found: ${slug}`);
}
