// What the Connect handler tests compare: a ServiceError as `<status> <type>: <message>`, or 'no error'.
import { ServiceError } from '../../endpoint/operations';

export function serviceError(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return `${err.status} ${err.errorType}: ${err.message}`;
    throw err;
  }
  return 'no error';
}
