/** An error caused by the user's request: shown to them in Japanese, never logged as a fault. */
export class UserError extends Error {
  constructor(
    message: string,
    public statusCode = 400,
    public fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export class NotFoundError extends UserError {
  constructor(message = 'ページが見つかりません') {
    super(message, 404);
  }
}

export class ForbiddenError extends UserError {
  constructor(message = 'この操作を行う権限がありません') {
    super(message, 403);
  }
}

/** Parses a positive integer id from a route parameter, or throws a 404. */
export function idParam(value: unknown): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new NotFoundError();
  return n;
}
