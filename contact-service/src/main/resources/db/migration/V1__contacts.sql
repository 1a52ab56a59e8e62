-- contact-service: one interaction with a customer on one channel.

create table contact (
    id          uuid primary key,
    customer_id uuid not null,
    issue_id    uuid,
    channel     text not null,
    direction   text not null,
    occurred_at timestamptz not null,
    summary     text,
    created_at  timestamptz not null
);
create index contact_customer on contact (customer_id, occurred_at desc);
create index contact_issue on contact (issue_id);
