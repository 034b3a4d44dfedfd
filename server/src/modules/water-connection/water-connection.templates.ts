import { defineTemplates } from '../../platform/notify/index.js';

export const waterTemplates = defineTemplates({
  'water-connection.submitted': {
    title: { zh: '用水报装申请已受理：{number}', en: 'Application received: {number}' },
    body: { zh: '您的营商服务经理是 {manager}（{managerPhone}），将在 3 个工作日内完成勘察。', en: 'Your service manager is {manager} ({managerPhone}); the survey is due within 3 working days.' },
  },
  'water-connection.assigned': {
    title: { zh: '新的用水报装申请：{number}', en: 'New application assigned: {number}' },
    body: { zh: '{applicant}，{address}。请联系申请人预约勘察。', en: '{applicant}, {address}. Please arrange the survey.' },
  },
  'water-connection.step': {
    title: { zh: '用水报装进度更新：{number}', en: 'Application update: {number}' },
    body: { zh: '当前环节：{state}。{note}', en: 'Current step: {stateEn}. {note}' },
  },
  'water-connection.message': {
    title: { zh: '新留言：{number}', en: 'New message: {number}' },
    body: { zh: '{author}：{excerpt}', en: '{author}: {excerpt}' },
  },
  'water-connection.bad-rating': {
    title: { zh: '差评整改：{number}', en: 'Rectification after a bad rating: {number}' },
    body: { zh: '申请人评价为“{level}”，请于 {dueDate} 前整改并回访。', en: 'Rated "{level}"; rectify and call back by {dueDate}.' },
  },
});
