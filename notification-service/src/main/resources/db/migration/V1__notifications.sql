-- notification-service: one message to a customer and its delivery state.

create table notification (
    id          uuid primary key,
    customer_id uuid not null,
    issue_id    uuid,
    channel     text not null,
    status      text not null,
    reason      text,
    created_at  timestamptz not null
);
create index notification_customer on notification (customer_id, created_at desc);
create index notification_issue on notification (issue_id);
