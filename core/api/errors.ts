/**
 * Typed errors of the API contract. Every failure that reaches a user is one of these codes with a
 * message in Simplified Chinese and, for input errors, the field it concerns (docs/ARCHITECTURE.md, rule 3).
 */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  DB_BUSY: 503,
  DB_FULL: 507,
  DB_CORRUPT: 500,
  DB_READONLY: 500,
  /** a stored setting fails its schema: the message names the setting */
  BAD_SETTING: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  field: string;
  message: string;
  /** the line of a text field the issue is on (1-based), e.g. the line of a template with an error */
  line?: number;
}

/** The wire shape of an error, identical over IPC and HTTP. */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  issues?: FieldIssue[];
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, field?: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { code: this.code, message: this.message };
    if (this.field !== undefined) body.field = this.field;
    if (this.issues !== undefined) body.issues = this.issues;
    return body;
  }
}

/** An input error on one field: the message names the field. */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError('VALIDATION', message, field, [{ field, message }]);
}

export const notFound = (what: string) => new ApiError('NOT_FOUND', `${what}不存在`);
export const conflict = (message: string, field?: string) =>
  new ApiError('CONFLICT', message, field, field ? [{ field, message }] : undefined);
