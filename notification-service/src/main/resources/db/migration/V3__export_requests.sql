-- The subject-access exports notification-service answered, one part each: a second request event for the same
-- export (a redelivery under another event id) contributes nothing new. Ids only, nothing personal.
create table export_request (
    export_id      uuid primary key,
    customer_id    uuid not null,
    contributed_at timestamptz not null
);
