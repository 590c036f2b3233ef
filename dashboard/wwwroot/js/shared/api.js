// The API client: the key on every request, the grid's clock, and refusals as the API's Chinese problem text
// (Accept-Language: zh-CN, so a browser set to English still reads the API's Chinese messages). Used by the operator
// console and the department desk.
import { noteServerTime } from './format.js';

export const session = { key: null, id: 0, roles: [], department: '' };
const listeners = { unauthorized: [] };
export const onUnauthorized = (fn) => listeners.unauthorized.push(fn);

/** A refused request: status plus the problem document's title, detail and errors (http-api Conventions). */
export class ProblemError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}
/** The answer of an older session (key changed meanwhile): dropped silently. */
export class StaleError extends Error {}

/** "标题：详情（字段：消息）" — what an operator reads when an action is refused. */
export function problemText(err) {
  if (!(err instanceof ProblemError)) return '网络连接失败，请稍后重试';
  const p = err.problem;
  const errors = p.errors && typeof p.errors === 'object'
    ? Object.values(p.errors).flat().filter((m) => typeof m === 'string') : [];
  const head = [p.title, p.detail].filter((t) => typeof t === 'string' && t).join('：') || `请求被拒绝（${err.status}）`;
  return errors.length ? `${head}（${errors.join('；')}）` : head;
}

export const can = (...roles) => roles.some((r) => session.roles.includes(r));

async function call(method, path, body, form = false) {
  const id = session.id;
  const headers = { Accept: 'application/json', 'Accept-Language': 'zh-CN' };
  if (session.key) headers['X-Api-Key'] = session.key;
  // a FormData body sets its own multipart Content-Type (with the boundary)
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, cache: 'no-store', credentials: 'same-origin',
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  noteServerTime(response);
  if (id !== session.id) throw new StaleError();
  const text = await response.text();
  if (id !== session.id) throw new StaleError();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  if (response.status === 401 && session.key) listeners.unauthorized.forEach((fn) => fn(401));
  if (!response.ok) throw new ProblemError(response.status, json);
  return json;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body === undefined ? {} : body);
/** multipart/form-data (a file upload): the FormData as it is. */
export const upload = (path, formData) => call('POST', path, formData, true);

/** A list that is either the paged shape { items } or a plain array (http-api Conventions). */
export const items = (answer) => (Array.isArray(answer) ? answer : answer && Array.isArray(answer.items) ? answer.items : []);

export const enc = encodeURIComponent;
