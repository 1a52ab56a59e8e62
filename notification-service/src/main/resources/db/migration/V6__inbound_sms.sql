-- SMS replies from the provider's inbound webhook, one row per provider message id, so a repeated webhook changes
-- nothing. Ids and what became of it only: the number and the text are not kept here (they went out in the event).
create table inbound_sms (
    provider_id text primary key,
    customer_id uuid,
    issue_id    uuid,
    status      text not null,
    received_at timestamptz not null
);

-- A reply is matched to its customer by number: only active customers keep one.
create index customer_contact_phone on customer_contact (phone) where status = 'active';
