-- An issue is shared with a set of locations (stores, repair partners), whose partners see it; the location it was
-- opened with (issue.location_id) is its first share. A next action may name where it happens (a repair booking).
create table issue_share (
    issue_id    uuid not null references issue (id),
    location_id text not null,
    primary key (issue_id, location_id)
);
create index issue_share_location on issue_share (location_id);
insert into issue_share (issue_id, location_id) select id, location_id from issue where location_id is not null;

alter table issue add column next_location_id text;
