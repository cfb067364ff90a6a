import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// The one error type of the API. Every refusal is thrown as an ApiError and leaves through the
// one handler (middleware/errors.ts) as `{error, error_vi, parameter?, …}`: English for scripts
// (the contract's `error`), Vietnamese for the people who read it on the dashboard.

export interface ApiErrorBody {
  error: string;
  error_vi: string;
  /** The request parameter or body field at fault, where there is one. */
  parameter?: string;
  /** Anything else a caller can act on (required_role, retry_after, errors, …). */
  [extra: string]: unknown;
}

export class ApiError extends HTTPException {
  readonly body: ApiErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, body: ApiErrorBody, headers: Record<string, string> = {}) {
    super(status, { message: body.error });
    this.body = body;
    this.headers = headers;
  }

  override getResponse(): Response {
    return Response.json(this.body, { status: this.status, headers: this.headers });
  }
}

/** A message in both languages. */
export interface Text {
  en: string;
  vi: string;
}

/** 400: a parameter is malformed, or names something that does not exist. */
export const badParameter = (parameter: string, text: Text, extra: Record<string, unknown> = {}) =>
  new ApiError(400, { error: `${parameter}: ${text.en}`, error_vi: `${parameter}: ${text.vi}`, parameter, ...extra });

export const notFound = (text: Text) => new ApiError(404, { error: text.en, error_vi: text.vi });
export const conflict = (text: Text, extra: Record<string, unknown> = {}) =>
  new ApiError(409, { error: text.en, error_vi: text.vi, ...extra });
export const forbidden = (text: Text, extra: Record<string, unknown> = {}) =>
  new ApiError(403, { error: `Forbidden: ${text.en}`, error_vi: `Không có quyền: ${text.vi}`, ...extra });
export const unauthorized = (text: Text, extra: Record<string, unknown> = {}) =>
  new ApiError(401, { error: text.en, error_vi: text.vi, ...extra });

/** Vietnamese for errors raised by the framework itself, which speak English only. */
export const STATUS_VI: Partial<Record<number, string>> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  405: 'Phương thức không được hỗ trợ',
  409: 'Xung đột với dữ liệu hiện có',
  413: 'Yêu cầu hoặc tệp quá lớn',
  415: 'Định dạng nội dung không được hỗ trợ',
  422: 'Dữ liệu không hợp lệ',
  429: 'Quá nhiều yêu cầu, hãy thử lại sau',
  500: 'Lỗi máy chủ',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};
