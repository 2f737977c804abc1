import type { AppErrorData, ErrorCode, ErrorDetail } from '../../shared/errors';

/** An error answered by the core, rebuilt on this side of the bridge with its code and detail. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly detail: ErrorDetail | undefined;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.detail = data.detail;
  }

  toData(): AppErrorData {
    return this.detail
      ? { code: this.code, message: this.message, detail: this.detail }
      : { code: this.code, message: this.message };
  }
}

/** Any thrown value as error data, for stores that keep "the last error". */
export function toErrorData(error: unknown): AppErrorData {
  if (error instanceof ApiError) return error.toData();
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}
