-- contact-service: interactions with customers on every channel, their corrections (amendments), and the read model
-- behind the customer timeline and summary, fed by customer.events, issue.events and notification.events.

create table contact (
    id               uuid primary key,
    customer_id      uuid not null,
    issue_id         uuid,
    channel          text not null,
    direction        text not null,
    agent_id         text,
    location_id      text,
    occurred_at      timestamptz not null,
    duration_seconds int,
    summary          text,
    internal_notes   text,
    outcome          text not null,
    logged_by        text not null,
    erased           boolean not null default false,
    version          bigint not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index contact_customer on contact (customer_id, occurred_at desc);
create index contact_issue on contact (issue_id);

-- Every correction of a contact: who, when, why, and each changed field's value before and after (JSON).
create table contact_amendment (
    id          uuid primary key,
    contact_id  uuid not null references contact (id),
    version     bigint not null,
    amended_by  text not null,
    amended_at  timestamptz not null,
    reason      text,
    fields      text not null,
    changes     text,
    unique (contact_id, version)
);

-- What contact-service knows of each customer (from customer.events); merged and erased records stay as markers.
create table customer_replica (
    id                uuid primary key,
    status            text not null,
    display_name      text,
    preferred_channel text,
    mailing_address   text,
    merged_into       uuid,
    version           bigint not null,
    updated_at        timestamptz not null
);
create index customer_replica_merged_into on customer_replica (merged_into);

-- What contact-service knows of each issue (from issue.events), for the summary's open issues and next actions.
create table issue_replica (
    id                  uuid primary key,
    customer_id         uuid not null,
    number              text,
    title               text,
    status              text not null,
    next_action_what    text,
    next_action_who     text,
    next_action_due_at  timestamptz,
    version             bigint not null,
    updated_at          timestamptz not null
);
create index issue_replica_customer on issue_replica (customer_id);

-- The customer timeline: one row per contact, per issue event and per notification, newest first.
create table timeline_entry (
    id           uuid primary key,
    customer_id  uuid not null,
    kind         text not null,
    type         text not null,
    occurred_at  timestamptz not null,
    channel      text,
    issue_id     uuid,
    issue_number text,
    location_id  text,
    internal     boolean not null,
    text         text,
    detail       text,
    rank         int not null default 0
);
create index timeline_entry_customer on timeline_entry (customer_id, occurred_at desc, id desc);
