import { CustomerServiceOutlined, PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Card, Descriptions, Flex, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.js';
import type { ApplicationDetail } from '../water-connection.api.js';

/** The applicant's service manager (assigned at submission), with the number shown masked. */
export function ManagerCard({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  const m = app.manager;
  return (
    <Card
      size="small"
      title={
        <span>
          <CustomerServiceOutlined /> {t('营商服务经理', 'Your service manager')}
        </span>
      }
      data-testid="manager-card"
    >
      {m ? (
        <Flex gap={12} align="center">
          <Avatar size={44} icon={<UserOutlined />} style={{ background: '#13a8a8', flex: 'none' }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {m.name}
            </Typography.Text>
            <div>
              <PhoneOutlined /> {m.phone ?? '—'}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('全程跟办，可在下方留言沟通；服务热线 968812', 'Follows your application; message below or call 968812')}
            </Typography.Text>
          </div>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('正在分派服务经理', 'A manager is being assigned')}</Typography.Text>
      )}
    </Card>
  );
}

/** The utility's view of who applied and how to reach them. */
export function ApplicantCard({ app }: { app: ApplicationDetail }) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={
        <span>
          <UserOutlined /> {t('申请人', 'Applicant')}
        </span>
      }
      data-testid="applicant-card"
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('申请人', 'Applicant'), children: app.applicantName ?? '—' },
          ...(app.applicantUscc ? [{ key: 'uscc', label: t('统一社会信用代码', 'USCC'), children: app.applicantUscc }] : []),
          { key: 'contact', label: t('联系人', 'Contact'), children: app.contactName ?? '—' },
          { key: 'phone', label: t('联系电话', 'Phone'), children: app.contactPhone ?? '—' },
          ...(app.manager ? [{ key: 'mgr', label: t('服务经理', 'Manager'), children: app.manager.name }] : []),
        ]}
      />
    </Card>
  );
}
