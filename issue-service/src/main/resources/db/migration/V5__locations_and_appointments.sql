-- The directory of stores and repair centres (staff keep it through /locations): what the customer needs to get there.
-- place holds the entry as events carry it ($defs/place of docs/events/issue.defs.schema.json).
create table location (
    id         text primary key,
    place      jsonb not null,
    version    bigint not null default 0,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

-- Snapshots of a directory entry: where the next action happens, and the upcoming booking (appointment).
alter table issue add column next_place jsonb;
alter table issue add column appointment jsonb;
-- While resolved: when the issue closes itself; while closed: until when it may be reopened.
alter table issue add column closes_at timestamptz;
alter table issue add column reopenable_until timestamptz;
create index issue_closes_at on issue (closes_at) where closes_at is not null;

-- The structured facts of a trail entry the customer's page words itself (status from/to, an action's kind, amount,
-- currency, time and place, a step's who and due time), so no English summary reaches the page. Free text stays in
-- summary/detail; an erasure may only clear facts (set them to null), once, with the rest.
alter table issue_entry add column facts jsonb;

create or replace function issue_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE'
        and old.erased_at is null and new.erased_at is not null
        and new.position = old.position and new.id = old.id and new.issue_id = old.issue_id
        and new.kind = old.kind and new.visibility = old.visibility and new.actor_role = old.actor_role
        and new.actor_id is not distinct from old.actor_id
        and new.channel is not distinct from old.channel and new.at = old.at
        and new.owner_name is not distinct from old.owner_name
        and new.previous_owner_name is not distinct from old.previous_owner_name
        and new.previous_owner_back_at is not distinct from old.previous_owner_back_at
        and (new.summary = old.summary or new.summary = '[erased]')
        and (new.detail is not distinct from old.detail or new.detail is null)
        and (new.facts is not distinct from old.facts or new.facts is null)
        and (new.actor_name is not distinct from old.actor_name or new.actor_name is null) then
        return new;
    end if;
    raise exception 'issue_entry is append-only';
end;
$$;
