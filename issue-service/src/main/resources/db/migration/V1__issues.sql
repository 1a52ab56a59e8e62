-- issue-service: issues, their append-only timeline, status-page tokens, and the customers it needs to know.

-- What issue-service knows about a customer, kept from customer.events (event-carried state).
create table customer_replica (
    id           uuid primary key,
    display_name text,
    language     text,
    time_zone    text,
    status       text not null,
    merged_into  uuid,
    version      bigint not null,
    updated_at   timestamptz not null
);

create table issue (
    id                  uuid primary key,
    number              text not null unique,
    customer_id         uuid not null,
    title               text not null,
    description         text,
    category            text,
    priority            text not null,
    channel             text not null,
    status              text not null,
    owner_id            text,
    owner_name          text,
    next_what           text,
    next_who            text,
    next_due_at         timestamptz,
    next_overdue_raised boolean not null default false,
    linked_issue_id     uuid references issue (id),
    location_id         text,
    first_response_at   timestamptz,
    resolved_at         timestamptz,
    closed_at           timestamptz,
    first_response_due_at timestamptz not null,
    resolution_due_at   timestamptz not null,
    sla_paused_at       timestamptz,
    first_response_breach_raised boolean not null default false,
    resolution_breach_raised     boolean not null default false,
    version             bigint not null,
    opened_at           timestamptz not null,
    updated_at          timestamptz not null
);
create index issue_customer on issue (customer_id);
create index issue_owner on issue (owner_id);
create index issue_status on issue (status);
create index issue_next_due on issue (next_due_at) where next_due_at is not null;
create index issue_location on issue (location_id) where location_id is not null;

-- The audit trail: every change, who made it, when, through which channel. Rows are never changed or removed.
create table issue_entry (
    position    bigserial primary key,
    id          uuid not null unique,
    issue_id    uuid not null references issue (id),
    kind        text not null,
    visibility  text not null,
    actor_role  text not null,
    actor_id    text,
    actor_name  text,
    channel     text,
    summary     text not null,
    detail      text,
    at          timestamptz not null
);
create index issue_entry_issue on issue_entry (issue_id, position);

create function issue_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'issue_entry is append-only';
end;
$$;
create trigger issue_entry_append_only before update or delete on issue_entry
    for each row execute function issue_entry_append_only();

-- The customer's status-page links: only the SHA-256 of each token is kept.
create table status_token (
    token_hash text primary key,
    issue_id   uuid not null references issue (id),
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index status_token_issue on status_token (issue_id);
