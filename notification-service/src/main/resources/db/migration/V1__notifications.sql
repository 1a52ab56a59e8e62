-- notification-service: replicas of customers and issues (from their events), address suppressions,
-- and every notification with its delivery state.

-- What we know of a customer to reach them. Erased customers stay as a tombstone without personal data,
-- so a late event cannot bring their data back; merged ones point at the surviving record.
create table customer_contact (
    id                uuid primary key,
    version           bigint not null,
    status            text not null,
    display_name      text,
    email             text,
    phone             text,
    preferred_channel text,
    fallback_allowed  boolean not null default false,
    language          text,
    time_zone         text,
    quiet_start       text,
    quiet_end         text,
    consent_service   boolean not null default true,
    consent_marketing boolean not null default false,
    merged_into       uuid,
    updated_at        timestamptz not null
);

-- What templates need of an issue. status_url only ever arrives with issue.opened.
create table issue_replica (
    id           uuid primary key,
    version      bigint not null,
    number       text,
    customer_id  uuid,
    title        text,
    status       text,
    status_label text,
    priority     text,
    owner_name   text,
    status_url   text,
    updated_at   timestamptz not null
);
create index issue_replica_customer on issue_replica (customer_id);

-- An address (email or E.164 number) that hard-bounced or complained: not used again until the customer's
-- address changes (a new address is simply not in here).
create table address_suppression (
    channel    text not null,
    address    text not null,
    reason     text not null,
    created_at timestamptz not null,
    primary key (channel, address)
);

create table notification (
    id               uuid primary key,
    customer_id      uuid not null,
    issue_id         uuid,
    trigger_event_id uuid not null,
    trigger_type     text not null,
    category         text not null,
    urgent           boolean not null default false,
    channel          text,
    fallback_channel text,
    status           text not null,
    reason           text,
    template         text,
    language         text,
    subject          text,
    summary          text,
    body_text        text,
    body_html        text,
    sms_text         text,
    recipient        text,
    provider         text,
    provider_id      text,
    attempts         int not null default 0,
    due_at           timestamptz,
    last_error       text,
    created_at       timestamptz not null,
    sent_at          timestamptz,
    delivered_at     timestamptz,
    version          bigint not null default 0
);
create unique index notification_trigger on notification (trigger_event_id, customer_id);
create index notification_customer on notification (customer_id, created_at desc);
create index notification_issue on notification (issue_id, created_at desc);
create index notification_due on notification (due_at) where status = 'queued';
create unique index notification_provider_id on notification (provider_id) where provider_id is not null;
