import { IdcardOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Form, Input, type FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../../shared/api.js';
import { tr, useI18n } from '../../../shared/i18n.js';
import { isPlausiblePersonName, normalizePersonNameInput } from './person-name-check.js';
import { formFieldError, personNameText } from './realname-problems.js';
import { RealNameErrorAlert } from './realname-error-alert.js';
import { normalizeResidentIdInput, residentIdProblem, residentIdProblemText } from './resident-id-check.js';

export interface IdentityValues {
  name: string;
  residentId: string;
}

/**
 * Step 1: 姓名 and 居民身份证号码. Both are checked here first (same rules as the server), so a mistyped number
 * shows its error under the field and is never sent. The form is submitted by script as a JSON POST body; it
 * has no action, so the number cannot end up in a URL.
 */
export function IdentityForm({
  form,
  onSubmit,
  pending,
  error,
}: {
  form: FormInstance<IdentityValues>;
  onSubmit: (values: IdentityValues) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t, pick } = useI18n();

  // Field errors from the server land under their fields, in the page's language. Only a new error
  // re-applies them (not a language switch), so errors already fixed do not come back.
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    const fields = [];
    for (const e of error.problem.errors ?? []) {
      const f = formFieldError(e);
      if (f && f.field !== 'code') fields.push({ name: f.field, errors: [tr(f.text[0], f.text[1])] });
    }
    if (fields.length) form.setFields(fields);
  }, [error, form]);

  return (
    <Form<IdentityValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      autoComplete="off"
      data-testid="realname-identity-form"
      onFinish={(values) => onSubmit({ name: normalizePersonNameInput(values.name), residentId: normalizeResidentIdInput(values.residentId) })}
    >
      <Form.Item
        name="name"
        label={t('姓名', 'Name')}
        extra={t('与身份证上的姓名一致', 'As printed on the ID card')}
        validateTrigger="onBlur"
        rules={[
          { required: true, whitespace: true, message: t('请输入姓名', 'Enter your name') },
          {
            validator: (_, value: string | undefined) =>
              !value?.trim() || isPlausiblePersonName(value) ? Promise.resolve() : Promise.reject(new Error(pick(personNameText))),
          },
        ]}
      >
        <Input size="large" prefix={<UserOutlined />} autoComplete="name" maxLength={50} data-testid="realname-name" />
      </Form.Item>
      <Form.Item
        name="residentId"
        label={t('居民身份证号码', 'Resident ID number')}
        extra={t('18 位，最后一位可能是 X；仅用于本次认证，提交后只显示部分号码', '18 characters, the last may be X; after submission only a masked form is shown')}
        validateTrigger="onBlur"
        normalize={(value: string) => normalizeResidentIdInput(value ?? '')}
        rules={[
          { required: true, message: t('请输入身份证号码', 'Enter your resident ID number') },
          {
            validator: (_, value: string | undefined) => {
              if (!value) return Promise.resolve();
              const problem = residentIdProblem(value);
              return problem ? Promise.reject(new Error(pick(residentIdProblemText[problem]))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input
          size="large"
          prefix={<IdcardOutlined />}
          maxLength={32}
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
          data-testid="realname-resident-id"
        />
      </Form.Item>
      <RealNameErrorAlert error={error} formShowsFields />
      <Button type="primary" htmlType="submit" size="large" block loading={pending} data-testid="realname-start">
        {t('获取验证码', 'Get a one-time code')}
      </Button>
    </Form>
  );
}
