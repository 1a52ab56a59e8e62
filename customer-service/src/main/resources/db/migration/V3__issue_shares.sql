-- customer-service: the locations (stores, repair partners) each customer's issues are shared with, learnt from
-- issue.events. A partner reads a customer only while one of its issues is shared with the partner's location.
-- One row per issue and location; customer_id is the record that holds the issue here (a merge moves it to the
-- survivor, an erasure deletes it). No foreign key: the consumer stores only customers it holds, and erasure deletes.

create table issue_share (
    issue_id    uuid not null,
    location_id text not null,
    customer_id uuid not null,
    primary key (issue_id, location_id)
);
create index issue_share_customer_location on issue_share (customer_id, location_id);
