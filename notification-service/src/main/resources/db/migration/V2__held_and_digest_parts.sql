-- What a waiting message tells, so it can be decided and rendered again: a JSON array of parts, each
-- {eventId, type, template, urgent, issue, change} as the triggering event carried them (issue is absent for a contact
-- summary, whose change is the contact). A message held until its customer is known ('awaiting-customer') is decided
-- again from it; a message that absorbs a waiting one (coalescing) becomes a digest of both parts.
-- Cleared once the message no longer waits (sent, failed, suppressed) and when the customer is erased.
alter table notification add column parts jsonb;

-- Held messages whose customer has not arrived yet: looked up by customer and by when the wait ends.
create index notification_awaiting on notification (customer_id) where status = 'queued' and reason = 'awaiting-customer';

-- The issue's owner (token subject), so a first assignment to the owner the opening message already named tells nothing new.
alter table issue_replica add column owner_id text;
