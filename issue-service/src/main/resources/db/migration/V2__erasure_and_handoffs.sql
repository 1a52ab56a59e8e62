-- Erasure of a customer's personal data (customer.erased), and the structured facts of a handoff on the trail.

-- A handoff's entry names the new owner and when the previous owner is back, so the status page can show them.
alter table issue_entry add column owner_name text;
alter table issue_entry add column previous_owner_name text;
alter table issue_entry add column previous_owner_back_at timestamptz;
-- When the customer's personal text was taken out of the entry (customer.erased); null while it is intact.
alter table issue_entry add column erased_at timestamptz;

-- The trail stays append-only: rows are never deleted, and the facts of a row (which issue, what kind, who did it in
-- which role, through which channel, when, who may see it, the handoff's agents) never change. The one change allowed
-- is the erasure itself, once per row: erased_at goes from null to a time, and the free text that may be about the
-- customer (summary, detail, a customer's own name) is either left as it was or replaced by '[erased]' / removed.
-- Nothing else can be written through it, so it cannot be used to rewrite history.
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
        and (new.actor_name is not distinct from old.actor_name or new.actor_name is null) then
        return new;
    end if;
    raise exception 'issue_entry is append-only';
end;
$$;
