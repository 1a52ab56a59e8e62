-- The customer asked to receive the contact's summary (published in contact.events for notification-service to send).
-- Not personal data: it stays when the customer is erased. Contacts logged before it existed did not ask.
alter table contact add column summary_requested boolean not null default false;
