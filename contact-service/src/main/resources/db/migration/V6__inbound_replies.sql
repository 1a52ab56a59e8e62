-- Customers write back: replies by email are read from the organisation's mailbox and become contacts on their issue.

-- A contact the customer's own reply made (no agent logged it): 'customer-reply'; null for every logged contact.
alter table contact add column origin text;

-- The Reply-To addresses of the emails we sent (learned from notification.sent): the token after '+' names the issue.
create table reply_route (
    token       text primary key,
    issue_id    uuid not null,
    customer_id uuid not null,
    created_at  timestamptz not null
);
create index reply_route_customer on reply_route (customer_id);

-- Every message read from the mailbox, once (its Message-ID), with what became of it: a contact on an issue
-- (matched), nothing because a machine wrote it (ignored), or waiting for staff (unmatched).
create table inbound_message (
    id           uuid primary key,
    channel      text not null,
    message_key  text not null unique,
    sender       text,
    recipient    text,
    subject      text,
    text         text,
    original     text,
    status       text not null,
    reason       text,
    issue_id     uuid,
    customer_id  uuid,
    contact_id   uuid,
    received_at  timestamptz not null,
    read_at      timestamptz not null
);
create index inbound_message_status on inbound_message (status, read_at desc);
create index inbound_message_customer on inbound_message (customer_id);

-- How far each mailbox was read: IMAP UIDs only grow within one UIDVALIDITY; a new UIDVALIDITY reads the box again
-- (the Message-IDs above keep that from doubling anything).
create table mailbox_cursor (
    mailbox      text primary key,
    uid_validity bigint not null,
    last_uid     bigint not null,
    updated_at   timestamptz not null
);
