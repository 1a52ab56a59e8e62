-- issue-service: what it needs to know about a customer, kept from customer.events (event-carried state).

create table customer_replica (
    id           uuid primary key,
    display_name text,
    language     text,
    time_zone    text,
    status       text,
    version      bigint,
    updated_at   timestamptz
);
