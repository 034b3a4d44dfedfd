export { notify, listInbox, countUnread, markRead, markAllRead, type NotifyInput } from './notify.service.js';
export { defineTemplates, findTemplate, fill, type MessageTemplate } from './templates.js';
export { deliverPending, logAdapter, type DeliveryAdapter } from './delivery.js';
