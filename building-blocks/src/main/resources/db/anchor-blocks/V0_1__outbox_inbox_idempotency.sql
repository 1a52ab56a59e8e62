-- Shared shape of every service's messaging and idempotency tables (building-blocks).

create sequence outbox_message_seq;

create table outbox_message (
    position    bigint primary key default nextval('outbox_message_seq'),
    event_id    uuid not null unique,
    topic       text not null,
    message_key text not null,
    event_type  text not null,
    payload     text not null,
    created_at  timestamptz not null
);

create table inbox_message (
    consumer   text not null,
    event_id   uuid not null,
    applied_at timestamptz not null,
    primary key (consumer, event_id)
);

create table idempotency_record (
    scope        text not null,
    request_key  text not null,
    request_hash text not null,
    status       int not null,
    body         text,
    location     text,
    etag         text,
    subject      uuid,
    created_at   timestamptz not null,
    primary key (scope, request_key)
);
create index idempotency_record_subject on idempotency_record (subject);
create index idempotency_record_created on idempotency_record (created_at);
