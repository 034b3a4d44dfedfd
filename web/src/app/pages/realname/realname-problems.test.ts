import { describe, expect, it } from 'vitest';
import { realNameProblems } from '../../../../../server/src/platform/realname/realname.errors.js';
import { formFieldError, problemTitle, realNameErrorText, realNameProblemText } from './realname-problems.js';

describe('real-name problem messages', () => {
  it('has a Chinese and an English message for every code the server can send', () => {
    for (const code of Object.keys(realNameProblems)) {
      const text = realNameProblemText[code];
      expect(text, code).toBeDefined();
      expect(text[0]).toMatch(/\p{Script=Han}/u);
      expect(text[1]).toMatch(/^[\x20-\x7e’]+$/);
    }
  });

  it('never shows an unknown code from the URL as it is', () => {
    expect(realNameErrorText('<script>')[0]).toBe('实名认证未完成');
    expect(realNameErrorText(null)[1]).toBe('Real-name verification did not complete');
    expect(realNameErrorText('realname-oidc-denied')[0]).toBe('您在认证服务处取消了实名认证');
  });

  it('titles known problems itself and keeps the server title otherwise', () => {
    expect(problemTitle({ status: 422, title: 'x', code: 'realname-code-mismatch' })).toEqual(['验证码不正确', 'The one-time code is wrong']);
    expect(problemTitle({ status: 429, title: '请求过于频繁' })).toEqual(['请求过于频繁', '请求过于频繁']);
  });

  it('maps the server’s field errors onto the form fields', () => {
    expect(formFieldError({ path: 'body.residentId', code: 'resident-id-check-char', message: '…' })).toEqual({
      field: 'residentId',
      text: ['校验码不正确，请核对号码', 'The check character is wrong; check the number'],
    });
    expect(formFieldError({ path: '/name', code: 'name-format', message: '…' })?.field).toBe('name');
    expect(formFieldError({ path: 'body.other', code: 'x', message: 'y' })).toBeNull();
  });
});
