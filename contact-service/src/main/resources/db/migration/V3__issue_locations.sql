-- The locations (stores, repair partners) each issue is shared with, learnt from issue.events. A partner sees only
-- what concerns its own location: its contacts, and everything about the issues shared with it. A set, so an issue
-- shared with several locations (issue.shared / issue.unshared) needs no change of schema. Issues known before this
-- table existed learn their location with their next event; until then partners do not see them.
create table issue_replica_location (
    issue_id    uuid not null references issue_replica (id) on delete cascade,
    location_id text not null,
    primary key (issue_id, location_id)
);
create index issue_replica_location_location on issue_replica_location (location_id, issue_id);
